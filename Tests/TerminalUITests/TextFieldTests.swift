import Testing
@testable import TerminalUI

@Suite(.timeLimit(.minutes(10))) struct TextFieldTests {
    @Test func editingKeys() {
        let field = TextField(label: "Name")
        for character in "hello world" { _ = field.handle(.character(character)) }
        #expect(field.handle(.controlLeft) == .handled)
        #expect(field.cursorIndex == 6)
        _ = field.handle(.backspace)
        #expect(field.text == "helloworld")
        _ = field.handle(.home)
        _ = field.handle(.delete)
        #expect(field.text == "elloworld")
        _ = field.handle(.end)
        _ = field.handle(.control("w"))
        #expect(field.text == "")
        #expect(field.handle(.enter) == .submitted)
        #expect(field.handle(.tab) == .ignored)
    }

    @Test func pasteDropsNewlinesAndRespectsMaxLength() {
        let field = TextField(label: "Name", maxLength: 8)
        #expect(field.handle(.paste("ab\ncd\tefghij")) == .changed)
        #expect(field.text == "abcd efg")
    }

    @Test func validationMessageIsMarked() {
        TestLocale.utf8()
        let field = TextField(label: "Name") { $0.count < 3 ? "At least 3 characters." : nil }
        _ = field.handle(.character("a"))
        let surface = render(Size(columns: 40, rows: 2)) { field.draw($0, focused: true) }
        #expect(surface.row(0) == "Name: a")
        #expect(surface.row(1) == "      ! At least 3 characters.")
        #expect(surface.cursor == Point(x: 7, y: 0))
        _ = field.handle(.paste("bc"))
        #expect(field.isValid)
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        let field = TextField(label: "N", text: String(repeating: "x", count: 30) + "END")
        let surface = render(Size(columns: 20, rows: 2)) { field.draw($0, focused: true) }
        #expect(surface.row(0).hasSuffix("END"))
        #expect(surface.cursor == Point(x: 19, y: 0))
        _ = field.handle(.home)
        let again = render(Size(columns: 20, rows: 2)) { field.draw($0, focused: true) }
        #expect(again.cursor == Point(x: 3, y: 0))
    }

    @Test func unfocusedLongTextShowsItsStartAndKeepsTheScrollForFocus() {
        TestLocale.utf8()
        let field = TextField(label: "N", text: "START" + String(repeating: "x", count: 30) + "END")
        let focused = render(Size(columns: 20, rows: 2)) { field.draw($0, focused: true) }
        #expect(focused.row(0).hasSuffix("END"))
        let unfocused = render(Size(columns: 20, rows: 2)) { field.draw($0, focused: false) }
        #expect(unfocused.row(0) == "N: START" + String(repeating: "x", count: 11) + "…")
        let refocused = render(Size(columns: 20, rows: 2)) { field.draw($0, focused: true) }
        #expect(refocused.row(0).hasSuffix("END"))
        #expect(refocused.cursor == Point(x: 19, y: 0))
    }
}
