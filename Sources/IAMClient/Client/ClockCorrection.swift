import Foundation

/// The difference between this machine's clock and AWS's, learned from the
/// `Date` header of a clock-skew error and applied to every later signature.
/// One instance is shared by all clients of a session.
public final class ClockCorrection: @unchecked Sendable {
    private let lock = NSLock()
    private var storedOffset: TimeInterval = 0
    private let clock: @Sendable () -> Date

    /// - Parameter clock: the local clock; tests pass a fixed or skewed one.
    public init(clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
    }

    /// Seconds to add to the local clock to get the server's time.
    public var offset: TimeInterval {
        lock.lock()
        defer { lock.unlock() }
        return storedOffset
    }

    /// The local time, uncorrected.
    public func localNow() -> Date { clock() }

    /// The local time corrected by the learned offset: use it to sign.
    public func now() -> Date { clock().addingTimeInterval(offset) }

    /// Learns the offset from a server time observed now.
    func adjust(toServerTime serverTime: Date) {
        let newOffset = serverTime.timeIntervalSince(clock())
        lock.lock()
        storedOffset = newOffset
        lock.unlock()
    }

    /// True when the error says the request's time was wrong (for
    /// `SignatureDoesNotMatch` and similar, only when the message says the
    /// signature expired or is not yet valid, since a wrong key gives the same code).
    static func isClockSkewError(_ error: AWSError) -> Bool {
        switch error.code {
        case _ where AWSErrorCode.clockSkew.contains(error.code):
            return true
        case _ where AWSErrorCode.signatureMismatch.contains(error.code):
            let message = error.message.lowercased()
            return message.contains("signature expired") || message.contains("signature not yet current")
                || message.contains("request has expired")
        default:
            return false
        }
    }
}
