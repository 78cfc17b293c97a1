import Foundation
import SafeText

/// A credential source that is configured but cannot deliver: a broken profile,
/// a failing `credential_process`, an AssumeRole that was denied, a container
/// endpoint that answers badly. It stops the chain, because falling through to
/// another source would quietly act as a different identity.
///
/// Messages name the source (`profile dev`, `container`, ...) and the setting
/// at fault; they never contain a secret key or a session token.
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of fault, so callers can choose advice and exit status without parsing the message.
    public enum Kind: Sendable, Hashable {
        /// A setting is missing, contradictory or malformed.
        case invalidConfiguration
        /// An explicitly requested profile is in neither file.
        case profileNotFound
        /// `source_profile` references loop back on themselves.
        case profileCycle
        /// A file the configuration points at (a token file) cannot be read.
        case unreadableFile
        /// `credential_process` could not run, failed, or printed something unusable.
        case processFailed
        /// No HTTP response arrived from a metadata endpoint.
        case unreachable(TransportError.Kind)
        /// A metadata endpoint answered, but not with credentials.
        case badResponse
        /// STS refused or failed AssumeRole / AssumeRoleWithWebIdentity.
        case stsFailed
        /// IAM Identity Center has no usable sign-in: no cached token, or one that
        /// expired and could not be refreshed. `rolewiz login` (or `aws sso login`) fixes it.
        case signInRequired
    }

    /// The source at fault, as listed by the chain: `environment`, `profile dev`, `container`...
    public var source: String
    /// What kind of fault, for advice and exit status.
    public var kind: Kind
    /// For people: names the setting at fault; redacted when the error is made.
    public var message: String

    /// `message` is redacted here, since it may quote a file or a process's output.
    public init(source: String, kind: Kind, message: String) {
        self.source = source
        self.kind = kind
        self.message = SecretRedactor.shared.redact(message)
    }

    /// `source: message`, the form every credential message takes.
    public var description: String { "\(source): \(message)" }
}

/// What one source of the chain turned out to hold, for "tried ..." messages.
public struct CredentialSourceAttempt: Sendable, CustomStringConvertible {
    /// What the source held; only `failed` stops the chain.
    public enum Outcome: Sendable {
        /// This source supplied the credentials.
        case found
        /// Nothing is set up for this source; the reason says what is missing.
        case notConfigured(String)
        /// The source was deliberately not consulted; the reason says why.
        case disabled(String)
        /// A probe that may fail on machines without the service (instance metadata) did.
        case unavailable(CredentialError)
        /// The source is configured but broken; this error stopped the chain.
        case failed(CredentialError)
    }

    /// `environment`, `profile NAME`, `web identity`, `container` or `instance metadata`.
    public var source: String
    /// What the source held.
    public var outcome: Outcome

    /// Built by the chain as it walks; tests and screens may build their own.
    public init(source: String, outcome: Outcome) {
        self.source = source
        self.outcome = outcome
    }

    /// `source (what happened)`, the form the "tried ..." list uses.
    public var description: String {
        switch outcome {
        case .found: "\(source) (found)"
        case .notConfigured(let reason): "\(source) (\(reason))"
        case .disabled(let reason): "\(source) (disabled: \(reason))"
        case .unavailable(let error): "\(source) (unavailable: \(error.message))"
        case .failed(let error): "\(source) (failed: \(error.message))"
        }
    }
}

/// No source of the chain had credentials. `attempts` lists every source in
/// the order tried and what each lacked, so a screen can show the whole story.
public struct NoCredentialsError: Error, Sendable, CustomStringConvertible {
    /// Every source in the order tried, with what each lacked.
    public var attempts: [CredentialSourceAttempt]

    /// Built by the chain when no source is configured.
    public init(attempts: [CredentialSourceAttempt]) {
        self.attempts = attempts
    }

    /// One line listing every source tried and what it lacked.
    public var description: String {
        "no credentials: tried " + attempts.map(\.description).joined(separator: ", ")
    }
}
