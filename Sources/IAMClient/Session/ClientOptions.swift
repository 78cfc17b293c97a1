import Foundation
import SafeText

/// Everything that decides how rolewiz talks to AWS, gathered from the
/// command line and the environment. `AWSSession.resolve` turns it into clients.
public struct ClientOptions: Sendable {
    /// `--profile`; otherwise `AWS_PROFILE`, then `default`.
    public var profile: String?
    /// `--region`; otherwise AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1.
    public var region: String?
    /// `--endpoint-url`: every IAM, STS and Organizations call goes here.
    public var endpointURL: String?
    /// `--max-attempts`; otherwise AWS_MAX_ATTEMPTS, the profile's `max_attempts`, 5.
    public var maxAttempts: Int?
    /// `--debug`: one line per attempt to `logSink`, secrets redacted.
    public var debug: Bool
    /// The environment to read (never the process environment implicitly, so tests control it).
    public var environment: [String: String]
    /// Where `--debug` lines go.
    public var logSink: @Sendable (String) -> Void
    /// Observers from the start; more can be added to the session later.
    public var observers: [RequestObserver]
    /// Seconds for each attempt, from sending to the last byte of the answer.
    public var timeout: TimeInterval
    /// When every AWS call must be done, retries included (`--timeout`);
    /// nil for no limit beyond the attempts'.
    public var deadline: Date?

    // Injection points for tests; nil means the real thing.
    /// The HTTP transport; default `URLSessionTransport`.
    public var transport: (any HTTPTransport)?
    /// The config and credentials files; default `ProfileStore.load(environment:)`.
    public var profiles: ProfileStore?
    /// Asks a person for the code of a profile's `mfa_serial`; nil when nobody can
    /// be asked (such a profile then fails with `MFACodeUnavailableError`). The
    /// commands read the terminal; the wizard may supply its own field.
    public var mfaPrompt: MFACodePrompt?
    /// Credentials to use instead of the standard chain.
    public var credentialProvider: (any CredentialProvider)?
    /// The back-off sleep; default `Task.sleep`.
    public var sleep: (@Sendable (TimeInterval) async throws -> Void)?
    /// The local clock; default `Date()`.
    public var clock: (@Sendable () -> Date)?

    /// Only `environment` is required: pass the process's own deliberately, or a test's. Every other default is the real thing.
    public init(
        profile: String? = nil, region: String? = nil, endpointURL: String? = nil, maxAttempts: Int? = nil,
        debug: Bool = false, environment: [String: String],
        logSink: @escaping @Sendable (String) -> Void = ClientOptions.standardError,
        observers: [RequestObserver] = [], timeout: TimeInterval = 30,
        transport: (any HTTPTransport)? = nil, profiles: ProfileStore? = nil,
        credentialProvider: (any CredentialProvider)? = nil,
        sleep: (@Sendable (TimeInterval) async throws -> Void)? = nil, clock: (@Sendable () -> Date)? = nil,
        deadline: Date? = nil, mfaPrompt: MFACodePrompt? = nil
    ) {
        self.mfaPrompt = mfaPrompt
        self.deadline = deadline
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.maxAttempts = maxAttempts
        self.debug = debug
        self.environment = environment
        self.logSink = logSink
        self.observers = observers
        self.timeout = timeout
        self.transport = transport
        self.profiles = profiles
        self.credentialProvider = credentialProvider
        self.sleep = sleep
        self.clock = clock
    }

    /// Writes a line to standard error, secrets redacted and made inert.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((InertText.line(SecretRedactor.shared.redact(line)) + "\n").utf8))
    }
}
