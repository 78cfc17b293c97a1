/// How an apply ended: what was done, what failed and what was not started,
/// so a person knows where things stand and that running apply again
/// finishes the job.
public struct ApplyResult: Sendable, Hashable {
    /// How the apply ended; the raw values are the JSON output's `status`.
    public enum Status: String, Sendable, Hashable, Codable {
        case succeeded, failed, cancelled
    }

    /// `failed` wins over `cancelled` when a step failed before the stop took effect.
    public var status: Status
    /// Known once the role exists (nil if creating it failed).
    public var roleArn: String?
    /// Steps done, in the order they finished (concurrent ones in any order).
    public var completed: [ApplyStep]
    /// The steps that failed; more than one only when concurrent steps (attachments and the like) failed together.
    public var failures: [StepFailure]
    /// Steps never started because of a failure or a stop, in plan order; a new plan and apply do them.
    public var notStarted: [ApplyStep]

    /// Built by an apply; tests build their own to check printing and JSON.
    public init(status: Status, roleArn: String?, completed: [ApplyStep], failures: [StepFailure], notStarted: [ApplyStep]) {
        self.status = status
        self.roleArn = roleArn
        self.completed = completed
        self.failures = failures
        self.notStarted = notStarted
    }

    /// What a person reads after an apply: the outcome on the first line, then one line per step done, failed and not done.
    public var summary: String {
        var lines: [String]
        switch status {
        case .succeeded: lines = ["Applied: \(roleArn ?? "role") is up to date."]
        case .failed: lines = ["Apply failed; run it again once the cause is fixed to finish the job."]
        case .cancelled: lines = ["Apply stopped on request; run it again to finish the job."]
        }
        lines += completed.map { "  done: \($0.description)" }
        lines += failures.map { "  failed: \($0.description)" }
        lines += notStarted.map { "  not done: \($0.description)" }
        return lines.joined(separator: "\n")
    }
}
