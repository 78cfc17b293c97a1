import Provisioning
import TerminalUI

/// Step 6: the plan's calls with a spinner each and their outcome; retries
/// show beside their step. Ctrl-C asks whether to stop after the call in
/// flight. On failure: the error in plain words with its AWS code, what was
/// already done, and the choice to retry (plan again and apply: a re-run
/// finishes the job), go back, or quit.
final class ApplyScreen: WizardScreen {
    enum Command { case next, retry, stop }

    let context: WizardContext
    let flow: Flow
    var step: Int? { flow == .create ? CreateFlow.Step.finish.rawValue : nil }
    let plan: Plan
    let steps: [ApplyStep]
    let progress: ProgressList
    let cancellation = ApplyCancellation()
    /// Opened from the role editor: once applied, Enter goes back to it
    /// (with the role read again); otherwise on to Done.
    let returnsToEditor: Bool
    private(set) var result: Outcome<ApplyResult>?
    private(set) var stopRequested = false

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Continue", help: "When done: go on", action: .next),
        KeyBinding(keys: [.character("r")], label: "Retry", help: "After a failure: plan again and apply what is left", action: .retry),
        KeyBinding(keys: [.control("c")], label: "Stop", help: "While applying: stop after the current call", showsInBar: false, action: .stop),
    ])

    init(context: WizardContext, plan: Plan, flow: Flow, returnsToEditor: Bool = false) {
        self.context = context
        self.returnsToEditor = returnsToEditor
        self.plan = plan
        self.flow = flow
        steps = Applier.steps(for: plan)
        progress = ProgressList(steps: steps.map { ProgressStep(title: Self.title(of: $0)) })
        let (service, cancellation) = (context.service, cancellation)
        let post = context.post
        context.run {
            .applyFinished(await Outcome.of {
                try await service.apply(plan, cancellation: cancellation) { post(.applyEvent($0)) }
            })
        }
    }

    static func title(of step: ApplyStep) -> String {
        switch step {
        case .attachPolicy(let arn): "attach " + PolicyReference(arn: arn).name
        case .detachPolicy(let arn): "detach " + PolicyReference(arn: arn).name
        default: step.description
        }
    }

    var title: String { "Apply" }
    var isRunning: Bool { result == nil }
    var isAnimating: Bool { isRunning }
    var hasUnsavedWork: Bool { isRunning }
    /// SIGTERM, SIGHUP or SIGINT stops the apply after the call in flight, like Ctrl-C's "Stop".
    var defersTermination: Bool { isRunning }
    func terminationRequested() {
        stopRequested = true
        cancellation.cancel()
    }
    var keyHints: [KeyHint] { isRunning ? [] : Self.keys.hints.filter { $0.label != "Stop" && (failed || $0.label != "Retry") } }
    private var failed: Bool { result?.value.map { $0.status != .succeeded } ?? (result != nil) }
    func tick() { progress.tick() }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        switch message {
        case .applyEvent(let event): record(event)
        case .applyFinished(let outcome):
            result = outcome
            // Nothing is left to stop: a "Stop applying?" still open is stale.
            return .dismissDialog(tag: "stop")
        default: return .ignored
        }
        return .handled
    }

    private func record(_ event: ApplyEvent) {
        func index(_ step: ApplyStep) -> Int? { steps.firstIndex(of: step) }
        switch event {
        case .started(let step): if let i = index(step) { progress.setState(.running, at: i) }
        case .retried(let step, let attempt, let reason):
            if let i = index(step) { progress.setState(.running, at: i, detail: "retry \(attempt): \(reason)") }
        case .succeeded(let step): if let i = index(step) { progress.setState(.succeeded, at: i) }
        case .failed(let failure, let reason):
            // IAM's answer in the command line's words, with its advice; a transport failure as it is.
            if let i = index(failure) { progress.setState(.failed(reason.explanation), at: i) }
        case .cancelled(let notStarted):
            for step in notStarted { if let i = index(step) { progress.setState(.skipped, at: i) } }
        case .finished: break
        }
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "apply", step: step)
        _ = body.text("Role \(plan.roleName): \(steps.count) call\(steps.count == 1 ? "" : "s")", at: .zero, style: .title)
        progress.draw(body.rows(from: 2, count: body.rows - 6))
        let footer: String
        switch result {
        case nil: footer = stopRequested ? "Stopping after the current call…" : "Applying… Ctrl-C stops after the current call."
        case .failure(let message)?: footer = "! " + message
        case .success(let applied)?:
            switch applied.status {
            case .succeeded: footer = "Done: \(applied.roleArn ?? plan.roleName). Enter to continue."
            case .failed: footer = "! \(applied.completed.count) done, \(applied.failures.count) failed, \(applied.notStarted.count) not started. r retries, Esc goes back, q quits."
            case .cancelled: footer = "Stopped: \(applied.completed.count) done, \(applied.notStarted.count) not started. r finishes the job, q quits."
            }
        }
        _ = body.paragraph(footer, in: Rect(x: 0, y: body.rows - 3, columns: body.columns, rows: 3),
                           style: footer.hasPrefix("!") ? .error : .normal)
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        switch Self.keys.action(for: key) {
        case .stop? where isRunning:
            return .present(Dialog.confirm(
                title: "Stop applying?", message: "Stop after the current call? What was done so far will be reported.",
                confirm: "Stop", cancel: "Keep going"), tag: "stop")
        case .next?:
            guard case .success(let applied)? = result, applied.status == .succeeded else { return .handled }
            // Opened from the editor, back to it; otherwise (create, or the
            // create flow's comparison with an existing role) done.
            guard returnsToEditor else {
                return .replace(DoneScreen(context: context, roleArn: applied.roleArn ?? plan.roleName))
            }
            context.loadRole(name: plan.roleName)
            return .pop
        case .retry? where !isRunning && failed:
            return .replace(ReviewScreen(context: context, flow: flow, returnsToEditor: returnsToEditor))
        case .stop?:
            return .requestQuit
        default:
            return isRunning && key == .escape ? .handled : .ignored
        }
    }

    func dialogClosed(tag: String, choice: DialogChoice) -> Transition<WizardMessage> {
        if tag == "stop", choice.isConfirmed, isRunning { terminationRequested() }
        return .handled
    }
}
