import Provisioning

/// What an apply that did not finish says: which step failed and with what
/// AWS error code, what was done and what was not, and that running the same
/// command again finishes the job (apply plans afresh and converges).
enum ApplyOutcomeText {
    static func lines(for result: ApplyResult) -> [String] {
        var lines: [String] = []
        switch result.status {
        case .succeeded:
            return []
        case .failed:
            lines += result.failures.map { "\($0.step.action) failed (\($0.step.description)): \($0.code): \($0.message)" }
        case .cancelled:
            lines.append("Stopped on request after the calls in flight.")
        }
        lines.append("Done: " + list(result.completed))
        if !result.notStarted.isEmpty { lines.append("Not done: " + list(result.notStarted)) }
        lines.append(result.status == .failed
            ? "Fix the cause and run the same command again: apply plans afresh and finishes the job."
            : "Run the same command again to finish the job.")
        return lines
    }

    private static func list(_ steps: [ApplyStep]) -> String {
        steps.isEmpty ? "nothing" : steps.map(\.description).joined(separator: "; ")
    }
}
