/// A box listing every key of the current screen and the global keys,
/// built from the same `KeyHint`s as the hint bar. Up/Down/PgUp/PgDn
/// scroll; any other key closes it.
public final class HelpOverlay {
    /// One group of keys under a heading (the screen's own, then the global ones).
    public struct Section: Sendable {
        /// The heading above the group.
        public var title: String
        /// The keys, in the order listed; all of them, including those kept out of the bar.
        public var hints: [KeyHint]

        /// A group of `hints` under `title`.
        public init(title: String, hints: [KeyHint]) {
            self.title = title
            self.hints = hints
        }
    }

    /// The screen's title, shown in the frame as `Help: title`.
    public let title: String
    /// The groups, top to bottom.
    public let sections: [Section]
    private var top = 0
    private var pageSize = 1
    private var rowCount = 0

    /// An overlay for the screen titled `title`, scrolled to the top.
    public init(title: String, sections: [Section]) {
        self.title = title
        self.sections = sections
    }

    /// `.handled` while scrolling, `.cancelled` when the key closes it.
    public func handle(_ key: Key) -> WidgetResult {
        switch key {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= pageSize
        case .pageDown: top += pageSize
        default: return .cancelled
        }
        top = max(0, min(top, rowCount - pageSize))
        return .handled
    }

    private enum Row {
        case heading(String)
        case key(String, String)
        case blank
    }

    /// Draws the box centred over `canvas`; nothing when the canvas is too small for it.
    public func draw(_ canvas: Canvas) {
        let rect = canvas.bounds.centered(Size(columns: min(canvas.columns - 2, 76), rows: canvas.rows - 2))
        guard rect.size.columns > 10, rect.size.rows > 3 else { return }
        canvas.fill(rect, style: .dialog)
        canvas.box(rect, style: .focusedBorder, title: "Help: \(title)", titleStyle: .dialogTitle)
        var rows: [Row] = []
        for section in sections where !section.hints.isEmpty {
            if !rows.isEmpty { rows.append(.blank) }
            rows.append(.heading(section.title))
            for hint in section.hints { rows.append(.key(hint.keyNames, hint.help)) }
        }
        let inner = canvas.sub(rect.inset(by: 1))
        pageSize = max(1, inner.rows - 1)
        rowCount = rows.count
        top = max(0, min(top, rowCount - pageSize))
        let keyWidth = min(22, rows.map { if case .key(let keys, _) = $0 { DisplayWidth.of(keys) } else { 0 } }.max() ?? 0)
        for (index, row) in rows.dropFirst(top).prefix(pageSize).enumerated() {
            switch row {
            case .heading(let text): inner.text(text, at: Point(x: 1, y: index), style: .title)
            case .key(let keys, let help):
                inner.text(keys, at: Point(x: 3, y: index), style: .hintKey, limit: keyWidth)
                inner.field(help, at: Point(x: 5 + keyWidth, y: index), width: inner.columns - keyWidth - 6, style: .dialog)
            case .blank: break
            }
        }
        let footer = rowCount > pageSize ? "Up/Down scroll, any other key closes" : "Any key closes"
        inner.field(footer, at: Point(x: 1, y: inner.rows - 1), width: inner.columns - 2, style: .dim)
    }
}
