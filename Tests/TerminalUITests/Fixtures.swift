import TerminalUI

enum Fixture {
    static let services: [ListItem] = [
        ListItem(id: "ec2", title: "EC2", detail: "Virtual servers"),
        ListItem(id: "lambda", title: "Lambda", detail: "Run code without servers"),
        ListItem(id: "wide", title: "日本語サービス", detail: "Wide characters"),
    ] + (1...40).map { ListItem(id: "svc\($0)", title: "Service \($0)", detail: "Example service number \($0)") }

    static let policy = """
    {
      "Version": "2012-10-17",
      "Statement": [
        { "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": { "Service": "ec2" }, "Sid": "a-very-long-statement-id-that-scrolls" }
      ]
    }
    """
}

/// A screen in the shape the wizard will use: a step indicator, a name
/// field and a multi-select list, Tab between them.
final class FormScreen: Screen {
    typealias Message = String
    enum Field { case name, list }
    enum Command { case next, fail }

    let name = TextField(label: "Role name", placeholder: "e.g. my-role") { $0.isEmpty ? "A name is required." : nil }
    let list = ListView(items: Fixture.services, selection: .multiple)
    var focus = FocusRing<Field>([.name, .list])
    var received: [String] = []
    var lastDialog: (String, DialogChoice)?
    let keys = KeyMap<Command>([
        KeyBinding(keys: [.function(2), .character("n")], label: "Next", help: "Go to the next step", action: .next),
        KeyBinding(keys: [.function(3), .character("x")], label: "Fail", help: "Show an error", action: .fail),
    ])

    var title: String { "Trusted entity" }
    var hasUnsavedWork: Bool { !name.text.isEmpty }
    var keyHints: [KeyHint] { keys.hints + list.keyHints }

    func draw(_ canvas: Canvas) {
        StepIndicator(steps: ["Trusted entity", "Permissions", "Name", "Review"], current: 0).draw(canvas)
        name.draw(canvas.sub(Rect(x: 0, y: 2, columns: canvas.columns, rows: 2)), focused: focus.isFocused(.name))
        list.draw(canvas.rows(from: 4), focused: focus.isFocused(.list))
    }

    func handle(_ key: Key) -> Transition<String> {
        if focus.handle(key) { return .handled }
        if let command = keys.action(for: key, typing: focus.isFocused(.name) || list.takesTextInput) {
            switch command {
            case .next: return .push(EditorScreen())
            case .fail: return .present(.error(title: "Create failed", message: "Access denied.", details: "HTTP 403\nAccessDenied"), tag: "fail")
            }
        }
        let result = focus.isFocused(.name) ? name.handle(key) : list.handle(key)
        return result == .ignored ? .ignored : .handled
    }

    func receive(_ message: String) -> Transition<String> {
        received.append(message)
        return .handled
    }

    func dialogClosed(tag: String, choice: DialogChoice) -> Transition<String> {
        lastDialog = (tag, choice)
        return .handled
    }
}

final class EditorScreen: Screen {
    typealias Message = String
    let editor = TextEditor(text: Fixture.policy)

    init() {
        editor.markers = [
            Marker(line: 4, column: 5, severity: .error, message: "Expected a Principal before Action"),
            Marker(line: 2, column: 14, severity: .warning, message: "Old policy version"),
        ]
    }

    var title: String { "Trust policy" }
    var hasUnsavedWork: Bool { editor.isModified }
    var keyHints: [KeyHint] { editor.keyHints }
    var minimumSize: Size { Size(columns: 50, rows: 12) }

    func draw(_ canvas: Canvas) {
        editor.draw(canvas, focused: true)
    }

    func handle(_ key: Key) -> Transition<String> {
        editor.handle(key) == .ignored ? .ignored : .handled
    }
}
