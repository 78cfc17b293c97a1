import Foundation
import Provisioning

/// Where signing in stands: what the start screen (or, for a question that
/// comes later, the sign-in screen) shows and which keys it offers.
public enum SignInProgress: Sendable, Equatable {
    /// Signed in, offline, or not started: nothing to show.
    case idle
    /// Resolving credentials; nothing asked yet.
    case connecting
    /// The profile's role needs a code from its MFA device.
    case askingForMFACode(MFACodeRequest)
    /// An IAM Identity Center sign-in waits for approval in a browser.
    case waitingForApproval(DeviceSignInRequest)

    /// True while signing in still has something to show or ask (anything but `idle`).
    public var isUnderWay: Bool { self != .idle }
}

/// A question signing in asks while the screens are up, from connecting
/// attempt `attempt` (nil: the connected session, asking later). A question
/// from an attempt the person has left (Esc) is declined, never shown.
public enum SignInQuestion: Sendable {
    case mfaCode(MFACodeRequest, MFACodeReply, attempt: Int?)
    case deviceSignIn(DeviceSignInRequest, attempt: Int?)
}

/// The one answer to an MFA code question: resumes the credential chain
/// waiting on it exactly once, with the code or with the refusal.
public final class MFACodeReply: @unchecked Sendable {
    // @unchecked: `continuation` is only touched while `lock` is held.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<String, any Error>?

    init(_ continuation: CheckedContinuation<String, any Error>) {
        self.continuation = continuation
    }

    // A question dropped unanswered must not leave the chain waiting forever.
    deinit { decline("the question was dropped") }

    func answer(_ code: String) { take()?.resume(returning: code) }

    func decline(_ reason: String) { take()?.resume(throwing: SignInDeclined(reason: reason)) }

    private func take() -> CheckedContinuation<String, any Error>? {
        lock.withLock {
            defer { continuation = nil }
            return continuation
        }
    }
}

/// The person chose not to answer (or the question was replaced by a newer one).
public struct SignInDeclined: Error, Sendable, CustomStringConvertible {
    /// Why the question went unanswered, in words fit to show.
    public var reason: String
    /// Just the reason, so wherever the error surfaces it reads as plain words.
    public var description: String { reason }
}
