import Foundation
import Provisioning
import TerminalUI

/// The permissions boundary, chosen as the console does: one managed policy
/// from the same list as step 2 (the account's policies when connected, the
/// AWS managed ones offline), filtered as you type, or none; `+` takes any
/// policy by name or ARN. Enter chooses and goes back to the details.
final class BoundaryPickerScreen: WizardScreen {
    enum Command { case choose, typeReference }
    static let noBoundary = ""

    let context: WizardContext
    let list = ListView(items: [])
    /// Open while a name or ARN is being typed (`+`).
    private var typed: TextField?

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Choose", help: "Make the highlighted policy the boundary (or none)", action: .choose),
        KeyBinding(keys: [.character("+")], label: "By name", help: "Type any managed policy's name or ARN", action: .typeReference),
    ])

    init(context: WizardContext) {
        self.context = context
        context.loadPolicies()
        refreshItems()
    }

    var title: String { "Permissions boundary" }
    var keyHints: [KeyHint] { Self.keys.hints + list.keyHints }
    var takesTextInput: Bool { typed != nil || list.takesTextInput }

    private func refreshItems() {
        let current = context.model.permissionsBoundary.map { $0.arn(partition: context.partition) }
        var arns: [(String, String)] = []
        if let loaded = context.policies?.value {
            arns = loaded.map { ($0.arn, $0.policyName) }
        } else {
            arns = AWSManagedPolicyNames.names.sorted().map { (PolicyReference($0).arn(partition: context.partition), $0) }
        }
        if let current, !arns.contains(where: { $0.0 == current }) { arns.insert((current, PolicyReference(arn: current).name), at: 0) }
        list.setItems([ListItem(id: Self.noBoundary, title: "No permissions boundary")]
            + arns.map { ListItem(id: $0.0, title: $0.1, detail: $0.0 == current ? "current" : "") })
        list.moveCursor(to: current ?? Self.noBoundary)
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "permissions boundary", offline: context.service.isOffline)
        var row = body.paragraph(
            "The most this role's permissions can ever be: its policies grant only what the boundary also allows.",
            in: Rect(x: 0, y: 0, columns: body.columns, rows: 2), style: .dim) + 1
        if let typed {
            typed.draw(body.rows(from: row, count: TextField.height), focused: true)
            row += TextField.height + 1
        }
        switch context.policies {
        case nil where !context.service.isOffline:
            _ = body.text("Loading the account's policies… (AWS managed ones are listed meanwhile)", at: Point(x: 0, y: row), style: .dim)
            row += 1
        case .failure(let message)?:
            _ = body.paragraph("! " + message, in: Rect(x: 0, y: row, columns: body.columns, rows: 2), style: .error)
            row += 2
        default:
            break
        }
        list.draw(body.rows(from: row), focused: typed == nil)
    }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        guard case .policies = message else { return .ignored }
        refreshItems()
        return .handled
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if let typed { return handleTyped(key, in: typed) }
        switch Self.keys.action(for: key, typing: list.takesTextInput) {
        case .choose? where !list.takesTextInput:
            guard let item = list.currentItem else { return .handled }
            context.model.permissionsBoundary = item.id == Self.noBoundary ? nil : PolicyReference(arn: item.id)
            return .pop
        case .typeReference?:
            typed = TextField(label: "Policy name or ARN", placeholder: "arn:aws:iam::123456789012:policy/Boundary", maxLength: 2048) { text in
                text.isEmpty ? nil : PolicyReference(text).validationIssues(field: "permissionsBoundary").first?.message
            }
            return .handled
        default:
            // Keys of the list, Enter included while its filter is typed (it ends the filter).
            return list.handle(key) == .ignored ? .ignored : .handled
        }
    }

    private func handleTyped(_ key: Key, in field: TextField) -> Transition<WizardMessage> {
        switch key {
        case .escape:
            typed = nil
            return .handled
        case .enter where field.isValid && !field.text.isEmpty:
            context.model.permissionsBoundary = PolicyReference(field.text.trimmingCharacters(in: .whitespaces))
            return .pop
        default:
            return field.handle(key) == .ignored ? .ignored : .handled
        }
    }
}
