import IAMClient
import Provisioning
import TerminalUI

/// The account's roles (read in the background) with a filter; Enter opens one in the editor.
final class RoleListScreen: WizardScreen {
    enum Command { case open }

    let context: WizardContext
    let list = ListView(items: [])
    /// The account's roles, sorted by name (read into the context).
    var roles: Outcome<[Role]>? { context.roles }

    static var keys: KeyMap<Command> { KeyMap([
        KeyBinding(keys: [.enter], label: "Open", help: "Open the highlighted role in the editor", action: .open),
    ]) }

    init(context: WizardContext) {
        self.context = context
        list.emptyMessage = "No role matches."
        context.loadRoles()
    }

    var title: String { "Roles" }
    var keyHints: [KeyHint] { Self.keys.hints + list.keyHints }
    var isAnimating: Bool { roles == nil }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        guard case .roles = message else { return .ignored }
        list.setItems((roles?.value ?? []).map { ListItem(id: $0.roleName, title: $0.roleName, detail: Self.trustedEntities(of: $0)) })
        return .handled
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "edit an existing role")
        switch roles {
        case nil: _ = body.text("Loading roles…", at: .zero, style: .dim)
        case .failure(let message)?: _ = body.paragraph("! " + message, style: .error)
        case .success?: list.draw(body, focused: true)
        }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if Self.keys.action(for: key, typing: list.takesTextInput) == .open, !list.takesTextInput, let item = list.currentItem {
            return .push(EditRoleScreen(context: context, roleName: item.id))
        }
        return list.handle(key) == .ignored ? .ignored : .handled
    }

    /// The list's second column, as the console's "Trusted entities": who
    /// may assume the role (the filter searches it too).
    static func trustedEntities(of role: Role) -> String {
        guard let document = try? PolicyDocument.parse(role.assumeRolePolicyDocument) else { return "a trust policy rolewiz cannot read" }
        let entities = document.trustedEntities
        return entities.isEmpty ? "nobody (no Allow statement)" : entities.joined(separator: ", ")
    }
}
