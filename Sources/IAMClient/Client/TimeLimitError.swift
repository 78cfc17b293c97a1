/// A call not made, or not retried, because the command's time limit
/// (`--timeout`) ran out: the bound on how long any rolewiz command talks
/// to AWS, whatever the server does.
public struct TimeLimitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call that was not (re)tried.
    public var action: String
    /// Attempts made before the limit.
    public var attempts: Int

    /// `attempts` is how many were sent, so the message says whether AWS was reached at all.
    public init(action: String, attempts: Int) {
        self.action = action
        self.attempts = attempts
    }

    /// Names the call and the attempts, for the one line a command prints.
    public var description: String {
        let tried = attempts == 0 ? "before it could be sent" : "after \(attempts) attempt\(attempts == 1 ? "" : "s")"
        return "the command's time limit ran out: \(action) was given up \(tried) (raise it with --timeout SECONDS)"
    }
}
