import Foundation

/// When and how long to wait before trying a call again: bounded attempts,
/// exponential back-off with full jitter (a random wait between zero and the
/// exponential cap, so many clients do not retry in step). The sleep and the
/// random source are injectable so tests run instantly and deterministically.
public struct RetryPolicy: Sendable {
    /// Attempts in total, the first included. At least 1.
    public var maxAttempts: Int
    /// The back-off cap for the first retry; it doubles with each retry.
    public var baseDelay: TimeInterval
    /// No single wait is longer than this.
    public var maxDelay: TimeInterval
    /// How a delay is waited out: `taskSleep`, or a recorder in tests so back-off takes no time.
    public var sleep: @Sendable (TimeInterval) async throws -> Void
    /// Returns a value in `0...1`; the jitter multiplies the cap by it.
    public var random: @Sendable () -> Double
    /// When every call must be done, retries and waits included: the
    /// command's time limit (`--timeout`). Nil is no limit beyond the
    /// attempts' own.
    public var deadline: Date?

    /// How many attempts a call gets unless the session says otherwise: the first try and four retries.
    public static let defaultMaxAttempts = 5

    /// Defaults suit an interactive command: five attempts, 0.2 s doubling to 20 s at most; `maxAttempts` below 1 counts as 1.
    public init(
        maxAttempts: Int = RetryPolicy.defaultMaxAttempts, baseDelay: TimeInterval = 0.2, maxDelay: TimeInterval = 20,
        sleep: @escaping @Sendable (TimeInterval) async throws -> Void = RetryPolicy.taskSleep,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        deadline: Date? = nil
    ) {
        self.deadline = deadline
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.sleep = sleep
        self.random = random
    }

    /// The wait before attempt `attempt + 1`, after `attempt` failed (1-based).
    public func delay(afterAttempt attempt: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        let cap = min(maxDelay, baseDelay * pow(2, exponent))
        return cap * min(1, max(0, random()))
    }

    /// A cancellable sleep: an interrupted command stops waiting at once.
    public static let taskSleep: @Sendable (TimeInterval) async throws -> Void = { seconds in
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }

    // MARK: - What is worth retrying

    /// Error codes that mean "slow down" rather than "you are wrong".
    public static var throttlingCodes: Set<AWSErrorCode> { AWSErrorCode.throttling }

    /// Error codes for failures on AWS's side that usually pass.
    public static var transientCodes: Set<AWSErrorCode> { AWSErrorCode.transient }

    /// True for throttling, AWS-side failures (5xx, 429) and known transient codes.
    /// Client errors (EntityAlreadyExists, LimitExceeded, MalformedPolicyDocument,
    /// AccessDenied, NoSuchEntity, ...) are never retried: the same call fails again.
    public static func isRetryable(_ error: AWSError) -> Bool {
        if throttlingCodes.contains(error.code) || transientCodes.contains(error.code) { return true }
        return isRetryable(status: error.httpStatus)
    }

    /// For answers with no AWS error body (a proxy's page): throttling and server-side statuses only.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// Time-outs and dropped connections are retried; a refused connection is
    /// retried too, since a server that is restarting refuses for a moment.
    public static func isRetryable(_ error: TransportError) -> Bool {
        switch error.kind {
        case .timedOut, .connectionLost, .cannotConnect: return true
        case .other: return false
        }
    }
}
