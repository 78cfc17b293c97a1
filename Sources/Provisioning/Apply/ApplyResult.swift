/// How an apply ended: what was done, what failed and what was not started,
/// so a person knows where things stand and that running apply again
/// finishes the job.
public struct ApplyResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        case succeeded, failed, cancelled
    }

    public var status: Status
    /// Known once the role exists (nil if creating it failed).
    public var roleArn: String?
    public var completed: [ApplyStep]
    public var failures: [StepFailure]
    public var notStarted: [ApplyStep]

    public init(status: Status, roleArn: String?, completed: [ApplyStep], failures: [StepFailure], notStarted: [ApplyStep]) {
        self.status = status
        self.roleArn = roleArn
        self.completed = completed
        self.failures = failures
        self.notStarted = notStarted
    }

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
