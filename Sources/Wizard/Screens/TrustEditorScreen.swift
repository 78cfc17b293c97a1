import Provisioning
import TerminalUI

/// Step 3: the trust policy the answers imply, in the JSON editor. It opens
/// for reading (Enter goes on, so nobody has to touch JSON); `e` starts
/// editing. Lint findings show at their line:column as they are typed, a
/// meter shows the size against the account's quota, F5 formats and F6
/// goes back to the generated policy. A parse error blocks going on.
final class TrustEditorScreen: WizardScreen {
    enum Command { case next, edit, stopEditing, format, reset }

    let context: WizardContext
    let flow: Flow
    var step: Int? { flow == .create ? CreateFlow.Step.trustPolicy.rawValue : nil }
    let editor = TextEditor()
    private(set) var isEditing = false
    private(set) var findings: [LintFinding] = []
    private(set) var problem: String?

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Next", help: "Accept the trust policy and go on (while reading)", action: .next),
        KeyBinding(keys: [.character("e"), .function(4)], label: "Edit", help: "Edit the policy by hand", action: .edit),
        KeyBinding(keys: [.escape], label: "Done editing", help: "Stop editing (Esc again goes back)", showsInBar: false, action: .stopEditing),
        KeyBinding(keys: [.function(5)], label: "Format", help: "Lay the JSON out neatly", action: .format),
        KeyBinding(keys: [.function(6)], label: "Reset", help: "Go back to the policy the earlier steps imply", action: .reset),
    ])

    init(context: WizardContext, flow: Flow) {
        self.context = context
        self.flow = flow
        editor.text = context.model.editedTrustPolicy ?? generated
        editor.markSaved()
        relint()
        if context.model.editedTrustPolicy != nil, context.model.trustAnswersDivergedFromEdit {
            problem = divergenceNotice()
        }
    }

    /// What step 1 would now generate, against the kept hand edit.
    private func divergenceNotice() -> String {
        let changes = PolicyDiff.lines(from: editor.text, to: generated).filter {
            if case .same = $0 { false } else { true }
        }.count
        return "Step 1 changed after you edited this policy; your text is kept. F6 takes the generated policy instead (\(changes) line\(changes == 1 ? "" : "s") differ)."
    }

    var model: WizardModel { context.model }
    var title: String { "Trust policy" }
    var keyHints: [KeyHint] {
        isEditing ? [Self.keys.bindings[2].hint] + Array(Self.keys.hints.suffix(2)) + editor.keyHints
            : Self.keys.hints.filter { $0.label != "Done editing" }
    }

    /// The policy steps 1 and 2 imply, or the reason there is none.
    private var generated: String {
        switch model.generatedTrustPolicy(partition: context.partition, accountId: context.accountId) {
        case .success(let text): text
        case .failure(let error): model.editedTrustPolicy ?? (WizardModel.emptyTrustPolicy + "\n" + error.issues.map { "// " + $0.description }.joined(separator: "\n"))
        }
    }

    private func relint() {
        findings = TrustPolicyLinter(quotas: context.quotas).lint(trustPolicy: editor.text, managedPolicyArns: model.policyArns)
            .filter { if case .trustPolicy = $0.subject { true } else { false } }
        editor.markers = PolicyFindingsView.markers(for: findings)
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "trust policy", step: step,
                                    offline: context.service.isOffline)
        let size = PolicyDocument.iamSize(of: editor.text)
        let quota = context.quotas.trustPolicySize
        let mode = isEditing ? "editing" : "read only: e edits"
        body.field("Size \(size)/\(quota) · \(PolicyFindingsView.counts(findings)) · \(mode)", at: .zero, width: body.columns,
                   style: size > quota ? .error : .dim)
        editor.draw(body.rows(from: 1, count: body.rows - 1 - PolicyFindingsView.rows(findings, problem: problem)), focused: isEditing)
        PolicyFindingsView.drawFooter(findings, problem: problem, on: body)
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        switch Self.keys.action(for: key, typing: isEditing) {
        case .next? where !isEditing:
            return next()
        case .edit? where !isEditing:
            isEditing = true
            return .handled
        case .stopEditing? where isEditing:
            isEditing = false
            return .handled
        case .format?:
            if let why = editor.formatJSON() { problem = why } else { changed() }
            return .handled
        case .reset?:
            model.editedTrustPolicy = nil
            model.trustAnswersDivergedFromEdit = false
            editor.text = generated
            relint()
            problem = nil
            return .handled
        default:
            break
        }
        guard isEditing else {
            // Reading: only movement reaches the editor, so a stray key never changes the policy.
            let movement: Set<Key> = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end]
            return movement.contains(key) && editor.handle(key) != .ignored ? .handled : .ignored
        }
        let result = editor.handle(key)
        if result == .changed { changed() }
        return result == .ignored ? .ignored : .handled
    }

    private func changed() {
        model.editedTrustPolicy = editor.text == generated ? nil : editor.text
        if model.editedTrustPolicy == nil { model.trustAnswersDivergedFromEdit = false }
        problem = nil
        relint()
    }

    private func next() -> Transition<WizardMessage> {
        if let blocking = findings.first(where: { $0.code == .jsonSyntax || $0.code == .policyStructure }) {
            let position = blocking.position ?? .start
            editor.moveCursor(to: TextEditor.Position(line: position.line - 1, column: position.column - 1))
            problem = "Line \(position.line), column \(position.column): \(blocking.message)"
            return .handled
        }
        switch flow {
        case .create: return CreateFlow.advance(from: .trustPolicy, context: context)
        case .edit: return .pop
        }
    }
}
