import Foundation
import Provisioning
import TerminalUI

/// The account's roles (read in the background) with a filter, each with
/// who may assume it and its last activity (read for the rows on screen,
/// as ListRoles leaves it out); Enter opens one in the editor.
final class RoleListScreen: WizardScreen {
    enum Command { case open }

    let context: WizardContext
    let list = ListView(items: [])
    /// The account's roles, sorted by name (read into the context).
    var roles: Outcome<[RoleSummary]>? { context.roles }
    /// Each role's trusted entities, worked out once per listing (each is a policy parse).
    private var trusted: [String: String] = [:]

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Open", help: "Open the highlighted role in the editor", action: .open),
    ])

    init(context: WizardContext) {
        self.context = context
        list.emptyMessage = "No role matches."
        context.loadRoles()
    }

    var title: String { "Roles" }
    var keyHints: [KeyHint] { Self.keys.hints + list.keyHints }
    /// While rows in view still wait for their last activity: each tick
    /// asks for what the last draw brought into view (its page size is only
    /// known once drawn), the one place these reads start, so keys never wait.
    var isAnimating: Bool {
        roles == nil || (!context.service.isOffline && list.itemIDsNearCursor.contains { context.rolesLastUsed[$0] == nil })
    }

    func tick() {
        if roles?.value != nil { context.loadLastUsed(of: list.itemIDsNearCursor) }
    }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        switch message {
        case .roles:
            trusted = Dictionary((roles?.value ?? []).map { ($0.roleName, Self.trustedEntities(of: $0)) }) { first, _ in first }
            list.setItems((roles?.value ?? []).map { item(named: $0.roleName) })
            return .handled
        case .rolesLastUsed(let dates):
            // Only the rows that changed: with thousands of roles, a reply rebuilds nothing else and moves nothing.
            list.updateItems(dates.keys.map(item(named:)))
            return .handled
        default:
            return .ignored
        }
    }

    private func item(named name: String) -> ListItem {
        ListItem(id: name, title: name, detail: (trusted[name] ?? "") + "  ·  " + Self.lastActivity(context.rolesLastUsed[name]))
    }

    /// The console's Last activity column, in words: a date, "not used
    /// recently" (outside IAM's tracking period), or what could not be read.
    static func lastActivity(_ outcome: Outcome<Date?>?) -> String {
        switch outcome {
        case nil: "last used …"
        case .success(let date?)?: "last used " + DisplayTime.day(date)
        case .success(nil)?: "not used recently"
        case .failure?: "last use unknown"
        }
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
    static func trustedEntities(of role: RoleSummary) -> String {
        guard let document = try? PolicyDocument.parse(role.assumeRolePolicyDocument) else { return "a trust policy rolewiz cannot read" }
        let entities = document.trustedEntities
        return entities.isEmpty ? "nobody (no Allow statement)" : entities.joined(separator: ", ")
    }
}
