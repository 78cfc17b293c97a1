import Foundation
import TerminalUI

/// The JSON editor with markers from JSONSerialization's complaints.
final class EditorScreen: Screen {
    typealias Message = DemoMessage

    let editor = TextEditor(text: DemoData.policy, syntax: .json)

    init() {
        lint()
    }

    var title: String { "JSON editor" }
    var hasUnsavedWork: Bool { editor.isModified }
    var keyHints: [KeyHint] { editor.keyHints }

    func draw(_ canvas: Canvas) {
        canvas.text("Trust policy", at: .zero, style: .title)
        editor.draw(canvas.rows(from: 1), focused: true)
    }

    func handle(_ key: Key) -> Transition<DemoMessage> {
        let result = editor.handle(key)
        if result == .changed { lint() }
        return result == .ignored ? .ignored : .handled
    }

    /// One marker for the first syntax error, at the reported character offset.
    private func lint() {
        let text = editor.text
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
            editor.markers = []
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "Invalid JSON"
            let offset = (error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int ?? 0
            let prefix = text.utf8.prefix(offset)
            let line = prefix.filter { $0 == 10 }.count + 1
            let column = (String(decoding: prefix, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
            editor.markers = [Marker(line: line, column: column, severity: .error, message: description)]
        }
    }
}
