import Provisioning
import TerminalUI

/// Deleting the role open in the editor, as the console does: everything
/// that goes with it listed first, then its name typed to confirm. A
/// service-linked role is refused with the reason; a delete cut short says
/// what is left, and deleting again finishes the job.
final class DeleteRoleScreen: WizardScreen {
    enum Command { case delete, done }

    let context: WizardContext
    let roleName: String
    let confirmation = TextField(label: "Type the role's name to delete it", placeholder: "the name, exactly", maxLength: 64)
    private var deleting = false

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Delete", help: "Delete the role once its name is typed", action: .delete),
    ])
    static let doneKeys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Done", help: "Back to the list of roles", action: .done),
    ])

    init(context: WizardContext, roleName: String) {
        self.context = context
        self.roleName = roleName
        context.loadDeletion(of: roleName)
    }

    var title: String { "Delete role" }
    private var deletion: RoleDeletion? { context.deletion?.value }
    private var result: Outcome<ApplyResult>? { deleting ? context.deleteResult : nil }
    private var succeeded: Bool { result?.value?.status == .succeeded }
    private var canDelete: Bool { deletion.map { $0.refusal == nil } ?? false && !deleting }
    var isAnimating: Bool { context.deletion == nil || (deleting && result == nil) }
    /// Quitting while the calls run asks first (their end must be seen).
    var hasUnsavedWork: Bool { deleting && result == nil }
    var keyHints: [KeyHint] {
        if result != nil { return Self.doneKeys.hints }
        return canDelete ? Self.keys.hints + confirmation.keyHints : []
    }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        switch message {
        case .deletion, .deleteFinished: .handled
        default: .ignored
        }
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "delete role \(roleName)")
        guard let outcome = context.deletion else {
            _ = body.text("Reading what goes with \(roleName)…", at: .zero, style: .dim)
            return
        }
        guard let deletion = outcome.value else {
            if case .failure(let message) = outcome { _ = body.paragraph("! " + message, style: .error) }
            return
        }
        var row = 0
        let lines = deletion.refusal.map { ["! " + $0] } ?? deletion.summary
        for line in lines where row < body.rows {
            row += max(1, body.paragraph(line, in: Rect(x: 0, y: row, columns: body.columns, rows: body.rows - row),
                                         style: deletion.refusal == nil ? .normal : .error))
        }
        row += 1
        guard row + TextField.height <= body.rows else { return }
        switch result {
        case nil where deleting:
            _ = body.text("Deleting…", at: Point(x: 0, y: row), style: .dim)
        case nil where canDelete:
            confirmation.draw(body.sub(Rect(x: 0, y: row, columns: body.columns, rows: TextField.height)), focused: true)
        case .success(let result)? where result.status == .succeeded:
            _ = body.text("Deleted role \(roleName).", at: Point(x: 0, y: row), style: .title)
        case .success(let result)?:
            _ = body.paragraph(RoleDeletion.unfinished(result).joined(separator: " "), in: Rect(x: 0, y: row, columns: body.columns, rows: body.rows - row), style: .error)
        case .failure(let message)?:
            _ = body.paragraph("! " + message + " Nothing more was deleted; delete again to finish.",
                               in: Rect(x: 0, y: row, columns: body.columns, rows: body.rows - row), style: .error)
        default:
            break
        }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        // While the calls run every key waits, Esc too: the end must be seen here.
        if deleting && result == nil { return .handled }
        if result != nil {
            guard Self.doneKeys.action(for: key) == .done || key == .escape else { return .ignored }
            guard succeeded else {
                // Part of the role is gone: the editor shows what IAM holds now.
                context.loadRole(name: roleName)
                return .pop
            }
            // Back past the editor of a role that no longer exists: to the
            // role list it came from, or out (`rolewiz edit ROLE` has no list).
            return context.roles == nil ? .quit : .unwind(to: { $0 is RoleListScreen })
        }
        guard canDelete else { return .ignored }
        if Self.keys.action(for: key, typing: true) == .delete {
            // IAM's spelling of the name, which the list above shows.
            guard let deletion, confirmation.text.trimmingCharacters(in: .whitespaces) == deletion.role.roleName else {
                let name = deletion?.role.roleName ?? roleName
                confirmation.validator = { _ in "type \(name) exactly to delete it" }
                return .handled
            }
            deleting = true
            context.delete(deletion)
            return .handled
        }
        confirmation.validator = nil
        return confirmation.handle(key) == .ignored ? .ignored : .handled
    }
}
