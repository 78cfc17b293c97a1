import Foundation
import Provisioning
import TerminalUI

/// An existing role on one screen (best at 100x30): trust policy, attached
/// policies, tags, instance profiles (read-only), description, last used. Each part opens the same screen
/// the create flow uses; Enter shows the diff and findings and asks before
/// anything is written. Quitting with unsaved edits asks first.
final class EditRoleScreen: WizardScreen {
    enum Command { case trust, services, policies, inline, details, review, delete, reload }

    let context: WizardContext
    let roleName: String
    /// The role as IAM last returned it (read into the context).
    var details: Outcome<RoleDetails>? { context.editedRole }

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Review", help: "See the changes and findings, then confirm to write them", action: .review),
        KeyBinding(keys: [.character("t")], label: "Trust", help: "Edit the trust policy in the JSON editor", action: .trust),
        KeyBinding(keys: [.character("v")], label: "Services", help: "Add or remove trusted services", action: .services),
        KeyBinding(keys: [.character("p")], label: "Policies", help: "Attach or detach managed policies", action: .policies),
        KeyBinding(keys: [.character("i")], label: "Inline", help: "Add, edit or remove inline policies", action: .inline),
        KeyBinding(keys: [.character("d")], label: "Tags/desc", help: "Edit the description and tags", action: .details),
        KeyBinding(keys: [.character("D")], label: "Delete", help: "Delete the role (lists what goes with it and asks for its name)", showsInBar: false, action: .delete),
        KeyBinding(keys: [.function(5)], label: "Reload", help: "Read the role again (drops unsaved edits)", showsInBar: false, action: .reload),
    ])

    init(context: WizardContext, roleName: String) {
        self.context = context
        self.roleName = roleName
        context.loadAccount()
        context.loadRole(name: roleName)
    }

    var title: String { "Edit role" }
    var keyHints: [KeyHint] { Self.keys.hints }
    var isAnimating: Bool { details == nil }
    var minimumSize: Size { Size(columns: 60, rows: 18) }
    var hasUnsavedWork: Bool {
        guard let original = context.editedRoleAnswers else { return false }
        return context.model.spec(partition: context.partition) != original || context.model.editedTrustPolicy != nil
    }

    /// The role read (again): the context has loaded it into the answers.
    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        if let signIn = openSignIn(for: message) { return signIn }
        return if case .role = message { .handled } else { .ignored }
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "edit role \(roleName)" + (hasUnsavedWork ? " (edited)" : ""))
        guard let details else {
            _ = body.text("Loading \(roleName)…", at: .zero, style: .dim)
            return
        }
        guard let loaded = details.value else {
            if case .failure(let message) = details { _ = body.paragraph("! " + message, style: .error) }
            return
        }
        let model = context.model
        let half = body.columns / 2
        var left: [String] = ["ARN: " + loaded.role.arn]
        left.append("Description: " + (model.roleDescription.isEmpty ? "(none)" : model.roleDescription))
        let lastUsed = loaded.role.roleLastUsed?.lastUsedDate.map(DisplayTime.instant) ?? "never (or not tracked)"
        left.append("Last used: " + lastUsed)
        left.append("")
        left.append("Attached policies (\(model.policyArns.count)):")
        left += model.policyArns.map { "  " + PolicyReference(arn: $0).name }
        left.append("")
        // Shown, so a role's power is never out of sight; `rolewiz show` prints the documents.
        left.append("Inline policies (\(model.inlinePolicies.count)):")
        left += model.inlinePolicies.isEmpty ? ["  (none)"] : model.inlinePolicies.map { "  " + $0.name }
        left.append("")
        left.append("Tags:")
        let tags = model.tags.tags
        left += tags.isEmpty ? ["  (none)"] : tags.map { "  \($0.key)=\($0.value)" }
        left.append("")
        // How EC2 instances get the role; `rolewiz apply --prune` or delete changes them.
        left.append("Instance profiles (\(loaded.instanceProfiles.count)):")
        left += loaded.instanceProfiles.isEmpty ? ["  (none)"] : loaded.instanceProfiles.map { "  " + $0.name }
        // Long values (ARN, description) wrap rather than being cut off.
        var row = 0
        for line in left where row < body.rows {
            let style: Style = line.hasSuffix(":") || line.hasSuffix("):") ? .title : .normal
            row += max(1, body.paragraph(line, in: Rect(x: 0, y: row, columns: half - 1, rows: body.rows - row), style: style))
        }
        let trust = body.sub(Rect(x: half, y: 0, columns: body.columns - half, rows: body.rows))
        trust.box(title: "Trust policy")
        let text = model.editedTrustPolicy
            ?? (try? model.generatedTrustPolicy(partition: context.partition, accountId: context.accountId).get())
            ?? loaded.trustPolicyText
        let pane = trust.sub(trust.bounds.inset(by: 1))
        let lines = JSONLayout.lines(text, width: pane.columns)
        for (row, line) in lines.prefix(pane.rows).enumerated() {
            pane.field(line, at: Point(x: 0, y: row), width: pane.columns)
        }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        guard details?.value != nil || Self.keys.action(for: key) == .reload else { return .ignored }
        switch Self.keys.action(for: key) {
        case .trust?: return .push(TrustEditorScreen(context: context, flow: .edit))
        case .services?:
            context.model.entityKind = .awsService
            return .push(TrustedEntityScreen(context: context, flow: .edit))
        case .policies?: return .push(PermissionsScreen(context: context, flow: .edit))
        case .inline?: return .push(InlinePoliciesScreen(context: context))
        case .details?: return .push(DetailsScreen(context: context, flow: .edit))
        case .review?: return .push(ReviewScreen(context: context, flow: .edit, returnsToEditor: true))
        case .delete?: return .push(DeleteRoleScreen(context: context, roleName: roleName))
        case .reload?:
            context.loadRole(name: roleName)
            return .handled
        case nil: return .ignored
        }
    }
}
