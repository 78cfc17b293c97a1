/// A multi-line editor for JSON documents (trust policies): line numbers,
/// a marker gutter, horizontal and vertical scrolling, undo/redo, bracketed
/// paste and JSON colouring. Problems come from outside as `markers`; each
/// shows as its letter (`E`, `W`, `i`) in the gutter, a highlighted cell at
/// its column, and its message on the status row when the cursor is on its
/// line.
///
/// Its own keys are a `KeyMap` (`keyMap`), so screens can list them in help.
/// Tab and Esc are left to the screen (focus and going back).
public final class TextEditor {
    /// How the text is coloured: `.json` highlights JSON tokens, `.plain` draws it as is.
    public enum Syntax: Sendable {
        case plain
        case json
    }

    /// A place in the text: 0-based line and character index.
    public struct Position: Hashable, Sendable {
        /// 0-based index into `lines`.
        public var line: Int
        /// 0-based character index within the line (not a cell column: wide characters count once).
        public var column: Int

        /// A position; `moveCursor(to:)` clamps it to the text.
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    enum Command {
        case left, right, up, down, wordLeft, wordRight, lineStart, lineEnd
        case pageUp, pageDown, documentStart, documentEnd
        case backspace, delete, newline, deleteLine, undo, redo, nextMarker
    }

    let keyMap = KeyMap<Command>([
        KeyBinding(keys: [.left], label: "Left", help: "Move one character left", showsInBar: false, action: .left),
        KeyBinding(keys: [.right], label: "Right", help: "Move one character right", showsInBar: false, action: .right),
        KeyBinding(keys: [.up], label: "Up", help: "Move one line up", showsInBar: false, action: .up),
        KeyBinding(keys: [.down], label: "Down", help: "Move one line down", showsInBar: false, action: .down),
        KeyBinding(keys: [.controlLeft, .alt("b")], label: "Word left", help: "Move to the previous word", showsInBar: false, action: .wordLeft),
        KeyBinding(keys: [.controlRight, .alt("f")], label: "Word right", help: "Move to the next word", showsInBar: false, action: .wordRight),
        KeyBinding(keys: [.home, .control("a")], label: "Line start", help: "Move to the start of the line", showsInBar: false, action: .lineStart),
        KeyBinding(keys: [.end, .control("e")], label: "Line end", help: "Move to the end of the line", showsInBar: false, action: .lineEnd),
        KeyBinding(keys: [.pageUp], label: "Page up", help: "Move up one page", showsInBar: false, action: .pageUp),
        KeyBinding(keys: [.pageDown], label: "Page down", help: "Move down one page", showsInBar: false, action: .pageDown),
        KeyBinding(keys: [.controlHome, .alt("<")], label: "Top", help: "Move to the start of the document", showsInBar: false, action: .documentStart),
        KeyBinding(keys: [.controlEnd, .alt(">")], label: "Bottom", help: "Move to the end of the document", showsInBar: false, action: .documentEnd),
        KeyBinding(keys: [.backspace], label: "Backspace", help: "Delete the character before the cursor", showsInBar: false, action: .backspace),
        KeyBinding(keys: [.delete, .control("d")], label: "Delete", help: "Delete the character under the cursor", showsInBar: false, action: .delete),
        KeyBinding(keys: [.enter], label: "New line", help: "Split the line, keeping the indentation", showsInBar: false, action: .newline),
        KeyBinding(keys: [.control("k")], label: "Delete line", help: "Delete the current line", showsInBar: false, action: .deleteLine),
        KeyBinding(keys: [.control("u"), .alt("u")], label: "Undo", help: "Undo the last change", action: .undo),
        KeyBinding(keys: [.control("y"), .control("r")], label: "Redo", help: "Redo what was undone", action: .redo),
        KeyBinding(keys: [.control("n")], label: "Next problem", help: "Jump to the next marker", action: .nextMarker),
    ])

    /// Only changes colouring; the text is never parsed or checked here.
    public var syntax: Syntax
    /// False hides the number column, leaving the marker gutter.
    public var showsLineNumbers = true
    /// Problems to show; set them again after each change (1-based positions).
    public var markers: [Marker] = []
    /// The text as lines of characters, tabs already turned into two spaces; never empty.
    public private(set) var lines: [[Character]]
    /// Where typing goes; always inside the text.
    public private(set) var cursor = Position(line: 0, column: 0)
    private var top = 0
    private var left = 0
    private var preferredColumn: Int?
    private var pageSize = 10
    private var savedText: String
    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    private var lastEdit: EditKind?
    private static let undoLimit = 500

    private struct Snapshot {
        var lines: [[Character]]
        var cursor: Position
    }

    private enum EditKind: Equatable {
        case typing, deleting, other
    }

    /// An editor over `text` (CRLF made LF), with the cursor at the start and nothing to undo.
    public init(text: String = "", syntax: Syntax = .json) {
        self.syntax = syntax
        self.lines = Self.split(text)
        self.savedText = text
    }

    // MARK: Text

    /// The whole document; setting it resets undo and the modified state.
    public var text: String {
        get { lines.map { String($0) }.joined(separator: "\n") }
        set {
            lines = Self.split(newValue)
            cursor = Position(line: 0, column: 0)
            undoStack.removeAll()
            redoStack.removeAll()
            lastEdit = nil
            savedText = newValue
        }
    }

    /// True when the text differs from what was last set or marked saved.
    public var isModified: Bool { text != savedText }
    /// Takes the current text as saved, so `isModified` turns false until the next change.
    public func markSaved() { savedText = text }
    /// Always: printable keys are text in an editor, never screen commands.
    public var takesTextInput: Bool { true }
    /// True when there is a change to undo (up to 500 are kept).
    public var canUndo: Bool { !undoStack.isEmpty }
    /// True when an undone change can be redone; a new edit clears it.
    public var canRedo: Bool { !redoStack.isEmpty }

    /// The editor's keys, for the hint bar (undo, redo, next problem) and help (all of them).
    public var keyHints: [KeyHint] { keyMap.hints }

    private static func split(_ text: String) -> [[Character]] {
        let normalized = text.replacing("\r\n", with: "\n").replacing("\t", with: "  ")
        return normalized.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    }

    /// Moves the cursor (clamped), e.g. to a marker.
    public func moveCursor(to position: Position) {
        let line = min(max(position.line, 0), lines.count - 1)
        cursor = Position(line: line, column: min(max(position.column, 0), lines[line].count))
        preferredColumn = nil
        lastEdit = nil
    }

    // MARK: Keys

    /// Typing, pasting and the editor's key table; `.changed` when the text changed,
    /// `.ignored` for keys it leaves to the screen (Tab, Esc).
    public func handle(_ key: Key) -> WidgetResult {
        switch key {
        case .character(let character):
            return insert([[character]], kind: .typing)
        case .paste(let pasted):
            return insert(Self.split(pasted), kind: .other)
        default:
            break
        }
        guard let command = keyMap.action(for: key) else { return .ignored }
        return perform(command)
    }

    private func perform(_ command: Command) -> WidgetResult {
        let line = lines[cursor.line]
        switch command {
        case .left:
            if cursor.column > 0 { cursor.column -= 1 } else if cursor.line > 0 {
                cursor.line -= 1
                cursor.column = lines[cursor.line].count
            }
        case .right:
            if cursor.column < line.count { cursor.column += 1 } else if cursor.line < lines.count - 1 {
                cursor.line += 1
                cursor.column = 0
            }
        case .up: return moveVertically(by: -1)
        case .down: return moveVertically(by: 1)
        case .pageUp: return moveVertically(by: -max(1, pageSize - 1))
        case .pageDown: return moveVertically(by: max(1, pageSize - 1))
        case .wordLeft:
            if cursor.column == 0 && cursor.line > 0 {
                cursor.line -= 1
                cursor.column = lines[cursor.line].count
            } else {
                cursor.column = WordMotion.previousWordStart(in: line, from: cursor.column)
            }
        case .wordRight:
            if cursor.column == line.count && cursor.line < lines.count - 1 {
                cursor.line += 1
                cursor.column = 0
            } else {
                cursor.column = WordMotion.nextWordEnd(in: line, from: cursor.column)
            }
        case .lineStart:
            // Home goes to the indentation first, then to column 0.
            let indent = line.prefix { $0 == " " }.count
            cursor.column = cursor.column == indent ? 0 : indent
        case .lineEnd: cursor.column = line.count
        case .documentStart: cursor = Position(line: 0, column: 0)
        case .documentEnd: cursor = Position(line: lines.count - 1, column: lines[lines.count - 1].count)
        case .backspace: return deleteBackward()
        case .delete: return deleteForward()
        case .newline: return newline()
        case .deleteLine: return deleteLine()
        case .undo: return undo()
        case .redo: return redo()
        case .nextMarker: return jumpToNextMarker()
        }
        preferredColumn = nil
        lastEdit = nil
        return .handled
    }

    private func moveVertically(by offset: Int) -> WidgetResult {
        let goal = preferredColumn ?? WordMotion.columns(of: lines[cursor.line], upTo: cursor.column)
        cursor.line = min(max(cursor.line + offset, 0), lines.count - 1)
        // Land on the character covering the goal display column.
        var column = 0, index = 0
        let line = lines[cursor.line]
        while index < line.count && column + DisplayWidth.of(line[index]) <= goal {
            column += DisplayWidth.of(line[index])
            index += 1
        }
        cursor.column = index
        preferredColumn = goal
        lastEdit = nil
        return .handled
    }

    private func jumpToNextMarker() -> WidgetResult {
        let sorted = markers.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        guard !sorted.isEmpty else { return .handled }
        let here = (cursor.line + 1, cursor.column + 1)
        let next = sorted.first { ($0.line, $0.column) > here } ?? sorted[0]
        moveCursor(to: Position(line: next.line - 1, column: next.column - 1))
        return .handled
    }

    // MARK: Editing

    private func recordUndo(_ kind: EditKind) {
        if kind != .other && kind == lastEdit { return }
        undoStack.append(Snapshot(lines: lines, cursor: cursor))
        if undoStack.count > Self.undoLimit { undoStack.removeFirst() }
        redoStack.removeAll()
        lastEdit = kind
    }

    /// Inserts text at the cursor (what typing and paste do).
    public func insert(_ text: String) {
        _ = insert(Self.split(text), kind: .other)
    }

    private func insert(_ pieces: [[Character]], kind: EditKind) -> WidgetResult {
        guard !(pieces.count == 1 && pieces[0].isEmpty) else { return .handled }
        recordUndo(kind)
        let line = lines[cursor.line]
        let before = Array(line[..<cursor.column]), after = Array(line[cursor.column...])
        if pieces.count == 1 {
            lines[cursor.line] = before + pieces[0] + after
            cursor.column += pieces[0].count
        } else {
            var newLines = [before + pieces[0]]
            newLines += pieces[1..<(pieces.count - 1)]
            newLines.append(pieces[pieces.count - 1] + after)
            lines.replaceSubrange(cursor.line...cursor.line, with: newLines)
            cursor = Position(line: cursor.line + pieces.count - 1, column: pieces[pieces.count - 1].count)
        }
        preferredColumn = nil
        if kind == .other { lastEdit = nil }
        return .changed
    }

    private func newline() -> WidgetResult {
        let line = lines[cursor.line]
        var indent = Array(line.prefix { $0 == " " }.prefix(cursor.column))
        if cursor.column > 0, ["{", "["].contains(line[cursor.column - 1]) { indent += "  " }
        return insert([[], indent], kind: .other)
    }

    private func deleteBackward() -> WidgetResult {
        guard cursor.column > 0 || cursor.line > 0 else { return .handled }
        recordUndo(.deleting)
        if cursor.column > 0 {
            lines[cursor.line].remove(at: cursor.column - 1)
            cursor.column -= 1
        } else {
            let previousCount = lines[cursor.line - 1].count
            lines[cursor.line - 1] += lines[cursor.line]
            lines.remove(at: cursor.line)
            cursor = Position(line: cursor.line - 1, column: previousCount)
        }
        preferredColumn = nil
        return .changed
    }

    private func deleteForward() -> WidgetResult {
        let line = lines[cursor.line]
        guard cursor.column < line.count || cursor.line < lines.count - 1 else { return .handled }
        recordUndo(.deleting)
        if cursor.column < line.count {
            lines[cursor.line].remove(at: cursor.column)
        } else {
            lines[cursor.line] += lines[cursor.line + 1]
            lines.remove(at: cursor.line + 1)
        }
        return .changed
    }

    private func deleteLine() -> WidgetResult {
        recordUndo(.other)
        if lines.count == 1 {
            lines = [[]]
        } else {
            lines.remove(at: cursor.line)
        }
        cursor = Position(line: min(cursor.line, lines.count - 1), column: 0)
        return .changed
    }

    /// Reverts the last change: `.changed`, or `.handled` when there was none.
    @discardableResult
    public func undo() -> WidgetResult {
        step(from: &undoStack, to: &redoStack)
    }

    /// Reapplies the last undone change: `.changed`, or `.handled` when there was none.
    @discardableResult
    public func redo() -> WidgetResult {
        step(from: &redoStack, to: &undoStack)
    }

    /// Undo and redo are mirror images: restore the newest snapshot of one
    /// stack, saving the current text on the other.
    private func step(from source: inout [Snapshot], to destination: inout [Snapshot]) -> WidgetResult {
        guard let snapshot = source.popLast() else { return .handled }
        destination.append(Snapshot(lines: lines, cursor: cursor))
        lines = snapshot.lines
        cursor = snapshot.cursor
        lastEdit = nil
        return .changed
    }

    // MARK: Drawing

    /// Text rows, then a status row: `Ln 3, Col 14  E 3:14 message`.
    public func draw(_ canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0 && canvas.columns > 0 else { return }
        let textRows = max(1, canvas.rows - 1)
        pageSize = textRows
        let digits = showsLineNumbers ? String(lines.count).count : 0
        let gutter = showsLineNumbers ? digits + 3 : 2   // marker, space, number, space
        let width = max(1, canvas.columns - gutter)

        // Scroll to keep the cursor visible.
        if cursor.line < top { top = cursor.line }
        if cursor.line >= top + textRows { top = cursor.line - textRows + 1 }
        top = max(0, min(top, max(0, lines.count - textRows)))
        let cursorColumn = WordMotion.columns(of: lines[cursor.line], upTo: cursor.column)
        if cursorColumn < left { left = max(0, cursorColumn - width / 4) }
        if cursorColumn >= left + width { left = cursorColumn - width + 1 + min(width / 4, 8) }

        let markersByLine = Dictionary(grouping: markers, by: \.line)
        for row in 0..<min(textRows, canvas.rows) {
            let index = top + row
            guard index < lines.count else { break }
            let lineMarkers = markersByLine[index + 1] ?? []
            if let worst = lineMarkers.map(\.severity).max() {
                canvas.put(worst.letter, at: Point(x: 0, y: row), style: worst == .error ? .error : .warning)
            }
            if showsLineNumbers {
                let number = String(index + 1)
                canvas.text(String(repeating: " ", count: digits - number.count) + number,
                            at: Point(x: 2, y: row), style: index == cursor.line ? .currentLineNumber : .lineNumber)
            }
            drawLine(index, markers: lineMarkers,
                     canvas: canvas.sub(Rect(x: gutter, y: row, columns: width, rows: 1)))
        }
        if left > 0 {
            for row in 0..<min(textRows, lines.count - top) {
                canvas.put(canvas.charset == .utf8 ? "‹" : "<", at: Point(x: gutter - 1, y: row), style: .dim)
            }
        }
        if focused { canvas.showCursor(at: Point(x: gutter + cursorColumn - left, y: cursor.line - top)) }
        if canvas.rows > 1 { drawStatus(canvas.sub(Rect(x: 0, y: canvas.rows - 1, columns: canvas.columns, rows: 1))) }
    }

    private func drawLine(_ index: Int, markers: [Marker], canvas: Canvas) {
        let line = lines[index]
        var styles = syntax == .json ? JSONHighlighter.styles(for: line) : [Style](repeating: .normal, count: line.count)
        var endSpot: Style?
        for marker in markers.sorted(by: { $0.severity < $1.severity }) {
            let spot: Style = marker.severity == .error ? .errorSpot : .warningSpot
            let position = marker.column - 1
            if position >= 0 && position < styles.count { styles[position] = spot } else { endSpot = spot }
        }
        var column = 0
        for (position, character) in line.enumerated() {
            let width = DisplayWidth.of(character)
            if column >= left && column + width <= left + canvas.columns {
                canvas.put(character, at: Point(x: column - left, y: 0), style: styles[position])
            }
            column += width
            if column >= left + canvas.columns { break }
        }
        if let endSpot, column >= left { canvas.put(" ", at: Point(x: column - left, y: 0), style: endSpot) }
    }

    private func drawStatus(_ canvas: Canvas) {
        canvas.fill(style: .statusBar)
        var status = "Ln \(cursor.line + 1), Col \(cursor.column + 1)"
        if isModified { status += " [modified]" }
        let used = canvas.text(status, at: Point(x: 1, y: 0), style: .statusBar)
        let here = markers.filter { $0.line == cursor.line + 1 }.sorted { $0.severity > $1.severity }
        let message: String
        if let marker = here.first {
            message = marker.summary
        } else if !markers.isEmpty {
            let errors = markers.filter { $0.severity == .error }.count
            message = "\(markers.count) problem\(markers.count == 1 ? "" : "s") (\(errors) error\(errors == 1 ? "" : "s")), ^N next"
        } else {
            message = ""
        }
        canvas.field(message, at: Point(x: used + 3, y: 0), width: canvas.columns - used - 3, style: .statusBar)
    }
}
