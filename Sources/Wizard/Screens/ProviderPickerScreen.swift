import Provisioning
import TerminalUI

/// The identity provider of a web identity or SAML trust, picked as the
/// console offers it: the account's providers (read in the background
/// through the context, never from here) and, for web identity, the
/// well-known ones. Offline only the well-known ones can be listed, and the
/// screen says so. Enter picks; Esc goes back to type any other provider.
/// Provider ARNs come from IAM: they reach the terminal only through the
/// canvas, which shows unsafe characters as visible marks.
final class ProviderPickerScreen: WizardScreen {
    enum Command { case choose }

    let context: WizardContext
    let saml: Bool
    let list = ListView(items: [])
    /// Called with the chosen provider (a host or an ARN) before the picker closes.
    private let choose: (String) -> Void

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Choose", help: "Trust the highlighted provider", action: .choose),
    ])

    /// The providers IAM knows by name, and GitHub's host (whose provider
    /// the account must have), in the console's order.
    static let wellKnown: [ListItem] = [
        ListItem(id: "www.amazon.com", title: "Login with Amazon", detail: "www.amazon.com"),
        ListItem(id: "graph.facebook.com", title: "Facebook", detail: "graph.facebook.com"),
        ListItem(id: "accounts.google.com", title: "Google", detail: "accounts.google.com"),
        ListItem(id: CognitoIdentities.providerHost, title: "Amazon Cognito identity pool", detail: CognitoIdentities.providerHost),
        ListItem(id: GitHubSubject.providerHost, title: "GitHub Actions", detail: GitHubSubject.providerHost),
    ]

    init(context: WizardContext, saml: Bool, current: String, choose: @escaping (String) -> Void) {
        self.context = context
        self.saml = saml
        self.choose = choose
        list.emptyMessage = saml ? "No SAML provider is listed; Esc and type its name or ARN." : "Nothing matches the filter."
        context.loadIdentityProviders()
        refreshItems()
        list.moveCursor(to: current)
    }

    var title: String { saml ? "SAML provider" : "Identity provider" }
    var keyHints: [KeyHint] { Self.keys.hints + list.keyHints }
    var takesTextInput: Bool { list.takesTextInput }

    private func refreshItems() {
        let account: [ListItem]
        if let providers = context.identityProviders?.value {
            account = saml
                ? providers.saml.map { ListItem(id: $0, title: IdentityProviders.name(ofSAMLARN: $0) ?? $0, detail: "this account") }
                : providers.openIDConnect.map {
                    ListItem(id: $0, title: IdentityProviders.host(ofOpenIDConnectARN: $0) ?? $0, detail: "this account's OIDC provider")
                }
        } else {
            account = []
        }
        list.setItems(account + (saml ? [] : Self.wellKnown))
    }

    /// What the list lacks, in a line: still loading, why it failed, or offline.
    private var status: (text: String, style: Style)? {
        if context.service.isOffline {
            return (saml
                ? "Offline: the account's SAML providers cannot be listed. Esc, then type the provider's name or ARN."
                : "Offline: only the well-known providers are listed. Esc, then type any other provider's host or ARN.", .dim)
        }
        switch context.identityProviders {
        case nil: return ("Reading the account's identity providers…", .dim)
        case .failure(let message)?: return ("! Could not list the account's providers: " + message, .error)
        case .success?: return nil
        }
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: saml ? "SAML provider" : "identity provider", offline: context.service.isOffline)
        var row = body.paragraph(
            saml ? "The SAML 2.0 identity provider whose users may assume the role."
                : "The identity provider whose tokens may assume the role. Another provider: Esc, and type it.",
            in: Rect(x: 0, y: 0, columns: body.columns, rows: 2), style: .dim) + 1
        if let status {
            row += body.paragraph(status.text, in: Rect(x: 0, y: row, columns: body.columns, rows: 2), style: status.style) + 1
        }
        list.draw(body.rows(from: row), focused: true)
    }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        guard case .identityProviders = message else { return .ignored }
        refreshItems()
        return .handled
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        switch Self.keys.action(for: key, typing: list.takesTextInput) {
        case .choose? where !list.takesTextInput:
            guard let item = list.currentItem else { return .handled }
            choose(item.id)
            return .pop
        default:
            return list.handle(key) == .ignored ? .ignored : .handled
        }
    }
}
