import Provisioning
import TerminalUI

/// Step 4: name, description, path, maximum session duration, tags and the
/// permissions boundary, each validated as it is typed with the same rules
/// `RoleSpec.validate()` applies; the boundary is chosen from the policy
/// list (Enter on its row). Creating a role EC2 may assume adds the console's
/// "create an instance profile with the same name" toggle (Space), on by default. Editing an existing role shows the name and path
/// but does not let them change (IAM can neither rename nor move a role).
final class DetailsScreen: WizardScreen {
    enum Command { case next }
    enum Field: Hashable { case name, description, path, session, tags, boundary, instanceProfile }

    let context: WizardContext
    let flow: Flow
    var step: Int? { flow == .create ? CreateFlow.Step.details.rawValue : nil }
    let name: TextField
    let roleDescription: TextField
    let tags: TextField
    let path: TextField
    /// The maximum session duration as the console shows it (`1h`, `12h`, `1h30m`); empty: IAM's default, 1 hour.
    let session: TextField
    private(set) var focus: FocusRing<Field>

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Next", help: "Accept the details and review the role", action: .next),
    ])

    init(context: WizardContext, flow: Flow) {
        self.context = context
        self.flow = flow
        let model = context.model
        name = TextField(label: "Role name  ", text: model.roleName, placeholder: "letters, digits and +=,.@_-", maxLength: 64)
        roleDescription = TextField(label: "Description", text: model.roleDescription, placeholder: "optional", maxLength: 1000)
        tags = TextField(label: "Tags       ", text: model.tagsText, placeholder: "key=value, key2=value2")
        path = TextField(label: "Path       ", text: model.path, placeholder: "/", maxLength: 512)
        session = TextField(label: "Max session", text: model.maxSessionDuration.map(SessionDuration.text(forSeconds:)) ?? "",
                            placeholder: "1h, IAM's default (up to 12h)", maxLength: 16)
        let offersProfile = flow == .create && model.spec().ec2MayAssume
        focus = FocusRing(flow == .edit ? [.description, .session, .tags, .boundary]
            : [.name, .description, .path, .session, .tags, .boundary] + (offersProfile ? [.instanceProfile] : []))
        if flow == .create { context.checkRoleName(model.roleName) }
        name.validator = { _ in model.issues(for: "name").first?.message }
        roleDescription.validator = { _ in model.issues(for: "description").first?.message }
        tags.validator = { _ in model.issues(for: "tags").first?.message }
        path.validator = { _ in model.issues(for: "path").first?.message }
        session.validator = { text in
            guard !text.isEmpty else { return nil }
            do throws(SessionDuration.Unreadable) {
                _ = try SessionDuration.seconds(from: text)
            } catch {
                return error.description
            }
            return model.issues(for: "maxSessionDuration").first.map { _ in "\(text) is outside IAM's range of 1 to 12 hours" }
        }
    }

    var title: String { "Details" }
    var keyHints: [KeyHint] {
        let enter = focus.isFocused(.boundary)
            ? [KeyHint(keys: [.enter], label: "Choose boundary", help: "Choose the permissions boundary from the policies")]
            : focus.isFocused(.instanceProfile)
            ? Self.keys.hints + [KeyHint(keys: [.space], label: "Toggle", help: "Create an instance profile with the same name, or not")]
            : Self.keys.hints
        return enter + [KeyHint(keys: [.tab], label: "Field", help: "Move to the next field (Shift-Tab: previous)")] + name.keyHints
    }

    private var fields: [(Field, TextField)] {
        [(.name, name), (.description, roleDescription), (.path, path), (.session, session), (.tags, tags)]
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "details", step: step,
                                    offline: context.service.isOffline)
        var row = 0
        for (id, field) in fields {
            if flow == .edit, id == .path {
                // IAM cannot move a role: its path shows, as the name does, without a field.
                _ = body.text("Path        \(context.model.path)", at: Point(x: 0, y: row), style: .dim)
                row += TextField.height
                continue
            }
            field.draw(body.rows(from: row, count: TextField.height), focused: focus.isFocused(id))
            row += TextField.height
        }
        drawBoundary(body.rows(from: row, count: 2))
        row += 2
        if focus.order.contains(.instanceProfile) {
            let mark = context.model.createsInstanceProfile ? "[x]" : "[ ]"
            body.field("\(mark) Create an instance profile with the same name (EC2 trusts this role)", at: Point(x: 0, y: row),
                       width: body.columns, style: focus.isFocused(.instanceProfile) ? .selection : .normal)
            row += 2
        }
        _ = body.paragraph("Tags are key=value pairs separated by commas, for example team=ml, cost-center=42.",
                           in: Rect(x: 0, y: row, columns: body.columns, rows: 2), style: .dim)
        if let warning = existingRoleWarning {
            _ = body.paragraph(warning, in: Rect(x: 0, y: row + 2, columns: body.columns, rows: 3), style: .error)
        }
    }

    /// The boundary's row: the policy (or none); Enter on it opens the picker.
    private func drawBoundary(_ canvas: Canvas) {
        let focused = focus.isFocused(.boundary)
        let labelWidth = canvas.text("Boundary   : ", at: .zero, style: focused ? .title : .normal)
        let value = context.model.permissionsBoundary.map(\.name) ?? "none"
        canvas.field(value + (focused ? "   (Enter: choose from the policies)" : ""), at: Point(x: labelWidth, y: 0),
                     width: canvas.columns - labelWidth, style: focused ? .focusedInput : .input)
        if let issue = context.model.issues(for: "permissionsBoundary").first {
            canvas.field("! " + issue.message, at: Point(x: labelWidth, y: 1), width: canvas.columns - labelWidth, style: .error)
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
        if focus.isFocused(.instanceProfile), key == .space {
            context.model.createsInstanceProfile.toggle()
            return .handled
        }
        if Self.keys.action(for: key, typing: true) == .next {
            if focus.isFocused(.boundary) { return .push(BoundaryPickerScreen(context: context)) }
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
            if flow == .create { context.model.path = path.text }
            // An unreadable duration keeps the field invalid (Next refuses it); the model holds no guess.
            context.model.maxSessionDuration = session.text.isEmpty ? nil : try? SessionDuration.seconds(from: session.text)
        }
        return result == .ignored ? .ignored : .handled
    }
}
