import Provisioning
import TerminalUI

/// Step 4: name, description and tags, each validated as it is typed with
/// the same rules `RoleSpec.validate()` applies. Editing an existing role
/// shows the name but does not let it change (IAM cannot rename a role).
final class DetailsScreen: WizardScreen {
    enum Command { case next }
    enum Field: Hashable { case name, description, tags }

    let context: WizardContext
    let flow: Flow
    var step: Int? { flow == .create ? CreateFlow.Step.details.rawValue : nil }
    let name: TextField
    let roleDescription: TextField
    let tags: TextField
    private(set) var focus: FocusRing<Field>

    static var keys: KeyMap<Command> { KeyMap([
        KeyBinding(keys: [.enter], label: "Next", help: "Accept the details and review the role", action: .next),
    ]) }

    init(context: WizardContext, flow: Flow) {
        self.context = context
        self.flow = flow
        let model = context.model
        name = TextField(label: "Role name  ", text: model.roleName, placeholder: "letters, digits and +=,.@_-", maxLength: 64)
        roleDescription = TextField(label: "Description", text: model.roleDescription, placeholder: "optional", maxLength: 1000)
        tags = TextField(label: "Tags       ", text: model.tagsText, placeholder: "key=value, key2=value2")
        focus = FocusRing(flow == .edit ? [.description, .tags] : [.name, .description, .tags])
        if flow == .create { context.checkRoleName(model.roleName) }
        name.validator = { _ in model.issues(for: "name").first?.message }
        roleDescription.validator = { _ in model.issues(for: "description").first?.message }
        tags.validator = { _ in model.issues(for: "tags").first?.message }
    }

    var title: String { "Details" }
    var keyHints: [KeyHint] {
        Self.keys.hints + [KeyHint(keys: [.tab], label: "Field", help: "Move to the next field (Shift-Tab: previous)")]
            + name.keyHints
    }

    private var fields: [(Field, TextField)] { [(.name, name), (.description, roleDescription), (.tags, tags)] }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "details", step: step,
                                    offline: context.service.isOffline)
        var row = 1
        for (id, field) in fields {
            field.draw(body.rows(from: row, count: TextField.height), focused: focus.isFocused(id))
            row += TextField.height + 1
        }
        _ = body.paragraph("Tags are key=value pairs separated by commas, for example team=ml, cost-center=42.",
                           in: Rect(x: 0, y: row, columns: body.columns, rows: 2), style: .dim)
        if let warning = existingRoleWarning {
            _ = body.paragraph(warning, in: Rect(x: 0, y: row + 3, columns: body.columns, rows: 3), style: .error)
        }
    }

    /// Said as soon as IAM answers: creating would take over that role.
    var existingRoleWarning: String? {
        guard flow == .create, context.isTaken(context.model.roleName) else { return nil }
        return "! A role named \(context.model.roleName) already exists in this account. Creating never changes it: "
            + "choose another name, or go on to Review to compare these answers with it."
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if focus.handle(key) { return .handled }
        if Self.keys.action(for: key, typing: true) == .next {
            if let invalid = fields.first(where: { focus.order.contains($0.0) && !$0.1.isValid }) {
                focus.focus(invalid.0)
                return .handled
            }
            switch flow {
            case .create: return CreateFlow.advance(from: .details, context: context)
            case .edit: return .pop
            }
        }
        guard let field = fields.first(where: { focus.isFocused($0.0) })?.1 else { return .ignored }
        let result = field.handle(key)
        if result == .changed {
            if flow == .create, name.text != context.model.roleName { context.checkRoleName(name.text) }
            context.model.roleName = name.text
            context.model.roleDescription = roleDescription.text
            context.model.tagsText = tags.text
        }
        return result == .ignored ? .ignored : .handled
    }
}
