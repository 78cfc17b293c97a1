/// A read-only, word-wrapped, scrollable text pane (details, previews,
/// policy documents). Up/Down, PgUp/PgDn (Space), Home/End scroll. The
/// scroll position is kept across resizes (clamped to the new length).
public final class ScrollView {
    /// The text shown, unwrapped; change it with `setText(_:keepPosition:)`.
    public private(set) var text: String
    /// How the text is drawn (dim for dialog details).
    public var style: Style
    /// The first wrapped line shown (0 is the start), kept within the text by each key and draw.
    public private(set) var top = 0
    private var pageSize = 10
    private var lineCount = 0
    /// The texts last wrapped, newest last: a frame that only scrolls, or
    /// a preview going back and forth between a few documents, does not
    /// wrap a long text again.
    private var wrapped: [(text: String, width: Int, lines: [String])] = []
    private static let wrappedKept = 8

    /// A pane over `text`, scrolled to the top.
    public init(text: String = "", style: Style = .normal) {
        self.text = text
        self.style = style
    }

    /// Replaces the text; `keepPosition` keeps the scroll offset (live logs).
    public func setText(_ newText: String, keepPosition: Bool = false) {
        text = newText
        if !keepPosition { top = 0 }
    }

    /// The scrolling keys, for help only.
    public var keyHints: [KeyHint] {
        [KeyHint(keys: [.up, .down, .pageUp, .pageDown], label: "Scroll", help: "Scroll the text", showsInBar: false)]
    }

    /// Scrolling keys answer `.handled`; everything else is `.ignored`, for the screen.
    public func handle(_ key: Key) -> WidgetResult {
        switch key {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= max(1, pageSize - 1)
        case .pageDown, .space: top += max(1, pageSize - 1)
        case .home: top = 0
        case .end: top = Int.max / 2
        default: return .ignored
        }
        clamp()
        return .handled
    }

    private func clamp() {
        top = max(0, min(top, max(0, lineCount - pageSize)))
    }

    /// Draws the wrapped text with a scrollbar in the last column, highlighted when `focused`.
    public func draw(_ canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0, canvas.columns > 1 else { return }
        let width = canvas.columns - 1
        let lines: [String]
        if let index = wrapped.lastIndex(where: { $0.width == width && $0.text == text }) {
            lines = wrapped[index].lines
            wrapped.append(wrapped.remove(at: index))
        } else {
            lines = TextLayout.wrap(text, width: width)
            wrapped.append((text, width, lines))
            if wrapped.count > Self.wrappedKept { wrapped.removeFirst() }
        }
        lineCount = lines.count
        pageSize = canvas.rows
        clamp()
        for (row, line) in lines.dropFirst(top).prefix(canvas.rows).enumerated() {
            canvas.text(line, at: Point(x: 0, y: row), style: style)
        }
        drawScrollbar(canvas.sub(Rect(x: canvas.columns - 1, y: 0, columns: 1, rows: canvas.rows)), focused: focused)
    }

    /// A track with a thumb, only when the text is longer than the pane.
    private func drawScrollbar(_ canvas: Canvas, focused: Bool) {
        guard lineCount > canvas.rows else { return }
        let thumbSize = max(1, canvas.rows * canvas.rows / lineCount)
        let range = max(1, lineCount - canvas.rows)
        let thumbTop = (canvas.rows - thumbSize) * top / range
        for row in 0..<canvas.rows {
            if row >= thumbTop && row < thumbTop + thumbSize {
                canvas.put(canvas.charset == .utf8 ? "█" : "#", at: Point(x: 0, y: row), style: focused ? .focusedBorder : .border)
            } else {
                canvas.line(.vertical, at: Point(x: 0, y: row), style: .border)
            }
        }
    }
}
