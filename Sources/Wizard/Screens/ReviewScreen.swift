import Foundation
import Provisioning
import TerminalUI

/// Step 5: everything on one screen: the role, the plan (what will be
/// created or changed, read from IAM in the background), the findings.
/// Enter applies (offline: exports); F3 saves the answers as a spec file;
/// Esc goes back step by step with every answer kept. Editing a role, it
/// shows the old and new trust policy as a diff and asks before writing.
final class ReviewScreen: WizardScreen {
    enum Command: Equatable { case confirm, save, jump(Int), rename, compare }

    let context: WizardContext
    let flow: Flow
    var step: Int? { flow == .create ? CreateFlow.Step.review.rawValue : nil }
    let pane = ScrollView()
    /// The plan this screen asked for, once made (the context drops older ones).
    var summary: Outcome<ReviewSummary>? { context.reviewRequest == request ? context.review : nil }
    private var request = 0
    private(set) var notice: String?
    private var spinner = 0
    /// The pane's text before wrapping, and the width it was last wrapped to.
    private var text = ""
    private var wrappedWidth = 0
    /// Opened from the role editor: the apply goes back to it when done.
    let returnsToEditor: Bool
    /// How many applies this run had when the shown plan was made: after
    /// another one (Esc back from Done), the plan is stale and made again.
    private var appliesWhenPlanned: Int

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Confirm", help: "Apply the plan (offline: export the role)", action: .confirm),
        KeyBinding(keys: [.function(3), .character("s")], label: "Save spec", help: "Save the answers as a spec file for later", action: .save),
        KeyBinding(keys: [.character("n")], label: "Other name", help: "Role exists: back to Details for another name",
                   showsInBar: false, action: .rename),
        KeyBinding(keys: [.character("o")], label: "Compare", help: "Role exists: these answers as changes to it",
                   showsInBar: false, action: .compare),
    ] + CreateFlow.Step.answers.map { $0.title(offline: false) }.enumerated().map { index, name in
        KeyBinding(keys: [.character(Character(String(index + 1)))], label: "Step \(index + 1)",
                   help: "Back to step \(index + 1), \(name) (answers kept)", showsInBar: false, action: .jump(index))
    })

    init(context: WizardContext, flow: Flow, returnsToEditor: Bool = false) {
        self.context = context
        self.returnsToEditor = returnsToEditor
        self.flow = flow
        appliesWhenPlanned = context.applyResults.count
        request = context.loadReview(prune: flow == .edit)
        text = ReviewText.roleLines(context.model, partition: context.partition).joined(separator: "\n") + "\n\nPlanning…"
    }

    /// Plans again when an apply has happened since this plan was made, so
    /// the screen never offers to create a role that now exists.
    private func replanIfStale() {
        guard context.applyResults.count != appliesWhenPlanned else { return }
        appliesWhenPlanned = context.applyResults.count
        notice = nil
        text = ReviewText.roleLines(context.model, partition: context.partition).joined(separator: "\n") + "\n\nPlanning…"
        wrappedWidth = 0
        request = context.loadReview(prune: flow == .edit)
    }

    var title: String { "Review" }
    /// Enter is offered only when it does something.
    var keyHints: [KeyHint] {
        let enterWorks = canConfirm
        return Self.keys.hints.filter { enterWorks || $0.label != "Confirm" } + pane.keyHints
    }

    /// Whether Enter would apply, export or go back now.
    private var canConfirm: Bool {
        guard case .success(let review)? = summary, !review.findings.hasErrors, !takesOverExistingRole(review) else { return false }
        return context.service.isOffline || !review.plan.isEmpty || flow == .edit
    }
    var isAnimating: Bool { summary == nil }
    func tick() { spinner += 1 }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        guard case .review(let request, _) = message else { return .ignored }
        guard request == self.request, let outcome = summary else { return .handled }  // an older plan: never shown
        text = ReviewText.text(for: outcome, model: context.model, partition: context.partition)
        wrappedWidth = 0
        return .handled
    }

    func draw(_ canvas: Canvas) {
        replanIfStale()
        let body = WizardFrame.draw(canvas, title: flow == .create ? "review" : "review changes",
                                    step: step, offline: context.service.isOffline)
        // Wrapped here, where the width is known, so values keep their column (the last column is the scrollbar's).
        if wrappedWidth != body.columns - 1 {
            wrappedWidth = body.columns - 1
            pane.setText(ReviewText.wrapped(text, width: wrappedWidth).joined(separator: "\n"), keepPosition: true)
        }
        pane.draw(body.rows(from: 0, count: body.rows - 1), focused: true)
        let status: String
        switch summary {
        case nil: status = ["|", "/", "-", "\\"][spinner % 4] + " planning…"
        case .failure?: status = "! The role cannot be planned; Esc goes back to fix it."
        case .success(let review)?:
            let errors = review.findings.filter { $0.severity == .error }.count
            let action = context.service.isOffline ? "export" : (flow == .edit ? "apply the changes" : "create the role")
            status = errors > 0 ? "! \(errors) error finding\(errors == 1 ? "" : "s") must be fixed first"
                : takesOverExistingRole(review) ? "! Role \(review.plan.roleName) already exists: n to choose another name, o to compare with it."
                : (review.plan.isEmpty ? (flow == .edit ? "Nothing to change: Enter goes back." : "Nothing to change.") : "Enter to \(action).")
        }
        body.field(notice ?? status, at: Point(x: 0, y: body.rows - 1), width: body.columns,
                   style: status.hasPrefix("!") && notice == nil ? .error : .title)
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        replanIfStale()
        switch Self.keys.action(for: key) {
        case .confirm?: return confirm()
        case .save?:
            return .push(SaveSpecScreen(context: context) { [weak self] message in self?.notice = message })
        case .jump(let index)? where flow == .create:
            return CreateFlow.back(to: CreateFlow.Step.answers[index])
        case .jump?:
            return .ignored
        case .rename? where isBlockedByExistingRole:
            return CreateFlow.back(to: .details)
        case .compare? where isBlockedByExistingRole:
            // The same answers, planned as changes to the role IAM holds.
            return .replace(ReviewScreen(context: context, flow: .edit))
        case .rename?, .compare?:
            return .ignored
        case nil:
            return pane.handle(key) == .ignored ? .ignored : .handled
        }
    }

    /// The create flow found a role by this name that this run did not
    /// make: creating would write over it.
    private func takesOverExistingRole(_ review: ReviewSummary) -> Bool {
        flow == .create && !context.service.isOffline && !review.plan.createsRole
            && !context.createdThisRun(roleArn: review.plan.roleArn)
    }

    private var isBlockedByExistingRole: Bool {
        guard case .success(let review)? = summary else { return false }
        return takesOverExistingRole(review)
    }

    private func confirm() -> Transition<WizardMessage> {
        guard case .success(let review)? = summary, !review.findings.hasErrors else { return .handled }
        // Never write over a role the person did not ask to edit.
        if takesOverExistingRole(review) { return .handled }
        if context.service.isOffline {
            return .push(ExportScreen(context: context, step: CreateFlow.Step.finish.rawValue))
        }
        if review.plan.isEmpty { return flow == .edit ? .pop : .handled }
        if flow == .edit {
            let count = review.plan.changes.count
            return .present(Dialog.confirm(
                title: "Apply changes?",
                message: "Write \(count) change\(count == 1 ? "" : "s") to role \(review.plan.roleName)? Nothing has been written yet.",
                confirm: "Apply", cancel: "Not yet"), tag: "apply")
        }
        return .push(ApplyScreen(context: context, plan: review.plan, flow: flow))
    }

    func dialogClosed(tag: String, choice: DialogChoice) -> Transition<WizardMessage> {
        guard tag == "apply", choice.isConfirmed, case .success(let review)? = summary else { return .handled }
        return .replace(ApplyScreen(context: context, plan: review.plan, flow: flow, returnsToEditor: returnsToEditor))
    }
}
