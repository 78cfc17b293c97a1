import Provisioning
import TerminalUI

/// One inline policy: its name and its document in the JSON editor, with
/// identity-policy findings at their line:column as they are typed and a
/// meter of the role's inline total. What is typed goes into the answers at
/// once (as in the trust editor), so Esc goes back without losing it; Review
/// refuses to go on while a name or document is invalid.
final class InlinePolicyEditorScreen: WizardScreen {
    enum Command { case field, format }
    enum Field: Hashable { case name, document }

    let context: WizardContext
    /// The policy's place in `model.inlinePolicies`.
    let index: Int
    let name: TextField
    let editor = TextEditor()
    private(set) var focus = FocusRing<Field>([.name, .document], current: .document)
    private(set) var findings: [LintFinding] = []
    private(set) var problem: String?

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.tab, .backTab], label: "Name/document", help: "Move between the policy's name and its document", action: .field),
        KeyBinding(keys: [.function(5)], label: "Format", help: "Lay the JSON out neatly", action: .format),
    ])

    init(context: WizardContext, index: Int) {
        self.context = context
        self.index = index
        let policy = context.model.inlinePolicies[index]
        name = TextField(label: "Name", text: policy.name, placeholder: "letters, digits and +=,.@_-", maxLength: 128)
        let model = context.model
        name.validator = { text in model.inlinePolicyNameIssue(text, at: index) }
        editor.text = policy.document
        editor.markSaved()
        relint()
    }

    var model: WizardModel { context.model }
    var title: String { "Inline policy" }
    var takesTextInput: Bool { true }
    var keyHints: [KeyHint] {
        // Esc (Back, from the stack) keeps what was typed: it is in the answers already.
        Self.keys.hints + (focus.isFocused(.document) ? editor.keyHints : name.keyHints)
    }

    private func relint() {
        findings = IdentityPolicyLinter().lint(policy: editor.text)
        editor.markers = PolicyFindingsView.markers(for: findings)
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "inline policy", offline: context.service.isOffline)
        let usage = RoleSpec.inlinePolicySizeUsage(of: model.inlinePolicies)
        body.field("Size \(PolicyDocument.iamSize(of: editor.text)) · all inline \(usage.used)/\(usage.limit) · "
                   + PolicyFindingsView.counts(findings), at: .zero, width: body.columns, style: usage.isOverLimit ? .error : .dim)
        name.draw(body.rows(from: 1, count: TextField.height), focused: focus.isFocused(.name))
        let top = 1 + TextField.height
        editor.draw(body.rows(from: top, count: body.rows - top - PolicyFindingsView.rows(findings, problem: problem)),
                    focused: focus.isFocused(.document))
        PolicyFindingsView.drawFooter(findings, problem: problem, on: body)
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        switch Self.keys.action(for: key, typing: true) {
        case .field?:
            focus.focus(focus.isFocused(.name) ? .document : .name)
            return .handled
        case .format?:
            if let why = editor.formatJSON() { problem = why } else { changed() }
            return .handled
        case nil:
            break
        }
        let result = focus.isFocused(.name) ? name.handle(key) : editor.handle(key)
        if result == .changed { changed() }
        return result == .ignored ? .ignored : .handled
    }

    /// Whatever was typed is the policy now: nothing is lost on Esc.
    private func changed() {
        guard model.inlinePolicies.indices.contains(index) else { return }
        model.inlinePolicies[index] = RoleInlinePolicy(name: name.text, document: editor.text)
        problem = nil
        relint()
    }
}
