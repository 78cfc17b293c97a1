import Testing
@testable import TerminalUI

@Suite(.timeLimit(.minutes(10))) struct TextEditorTests {
    @Test func typingUndoAndRedoGroupWords() {
        let editor = TextEditor(text: "", syntax: .plain)
        for character in "abc" { _ = editor.handle(.character(character)) }
        _ = editor.handle(.enter)
        for character in "de" { _ = editor.handle(.character(character)) }
        #expect(editor.text == "abc\nde")
        #expect(editor.isModified)
        _ = editor.handle(.control("u"))
        #expect(editor.text == "abc\n")
        _ = editor.handle(.control("u"))
        #expect(editor.text == "abc")
        _ = editor.handle(.control("u"))
        #expect(editor.text == "")
        #expect(!editor.canUndo)
        _ = editor.handle(.control("y"))
        _ = editor.handle(.control("y"))
        #expect(editor.text == "abc\n")
        #expect(editor.cursor == TextEditor.Position(line: 1, column: 0))
    }

    @Test func pasteIsOneUndoStep() {
        let editor = TextEditor(text: "[]")
        editor.moveCursor(to: .init(line: 0, column: 1))
        #expect(editor.handle(.paste("1,\r\n2,\n3")) == .changed)
        #expect(editor.text == "[1,\n2,\n3]")
        #expect(editor.cursor == TextEditor.Position(line: 2, column: 1))
        editor.undo()
        #expect(editor.text == "[]")
    }

    @Test func movementByCharacterWordLineAndPage() {
        let editor = TextEditor(text: (1...40).map { "line \($0) word" }.joined(separator: "\n"), syntax: .plain)
        _ = render(Size(columns: 40, rows: 11)) { editor.draw($0, focused: true) }
        _ = editor.handle(.controlRight)
        #expect(editor.cursor.column == 4)
        _ = editor.handle(.alt("f"))
        #expect(editor.cursor.column == 6)
        _ = editor.handle(.controlLeft)
        #expect(editor.cursor.column == 5)
        _ = editor.handle(.end)
        _ = editor.handle(.right)
        #expect(editor.cursor == .init(line: 1, column: 0))
        _ = editor.handle(.left)
        #expect(editor.cursor == .init(line: 0, column: 11))
        _ = editor.handle(.pageDown)
        #expect(editor.cursor.line == 9)
        _ = editor.handle(.controlEnd)
        #expect(editor.cursor == .init(line: 39, column: 12))
        _ = editor.handle(.up)
        #expect(editor.cursor == .init(line: 38, column: 12))
        _ = editor.handle(.alt("<"))
        #expect(editor.cursor == .init(line: 0, column: 0))
    }

    @Test func enterKeepsIndentationAndIndentsAfterBrace() {
        let editor = TextEditor(text: "  {")
        _ = editor.handle(.end)
        _ = editor.handle(.enter)
        #expect(editor.text == "  {\n    ")
        _ = editor.handle(.backspace)
        _ = editor.handle(.backspace)
        _ = editor.handle(.backspace)
        _ = editor.handle(.backspace)
        _ = editor.handle(.backspace)
        #expect(editor.text == "  {")
        _ = editor.handle(.delete)
        _ = editor.handle(.home)
        _ = editor.handle(.control("k"))
        #expect(editor.text == "")
    }

    @Test func markersShowInGutterCellAndStatus() {
        let editor = TextEditor(text: "{\n  \"a\": tru\n}")
        editor.markers = [Marker(line: 2, column: 8, severity: .error, message: "Unexpected token")]
        _ = editor.handle(.down)
        let surface = render(Size(columns: 40, rows: 5), theme: .color) { editor.draw($0, focused: true) }
        #expect(surface.row(1) == "E 2   \"a\": tru")
        #expect(surface.cell(at: Point(x: 11, y: 1)).attributes == Theme.color.attributes(for: .errorSpot))
        #expect(surface.row(4).contains("E 2:8 Unexpected token"))
        _ = editor.handle(.up)
        let other = render(Size(columns: 60, rows: 5)) { editor.draw($0, focused: true) }
        #expect(other.row(4).contains("1 problem (1 error), ^N next"))
        _ = editor.handle(.control("n"))
        #expect(editor.cursor == .init(line: 1, column: 7))
    }

    @Test func horizontalScrollFollowsTheCursor() {
        let editor = TextEditor(text: String(repeating: "a", count: 100) + "Z", syntax: .plain)
        _ = editor.handle(.end)
        let surface = render(Size(columns: 30, rows: 3)) { editor.draw($0, focused: true) }
        #expect(surface.row(0).hasPrefix("  1‹"))
        #expect(surface.row(0).contains("Z"))
        #expect(surface.cursor!.x < 30)
    }

    @Test func jsonColouring() {
        let styles = JSONHighlighter.styles(for: Array(#"{"k": "v", "n": -1.5e3, "t": true}"#))
        #expect(styles[1] == .jsonKey)
        #expect(styles[6] == .jsonString)
        #expect(styles[16] == .jsonNumber)
        #expect(styles[29] == .jsonLiteral)
        #expect(styles[0] == .jsonPunctuation)
    }
}
