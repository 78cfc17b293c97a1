import Provisioning
import SafeText
import Signals

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
        // IAM's error text is one line of inert text, whatever it holds.
        return "  " + colour(label) + "  " + action + "  " + InertText.line(detail)
    }
}

extension ApplyEventPrinter {
    /// Runs IAM writes (an apply, a delete) printing each event as it
    /// happens, with Ctrl-C meaning "stop after the call in flight" for as
    /// long as they run.
    func follow(
        _ heading: String, say: @escaping @Sendable (String) -> Void,
        _ work: (ApplyCancellation, @escaping @Sendable (ApplyEvent) -> Void) async throws -> ApplyResult
    ) async throws -> ApplyResult {
        let cancellation = ApplyCancellation()
        let trap = InterruptTrap {
            cancellation.cancel()
            Console.line("\nInterrupted: stopping after the call in flight...", toStandardError: true)
        }
        defer { trap.remove() }
        say("\n" + heading)
        return try await work(cancellation) { event in
            if let line = line(for: event) { say(line) }
        }
    }
}
