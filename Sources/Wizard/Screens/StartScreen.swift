import Foundation
import IAMClient
import Provisioning
import TerminalUI

/// Who and where (fetched in the background, so the screen appears at
/// once), then what to do: create from the preset or another, create a
/// custom role, edit an existing role, open a spec file. Offline it lists
/// the credential sources tried and offers designing and exporting.
final class StartScreen: WizardScreen {
    enum Command { case choose }

    let context: WizardContext
    let preset: RolePreset?
    let roleNameOverride: String?
    let menu: ListView
    let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Choose", help: "Do the highlighted thing", action: .choose),
    ])

    init(context: WizardContext, preset: RolePreset?, roleName: String? = nil) {
        self.context = context
        self.preset = preset
        self.roleNameOverride = roleName
        var items: [ListItem] = []
        if let preset {
            items.append(ListItem(id: "preset", title: "Create role \(roleName ?? preset.spec.name)", detail: "from preset \(preset.id)"))
        }
        items.append(ListItem(id: "presets", title: "Create a role from a preset", detail: "\(RolePreset.all.count) ready-made roles"))
        items.append(ListItem(id: "custom", title: "Create a custom role", detail: "choose services and policies"))
        if !context.service.isOffline {
            items.append(ListItem(id: "edit", title: "Edit an existing role", detail: "trust, policies, tags"))
        }
        items.append(ListItem(id: "spec", title: "Open a spec file", detail: "review and apply or export it"))
        menu = ListView(items: items)
        context.loadAccount()
    }

    var title: String { "Start" }
    var keyHints: [KeyHint] { keys.hints }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "create and edit IAM roles")
        var row = 0
        let rows = whereRows()
        let valueColumn = (rows.map(\.0.count).max() ?? 0) + 2
        for (label, value) in rows {
            _ = body.text(label, at: Point(x: 0, y: row), style: .dim)
            body.field(value, at: Point(x: valueColumn, y: row), width: body.columns - valueColumn)
            row += 1
        }
        if let reason = context.service.offlineReason {
            row += 1
            row += body.paragraph(reason.message + " You can still design a role and export it.",
                                  in: Rect(x: 0, y: row, columns: body.columns, rows: 3), style: .warning)
            if !reason.attempts.isEmpty {
                _ = body.text("Sources tried:", at: Point(x: 0, y: row), style: .dim)
                row += 1
                for line in reason.triedSources.prefix(max(0, body.rows - row - 8)) {
                    body.field("  " + line, at: Point(x: 0, y: row), width: body.columns, style: .dim)
                    row += 1
                }
            }
        }
        row += 1
        _ = body.text("What would you like to do?", at: Point(x: 0, y: row), style: .title)
        menu.draw(body.rows(from: row + 1, count: min(menu.items.count + 1, max(2, body.rows - row - 1))), focused: true)
    }

    private func whereRows() -> [(String, String)] {
        let service = context.service
        // The real source of the credentials (environment, a profile, a container...), not only the profile setting.
        let signedIn = service.credentialSource.map { ("Credentials", $0) } ?? ("Profile", service.profile)
        let place = [("Region", service.region), ("Partition", service.partition), signedIn]
        if service.isOffline { return [("Account", "offline (no credentials)")] + place }
        switch context.identity {
        case nil: return [("Account", "loading…"), ("Caller", "loading…")] + place
        case .failure(let message)?: return [("Account", "unknown"), ("Caller", message)] + place
        case .success(let identity)?: return [("Account", identity.account), ("Caller", identity.arn)] + place
        }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if keys.action(for: key, typing: menu.takesTextInput) == .choose, let item = menu.currentItem {
            return choose(item.id)
        }
        return menu.handle(key) == .ignored ? .ignored : .handled
    }

    private func choose(_ id: String) -> Transition<WizardMessage> {
        switch id {
        case "preset":
            guard let preset else { return .handled }
            context.model.load(preset.spec, partition: context.partition)
            if let roleNameOverride { context.model.roleName = roleNameOverride }
            context.markAnswersKept()
            return CreateFlow.begin(context: context)
        case "presets":
            return .push(PresetPickerScreen(context: context))
        case "custom":
            context.model.load(RoleSpec(name: roleNameOverride ?? "", trust: .services([])), partition: context.partition)
            context.markAnswersKept()
            return CreateFlow.begin(context: context)
        case "edit":
            return .push(RoleListScreen(context: context))
        default:
            return .push(OpenSpecScreen(context: context))
        }
    }
}
