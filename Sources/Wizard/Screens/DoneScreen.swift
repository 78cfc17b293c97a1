import Foundation
import Provisioning
import TerminalUI

/// The role exists: its ARN, copy to the clipboard (OSC 52, which works
/// over SSH), export, save the spec, or open the role in the editor.
final class DoneScreen: WizardScreen {
    enum Command { case copy, export, save, open, finish }

    let context: WizardContext
    let roleArn: String
    private(set) var notice: String?

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.character("c")], label: "Copy ARN", help: "Copy the role ARN to the clipboard (OSC 52)", action: .copy),
        KeyBinding(keys: [.character("x")], label: "Export", help: "Export as CLI script, CloudFormation, Terraform or spec file", action: .export),
        KeyBinding(keys: [.character("s")], label: "Save spec", help: "Save the answers as a spec file", action: .save),
        KeyBinding(keys: [.character("e")], label: "Edit role", help: "Open the role in the editor", action: .open),
        KeyBinding(keys: [.enter], label: "Finish", help: "Leave rolewiz", action: .finish),
    ])

    init(context: WizardContext, roleArn: String) {
        self.context = context
        self.roleArn = roleArn
    }

    var title: String { "Done" }
    var keyHints: [KeyHint] { Self.keys.hints }

    /// The OSC 52 sequence that puts `text` on the terminal's clipboard.
    static func clipboardSequence(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "done")
        _ = body.text("The role is ready.", at: .zero, style: .success)
        _ = body.text("ARN:", at: Point(x: 0, y: 2), style: .dim)
        body.field(roleArn, at: Point(x: 5, y: 2), width: body.columns - 5, style: .title)
        let lines = ReviewText.roleLines(context.model, partition: context.partition)
        let wrapped = ReviewText.wrapped(lines.joined(separator: "\n"), width: body.columns)
        for (index, line) in wrapped.prefix(max(0, body.rows - 5)).enumerated() {
            _ = body.text(line, at: Point(x: 0, y: 4 + index))
        }
        if let notice { body.field(notice, at: Point(x: 0, y: body.rows - 1), width: body.columns, style: .success) }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        switch Self.keys.action(for: key) {
        case .copy?:
            guard let write = context.writeToTerminal else {
                notice = "No terminal to copy through; the ARN is shown above."
                return .handled
            }
            write(Self.clipboardSequence(roleArn))
            notice = "Copied the ARN to the clipboard (if your terminal allows OSC 52)."
            return .handled
        case .export?: return .push(ExportScreen(context: context, step: nil))
        case .save?:
            return .push(SaveSpecScreen(context: context) { [weak self] message in self?.notice = message })
        case .open?: return .replace(EditRoleScreen(context: context, roleName: context.model.roleName))
        case .finish?: return .quit
        case nil: return .ignored
        }
    }
}
