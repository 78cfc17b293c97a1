import Provisioning

/// One aligned line per apply event, as it happens:
///
///     started    CreateRole        create role l4e-role
///     done       CreateRole        create role l4e-role
///     retrying   AttachRolePolicy  attach arn:... (attempt 2, after Throttling)
///     failed    AttachRolePolicy  attach arn:...: NoSuchEntity: Policy ... does not exist
struct ApplyEventPrinter {
    var style: TerminalStyle
    /// The widest action name, so the step column lines up.
    static let actionWidth = "UpdateAssumeRolePolicy".count

    /// The line for `event`, or nil for the events the final report covers.
    func line(for event: ApplyEvent) -> String? {
        switch event {
        case .started(let step): row("started", step, detail: step.description, colour: style.dim)
        case .retried(let step, let attempt, let reason):
            row("retrying", step, detail: "\(step.description) (attempt \(attempt), after \(reason))", colour: style.yellow)
        case .succeeded(let step): row("done", step, detail: step.description, colour: style.green)
        case .failed(let step, let failure):
            row("failed", step, detail: "\(step.description): \(failure.code): \(failure.message)", colour: style.red)
        case .cancelled, .finished: nil
        }
    }

    private func row(_ status: String, _ step: ApplyStep, detail: String, colour: (String) -> String) -> String {
        let label = status.padding(toLength: 9, withPad: " ", startingAt: 0)
        let action = step.action.padding(toLength: Self.actionWidth, withPad: " ", startingAt: 0)
        return "  " + colour(label) + "  " + action + "  " + detail
    }
}
