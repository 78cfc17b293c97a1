import Provisioning
import TerminalUI

/// The role's inline policies: listed with their findings, the highlighted
/// one's document beside them, and the role's total against IAM's 10,240
/// characters. `a` adds one, Enter or `e` edits, `x` removes (after asking).
/// Nothing is written here: Review plans PutRolePolicy and DeleteRolePolicy.
final class InlinePoliciesScreen: WizardScreen {
    enum Command { case add, edit, remove }

    let context: WizardContext
    let list = ListView(items: [])
    let preview = ScrollView()
    /// Findings by document text, so moving the cursor lints nothing again.
    private var findingsByDocument: [String: [LintFinding]] = [:]
    /// The policies the list shows; when the editor has changed them, the next draw lists them again.
    private var shown: [RoleInlinePolicy] = []

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter, .character("e")], label: "Edit", help: "Edit the highlighted policy in the JSON editor", action: .edit),
        KeyBinding(keys: [.character("a"), .character("+")], label: "Add", help: "Add an inline policy", action: .add),
        KeyBinding(keys: [.character("x"), .delete], label: "Remove", help: "Remove the highlighted policy (asks first)", action: .remove),
    ])

    init(context: WizardContext) {
        self.context = context
        list.emptyMessage = "No inline policies: a adds one."
        refreshItems()
    }

    var model: WizardModel { context.model }
    var title: String { "Inline policies" }
    var keyHints: [KeyHint] { Self.keys.hints + list.keyHints }
    var takesTextInput: Bool { list.takesTextInput }

    /// Identity-policy findings for `document`, worked out once per text.
    func findings(for document: String) -> [LintFinding] {
        if let known = findingsByDocument[document] { return known }
        let found = IdentityPolicyLinter().lint(policy: document)
        findingsByDocument[document] = found
        return found
    }

    private func refreshItems() {
        shown = model.inlinePolicies
        // Only the documents the list holds now: texts typed in between are not kept.
        let documents = Set(shown.map(\.document))
        findingsByDocument = findingsByDocument.filter { documents.contains($0.key) }
        let current = list.currentItem?.id
        list.setItems(model.inlinePolicies.enumerated().map { index, policy in
            let found = findings(for: policy.document)
            let errors = found.filter { $0.severity == .error }.count
            let mark = errors > 0 ? "! " : (found.isEmpty ? "" : "~ ")
            let detail = "\(PolicyDocument.iamSize(of: policy.document)) chars"
                + (found.isEmpty ? "" : ", \(found.count) finding\(found.count == 1 ? "" : "s")")
            return ListItem(id: String(index), title: mark + policy.name, detail: detail)
        })
        if let current { list.moveCursor(to: current) }
        showPreview()
    }

    private func showPreview() {
        guard let index = list.currentItem.flatMap({ Int($0.id) }), model.inlinePolicies.indices.contains(index) else {
            preview.setText("An inline policy is part of the role alone: it goes when the role goes, and only this role has it.\n\n"
                + "a adds one; Review shows what will be written.")
            return
        }
        let policy = model.inlinePolicies[index]
        let found = findings(for: policy.document).map { finding in
            "\(PolicyFindingsView.severity(finding.severity).letter) " + (finding.position.map { "\($0) " } ?? "") + finding.message
        }
        preview.setText((found.isEmpty ? [] : found + [""]).joined(separator: "\n") + policy.document)
    }

    func draw(_ canvas: Canvas) {
        if shown != model.inlinePolicies { refreshItems() }
        let body = WizardFrame.draw(canvas, title: "inline policies", offline: context.service.isOffline)
        let usage = RoleSpec.inlinePolicySizeUsage(of: model.inlinePolicies)
        let count = model.inlinePolicies.count
        body.field("\(count) inline polic\(count == 1 ? "y" : "ies") · size \(usage.used)/\(usage.limit) characters for the role",
                   at: .zero, width: body.columns, style: usage.isOverLimit ? .error : .dim)
        let listWidth = body.columns * 2 / 5
        list.draw(body.sub(Rect(x: 0, y: 1, columns: listWidth, rows: body.rows - 1)), focused: true)
        let pane = body.sub(Rect(x: listWidth + 1, y: 1, columns: body.columns - listWidth - 1, rows: body.rows - 1))
        pane.box(style: .border, title: "Policy")
        preview.draw(pane.sub(pane.bounds.inset(by: 1)), focused: false)
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        let index = list.currentItem.flatMap { Int($0.id) }
        switch Self.keys.action(for: key, typing: list.takesTextInput) {
        case .add?:
            let added = model.addInlinePolicy()
            refreshItems()
            list.moveCursor(to: String(added))
            return .push(InlinePolicyEditorScreen(context: context, index: added))
        case .edit? where index != nil:
            return .push(InlinePolicyEditorScreen(context: context, index: index!))
        case .remove? where index != nil:
            let name = model.inlinePolicies[index!].name
            return .present(Dialog.confirm(
                title: "Remove inline policy?",
                message: "Remove \(name) from the role? Nothing is written until you confirm on Review.",
                confirm: "Remove", cancel: "Keep"), tag: "remove:\(index!)")
        default:
            let before = list.currentItem?.id
            let result = list.handle(key)
            if list.currentItem?.id != before { showPreview() }
            if result != .ignored { return .handled }
            return preview.handle(key) == .ignored ? .ignored : .handled
        }
    }

    func dialogClosed(tag: String, choice: DialogChoice) -> Transition<WizardMessage> {
        guard tag.hasPrefix("remove:"), choice.isConfirmed, let index = Int(tag.dropFirst("remove:".count)),
              model.inlinePolicies.indices.contains(index) else { return .handled }
        model.inlinePolicies.remove(at: index)
        refreshItems()
        return .handled
    }
}
