import TerminalUI

/// The demo's first screen: a text field and a 2,000-row multi-select list
/// under a step indicator, with a status row the end-to-end tests read.
final class FormScreen: Screen {
    typealias Message = DemoMessage

    enum Field { case name, list }
    enum Command { case editor, dialog, run }

    let name = TextField(label: "Name", text: "", placeholder: "letters, digits, +=,.@_-", maxLength: 64) { text in
        if text.isEmpty { return "Enter a name." }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-")
        return text.allSatisfy(allowed.contains) ? nil : "Only letters, digits and +=,.@_- are allowed."
    }
    let list = ListView(items: DemoData.items, selection: .multiple)
    var focus = FocusRing<Field>([.name, .list])
    private var keyCount = 0
    private var lastKey = "none"
    private var inbox: Inbox<DemoMessage>

    let keys = KeyMap<Command>([
        KeyBinding(keys: [.function(2), .character("e")], label: "Editor", help: "Open the JSON editor", action: .editor),
        KeyBinding(keys: [.function(3), .character("d")], label: "Dialog", help: "Show an error dialog with details", action: .dialog),
        KeyBinding(keys: [.function(5), .character("r")], label: "Run", help: "Run steps in the background", action: .run),
    ])

    init(inbox: Inbox<DemoMessage>) {
        self.inbox = inbox
    }

    var title: String { "Demo form" }
    var hasUnsavedWork: Bool { !name.text.isEmpty }

    var keyHints: [KeyHint] {
        [KeyHint(keys: [.tab, .backTab], label: "Field", help: "Move between the name and the list")]
            + keys.hints + (focus.isFocused(.list) ? list.keyHints : name.keyHints)
    }

    func draw(_ canvas: Canvas) {
        StepIndicator(steps: ["Name", "Items", "Review"], current: focus.isFocused(.name) ? 0 : 1)
            .draw(canvas.rows(from: 0, count: 1))
        name.draw(canvas.sub(Rect(x: 0, y: 2, columns: canvas.columns, rows: TextField.height)),
                  focused: focus.isFocused(.name))
        canvas.text("Items", at: Point(x: 0, y: 4), style: focus.isFocused(.list) ? .title : .normal)
        list.draw(canvas.sub(Rect(x: 0, y: 5, columns: canvas.columns, rows: max(0, canvas.rows - 7))),
                  focused: focus.isFocused(.list))
        canvas.field("keys: \(keyCount)  last: \(lastKey)", at: Point(x: 0, y: canvas.rows - 1),
                     width: canvas.columns, style: .dim)
    }

    func handle(_ key: Key) -> Transition<DemoMessage> {
        keyCount += 1
        lastKey = Self.describe(key)
        if focus.handle(key) { return .handled }
        let typing = focus.isFocused(.name) || list.takesTextInput
        if let command = keys.action(for: key, typing: typing) {
            switch command {
            case .editor: return .push(EditorScreen())
            case .run: return .push(ProgressScreen(inbox: inbox))
            case .dialog:
                return .present(.error(title: "Request failed", message: "The service refused the request.",
                                       details: (1...30).map { "detail line \($0)" }.joined(separator: "\n")),
                                tag: "error")
            }
        }
        let result = focus.isFocused(.name) ? name.handle(key) : list.handle(key)
        return result == .ignored ? .ignored : .handled
    }

    func dialogClosed(tag: String, choice: DialogChoice) -> Transition<DemoMessage> {
        lastKey = "dialog \(tag) closed"
        return .handled
    }

    static func describe(_ key: Key) -> String {
        if case .paste(let text) = key { return "paste(\(text.count) chars)" }
        return key.displayName
    }
}
