import Foundation
import TerminalUI

/// Asks where to save the answers as a spec file (for `rolewiz apply
/// --spec` later), prefilled with the role's name in the output directory.
/// Enter writes and goes back, telling the screen below the full path
/// written; a write error stays here so the path can be fixed.
final class SaveSpecScreen: WizardScreen {
    enum Command { case save }

    let context: WizardContext
    let path: TextField
    private(set) var problem: String?
    private let saved: (String) -> Void

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Save", help: "Write the spec file to this path and go back", action: .save),
    ])

    /// `saved` receives the message to show once the file is written.
    init(context: WizardContext, saved: @escaping (String) -> Void) {
        self.context = context
        self.saved = saved
        path = TextField(label: "Save to", text: context.defaultSpecPath, placeholder: "a file path")
    }

    var title: String { "Save spec" }
    var keyHints: [KeyHint] { Self.keys.hints + path.keyHints }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "save the answers as a spec file")
        let used = body.paragraph("The file can be applied later with `rolewiz apply --spec FILE`. A relative path starts in "
                                  + context.outputDirectory.path + ".", in: Rect(x: 0, y: 0, columns: body.columns, rows: 3), style: .dim)
        path.draw(body.rows(from: used + 1, count: TextField.height), focused: true)
        if let problem {
            _ = body.paragraph("! " + problem, in: Rect(x: 0, y: used + 4, columns: body.columns, rows: 4), style: .error)
        }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        guard Self.keys.action(for: key, typing: true) == .save else {
            return path.handle(key) == .ignored ? .ignored : .handled
        }
        let target = context.resolve(path.text)
        if FileManager.default.fileExists(atPath: target.path) {
            return .present(Dialog.confirm(
                title: "Replace the file?", message: "\(target.path) exists. Replace it with these answers?",
                confirm: "Replace", cancel: "Keep it", cancelByDefault: true), tag: "overwrite")
        }
        return save()
    }

    func dialogClosed(tag: String, choice: DialogChoice) -> Transition<WizardMessage> {
        guard tag == "overwrite", choice.isConfirmed else { return .handled }
        return save()
    }

    private func save() -> Transition<WizardMessage> {
        switch context.saveSpec(to: path.text) {
        case .success(let written):
            context.markAnswersKept()
            saved("Saved the spec to \(written)")
            return .pop
        case .failure(let failure):
            problem = failure.message
            return .handled
        }
    }
}
