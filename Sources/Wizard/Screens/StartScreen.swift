import Foundation
import Provisioning
import TerminalUI

/// Who and where (fetched in the background, so the screen appears at
/// once), then what to do: create from the preset or another, create a
/// custom role, edit an existing role, open a spec file. Offline it lists
/// the credential sources tried and offers designing and exporting.
///
/// It signs in first when the run connects here (`WizardApp.Connection`):
/// an MFA code field, or the IAM Identity Center device sign-in (the URL,
/// the code and a QR code), while the menu waits; Esc goes on offline.
final class StartScreen: WizardScreen {
    enum Command { case choose, workOffline, signInAgain }

    let context: WizardContext
    let preset: RolePreset?
    let roleNameOverride: String?
    let menu: ListView
    let signInPanel = SignInPanel()
    private var mfaCode: TextField { signInPanel.mfaCode }
    /// Said under the menu when Enter cannot do what it shows yet.
    private var notice: String?
    /// The menu item chosen while the credentials were still resolving:
    /// carried out as soon as they are (a key pressed early is not lost).
    private var pendingChoice: String?
    private static var chooseKey: KeyBinding<Command> {
        KeyBinding(keys: [.enter], label: "Choose", help: "Do the highlighted thing", action: .choose)
    }
    private static var workOfflineKey: KeyBinding<Command> {
        KeyBinding(keys: [.escape], label: "Work offline", help: "Skip signing in: design a role and export it", action: .workOffline)
    }
    /// The keys of each state: the menu, signing in, typing the MFA code, offline after a sign-in.
    let keys = KeyMap<Command>([StartScreen.chooseKey])
    let signingInKeys = KeyMap<Command>([StartScreen.workOfflineKey])
    let mfaCodeKeys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Sign in", help: "Send the MFA code", action: .choose), StartScreen.workOfflineKey,
    ])
    let offlineKeys = KeyMap<Command>([
        StartScreen.chooseKey,
        KeyBinding(keys: [.character("s")], label: "Sign in again", help: "Try the profile's credentials again", action: .signInAgain),
    ])

    init(context: WizardContext, preset: RolePreset?, roleName: String? = nil) {
        self.context = context
        self.preset = preset
        self.roleNameOverride = roleName
        menu = ListView(items: Self.menuItems(context: context, preset: preset, roleName: roleName))
        context.loadAccount()
    }

    private static func menuItems(context: WizardContext, preset: RolePreset?, roleName: String?) -> [ListItem] {
        var items: [ListItem] = []
        if let preset {
            items.append(ListItem(id: "preset", title: "Create role \(roleName ?? preset.spec.name)", detail: "from preset \(preset.id)"))
        }
        items.append(ListItem(id: "presets", title: "Create a role from a preset", detail: "\(RolePreset.all.count) ready-made roles"))
        items.append(ListItem(id: "custom", title: "Create a custom role", detail: "choose services and policies"))
        // While signing in the menu is the signed-in one, so keys pressed early land where they would.
        if !context.service.isOffline || context.isConnecting {
            items.append(ListItem(id: "edit", title: "Edit an existing role", detail: "trust, policies, tags"))
        }
        items.append(ListItem(id: "spec", title: "Open a spec file", detail: "review and apply or export it"))
        return items
    }

    var title: String { "Start" }
    var keyHints: [KeyHint] { activeKeys.hints }
    var takesTextInput: Bool { if case .askingForMFACode = context.signIn { true } else { false } }
    /// The countdown of a device sign-in moves.
    var isAnimating: Bool { if case .waitingForApproval = context.signIn { true } else { false } }

    private var activeKeys: KeyMap<Command> {
        if case .askingForMFACode = context.signIn { return mfaCodeKeys }
        if context.isConnecting || context.signIn.isUnderWay { return signingInKeys }
        return context.canSignInAgain ? offlineKeys : keys
    }

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
        if context.isConnecting || context.signIn.isUnderWay {
            row += 1
            row += signInPanel.draw(context.signIn, in: body.rows(from: row, count: max(0, body.rows - row - 3)))
        } else if let reason = context.service.offlineReason {
            row += 1
            row += body.paragraph(reason.message + " You can still design a role and export it.",
                                  in: Rect(x: 0, y: row, columns: body.columns, rows: 3), style: .warning)
            if !reason.triedSources.isEmpty {
                _ = body.text("Sources tried:", at: Point(x: 0, y: row), style: .dim)
                row += 1
                for line in reason.triedSources.prefix(max(0, body.rows - row - 8)) {
                    body.field("  " + line, at: Point(x: 0, y: row), width: body.columns, style: .dim)
                    row += 1
                }
            }
        }
        row += 1
        let waiting = context.isConnecting
        _ = body.text("What would you like to do?", at: Point(x: 0, y: row), style: waiting ? .dim : .title)
        let menuRows = min(menu.items.count + 1, max(2, body.rows - row - 1 - (notice == nil ? 0 : 1)))
        menu.draw(body.rows(from: row + 1, count: menuRows), focused: !waiting)
        if let notice, row + 1 + menuRows < body.rows {
            body.field(notice, at: Point(x: 0, y: row + 1 + menuRows), width: body.columns, style: .warning)
        }
    }

    private func whereRows() -> [(String, String)] {
        let service = context.service
        // The real source of the credentials (environment, a profile, a container...), not only the profile setting.
        let signedIn = service.credentialSource.map { ("Credentials", $0) } ?? ("Profile", service.profile)
        let place = [("Region", service.region), ("Partition", service.partition), signedIn]
        if context.isConnecting { return [("Account", "signing in…")] + place }
        if service.isOffline { return [("Account", "offline (no credentials)")] + place }
        switch context.identity {
        case nil: return [("Account", "loading…"), ("Caller", "loading…")] + place
        case .failure(let message)?: return [("Account", "unknown"), ("Caller", message)] + place
        case .success(let identity)?: return [("Account", identity.account), ("Caller", identity.arn)] + place
        }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if case .askingForMFACode = context.signIn {
            return handleMFACode(key)
        }
        let action = activeKeys.action(for: key, typing: menu.takesTextInput)
        if action == .workOffline {
            workOffline()
            return .handled
        }
        if action == .signInAgain, let connector = context.connector {
            notice = nil
            context.connect(with: connector)
            return .handled
        }
        if context.isConnecting {
            // Enter is kept for when the credentials have resolved, and the screen says so.
            if key == .enter, !menu.takesTextInput, let item = menu.currentItem {
                pendingChoice = item.id
                notice = "Signing in… \"\(item.title)\" opens as soon as that is done (Esc: work offline)."
                return .handled
            }
            return menu.handle(key) == .ignored ? .ignored : .handled
        }
        if action == .choose, let item = menu.currentItem {
            return choose(item.id)
        }
        return menu.handle(key) == .ignored ? .ignored : .handled
    }

    /// Esc while signing in: no sign-in, no early choice, and the offline menu.
    private func workOffline() {
        pendingChoice = nil
        notice = nil
        context.declineSignIn()
        menu.setItems(Self.menuItems(context: context, preset: preset, roleName: roleNameOverride))
    }

    private func handleMFACode(_ key: Key) -> Transition<WizardMessage> {
        switch mfaCodeKeys.action(for: key, typing: true) {
        case .workOffline?:
            mfaCode.text = ""
            workOffline()
        case .choose?:
            guard let code = signInPanel.codeToSend else { break }  // the field says what is wrong
            context.answerMFACode(code)
            mfaCode.text = ""
        default:
            // Typing goes to the field (q and ? too); Ctrl-C, F1 and F10 still work.
            return mfaCode.handle(key) == .ignored ? .ignored : .handled
        }
        return .handled
    }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        switch message {
        case .connected:
            notice = nil
            menu.setItems(Self.menuItems(context: context, preset: preset, roleName: roleNameOverride))
            guard let chosen = pendingChoice, !context.isConnecting else { return .handled }
            pendingChoice = nil
            guard !context.service.isOffline else {
                // Not signed in after all: the reason shows above; going on offline is the person's call.
                notice = "Signing in did not work (see above); Enter goes on offline."
                return .handled
            }
            return menu.items.contains { $0.id == chosen } ? choose(chosen) : .handled
        case .signInQuestion:
            return openSignIn(for: message) ?? .handled
        case .identity:
            return .handled
        default:
            return .ignored
        }
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
