/// An in-memory `Surface` for tests and for the frame comparison of the
/// terminal backend. `text` and `textWithAttributes` dump it for golden
/// snapshots.
public final class GridSurface: Surface {
    /// The grid's size; `resize(to:)` changes it.
    public private(set) var size: Size
    /// The theme drawings resolve their styles with (monochrome unless given).
    public let theme: Theme
    /// What line glyphs and text are drawn with (UTF-8 unless given).
    public let charset: Charset
    /// Where the cursor would show after this frame; nil hides it (and the dumps say so).
    public var cursor: Point?
    private(set) var cells: [Cell]

    /// A blank grid of `size`, drawing with `theme` and `charset`.
    public init(size: Size, theme: Theme = .monochrome, charset: Charset = .utf8) {
        self.size = size
        self.theme = theme
        self.charset = charset
        self.cells = Array(repeating: .blank, count: max(0, size.columns * size.rows))
    }

    /// Writes one cell; positions outside the grid are ignored.
    public func set(_ cell: Cell, at point: Point) {
        guard point.x >= 0, point.y >= 0, point.x < size.columns, point.y < size.rows else { return }
        cells[point.y * size.columns + point.x] = cell
    }

    /// Reads one cell (blank outside the grid).
    public func cell(at point: Point) -> Cell {
        guard point.x >= 0, point.y >= 0, point.x < size.columns, point.y < size.rows else { return .blank }
        return cells[point.y * size.columns + point.x]
    }

    /// Blanks every cell and hides the cursor, ready for a new frame.
    public func clear() {
        for index in cells.indices { cells[index] = .blank }
        cursor = nil
    }

    /// Changes the size, blanking the content (the next frame redraws it).
    public func resize(to newSize: Size) {
        size = newSize
        cells = Array(repeating: .blank, count: max(0, newSize.columns * newSize.rows))
        cursor = nil
    }

    /// The characters of one row, trailing blanks removed.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<size.columns {
            switch cell(at: Point(x: x, y: y)).glyph {
            case .character(let character): line.append(character)
            case .continuation: break
            case .line(let glyph): line.append(glyph.character(in: charset))
            }
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The whole grid as text, one line per row.
    public var text: String {
        (0..<size.rows).map(row).joined(separator: "\n")
    }

    /// The grid with attribute marks: each row as `|text`, followed by a
    /// `:marks` line (one letter per column naming its attributes) when the
    /// row has any, then a legend of the letters. The cursor is listed last.
    public var textWithAttributes: String {
        var legend: [Attributes: Character] = [:]
        var order: [Attributes] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var lines: [String] = []
        for y in 0..<size.rows {
            lines.append("|" + row(y))
            var marks = ""
            for x in 0..<size.columns {
                let attributes = cell(at: Point(x: x, y: y)).attributes
                if attributes == .plain {
                    marks.append(" ")
                    continue
                }
                if legend[attributes] == nil {
                    legend[attributes] = order.count < letters.count ? letters[order.count] : "?"
                    order.append(attributes)
                }
                marks.append(legend[attributes]!)
            }
            while marks.last == " " { marks.removeLast() }
            if !marks.isEmpty { lines.append(":" + marks) }
        }
        lines.append("-- \(theme.name), \(charset == .utf8 ? "utf8" : "ascii"), \(size)")
        for attributes in order { lines.append("\(legend[attributes]!) = \(attributes.summary)") }
        lines.append("cursor: " + (cursor.map { "\($0.x),\($0.y)" } ?? "hidden"))
        return lines.joined(separator: "\n")
    }
}
