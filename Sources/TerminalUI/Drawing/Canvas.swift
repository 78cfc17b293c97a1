import SafeText

/// A clipped, offset window onto a `Surface`: everything a widget or screen
/// draws goes through one. Coordinates are local (0,0 is the canvas's top
/// left) and nothing is drawn outside its bounds, so a widget given a small
/// canvas cannot scribble over its neighbours.
public struct Canvas {
    /// The surface drawn on, shared by every sub-canvas cut from this one.
    public let surface: any Surface
    /// The canvas's place on the surface, already clipped to the surface.
    public let frame: Rect

    /// A canvas over the whole of `surface`.
    public init(_ surface: any Surface) {
        self.surface = surface
        self.frame = Rect(origin: .zero, size: surface.size)
    }

    private init(surface: any Surface, frame: Rect) {
        self.surface = surface
        self.frame = frame
    }

    /// The canvas's size after clipping (what a widget lays out in).
    public var size: Size { frame.size }
    /// The canvas's width in cells.
    public var columns: Int { frame.size.columns }
    /// The canvas's height in rows.
    public var rows: Int { frame.size.rows }
    /// The canvas in its own coordinates: origin zero, its size.
    public var bounds: Rect { Rect(origin: .zero, size: frame.size) }
    /// The surface's character set, for widgets choosing between glyphs.
    public var charset: Charset { surface.charset }
    /// The surface's theme, which turns a `Style` into attributes.
    public var theme: Theme { surface.theme }

    /// A canvas for part of this one (local coordinates, clipped).
    public func sub(_ rect: Rect) -> Canvas {
        let absolute = Rect(x: frame.minX + rect.minX, y: frame.minY + rect.minY,
                            columns: rect.size.columns, rows: rect.size.rows)
        return Canvas(surface: surface, frame: absolute.intersection(frame))
    }

    /// The rows from `top` down, `count` of them (or all the rest).
    public func rows(from top: Int, count: Int? = nil) -> Canvas {
        sub(Rect(x: 0, y: top, columns: columns, rows: count ?? max(0, rows - top)))
    }

    // MARK: Cells

    private func setCell(_ cell: Cell, at point: Point) {
        guard bounds.contains(point) else { return }
        surface.set(cell, at: Point(x: frame.minX + point.x, y: frame.minY + point.y))
    }

    /// The character to show for `character`. Nothing that could act on the
    /// terminal or hide text reaches it: controls and format characters
    /// (`InertText`'s rule, bidi overrides included) show as a visible
    /// stand-in (␛ for ESC), and anything non-ASCII is `?` when the charset is ASCII.
    public func printable(_ character: Character) -> Character {
        guard let unsafe = character.unicodeScalars.first(where: InertText.isUnsafe) else {
            return charset == .ascii && !character.isASCII ? "?" : character
        }
        return charset == .ascii ? "?" : InertText.glyph(for: unsafe)
    }

    /// Draws one character; returns the columns it took (0 when clipped).
    @discardableResult
    public func put(_ character: Character, at point: Point, style: Style) -> Int {
        let shown = printable(character)
        let width = DisplayWidth.of(shown)
        let attributes = theme.attributes(for: style)
        guard width > 0 else { return 0 }
        if width == 2 && point.x + 1 >= columns {
            // A wide character that does not fit: keep the column blank rather than split it.
            setCell(Cell(.space, attributes), at: point)
            return 1
        }
        setCell(Cell(.character(shown), attributes), at: point)
        if width == 2 { setCell(Cell(.continuation, attributes), at: Point(x: point.x + 1, y: point.y)) }
        return width
    }

    /// Draws `text` on one row starting at `point`, stopping at `limit`
    /// columns (default: the canvas edge). Returns the columns used.
    @discardableResult
    public func text(_ text: some StringProtocol, at point: Point, style: Style = .normal, limit: Int? = nil) -> Int {
        let end = min(columns, point.x + (limit ?? columns))
        var x = point.x
        for character in text {
            let width = DisplayWidth.of(printable(character))
            if width == 0 { continue }
            if x + width > end { break }
            x += put(character, at: Point(x: x, y: point.y), style: style)
        }
        return x - point.x
    }

    /// Draws `text` truncated to `width` columns with a trailing `…` (or `~`
    /// in ASCII) when it does not fit; with `pad`, fills the rest of the
    /// width with `style` (for highlighted rows and inputs).
    public func field(_ text: String, at point: Point, width: Int, style: Style = .normal, pad: Bool = true) {
        let fitted = TextLayout.truncate(text, width: width, ellipsis: charset == .utf8 ? "…" : "~")
        let used = self.text(fitted, at: point, style: style, limit: width)
        if pad { fill(Rect(x: point.x + used, y: point.y, columns: width - used, rows: 1), style: style) }
    }

    /// Fills a rectangle (default: everything) with blanks in `style`.
    public func fill(_ rect: Rect? = nil, style: Style = .normal) {
        let area = (rect ?? bounds).intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(.space, theme.attributes(for: style))
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX { setCell(cell, at: Point(x: x, y: y)) }
        }
    }

    // MARK: Lines and boxes

    /// One line-drawing piece at `point` (clipped like everything else).
    public func line(_ glyph: LineGlyph, at point: Point, style: Style = .border) {
        setCell(Cell(.line(glyph), theme.attributes(for: style)), at: point)
    }

    /// A horizontal line of `length` cells from `point` rightwards; nothing when not positive.
    public func horizontalLine(at point: Point, length: Int, style: Style = .border) {
        for x in point.x..<max(point.x, point.x + length) { line(.horizontal, at: Point(x: x, y: point.y), style: style) }
    }

    /// A vertical line of `length` cells from `point` downwards; nothing when not positive.
    public func verticalLine(at point: Point, length: Int, style: Style = .border) {
        for y in point.y..<max(point.y, point.y + length) { line(.vertical, at: Point(x: point.x, y: y), style: style) }
    }

    /// A frame around `rect` with an optional title in the top edge.
    public func box(_ rect: Rect? = nil, style: Style = .border, title: String? = nil, titleStyle: Style = .title) {
        let area = rect ?? bounds
        guard area.size.columns >= 2, area.size.rows >= 2 else { return }
        let right = area.maxX - 1, bottom = area.maxY - 1
        horizontalLine(at: Point(x: area.minX + 1, y: area.minY), length: area.size.columns - 2, style: style)
        horizontalLine(at: Point(x: area.minX + 1, y: bottom), length: area.size.columns - 2, style: style)
        verticalLine(at: Point(x: area.minX, y: area.minY + 1), length: area.size.rows - 2, style: style)
        verticalLine(at: Point(x: right, y: area.minY + 1), length: area.size.rows - 2, style: style)
        line(.topLeft, at: area.origin, style: style)
        line(.topRight, at: Point(x: right, y: area.minY), style: style)
        line(.bottomLeft, at: Point(x: area.minX, y: bottom), style: style)
        line(.bottomRight, at: Point(x: right, y: bottom), style: style)
        if let title, area.size.columns > 6 {
            let fitted = TextLayout.truncate(" \(title) ", width: area.size.columns - 4,
                                             ellipsis: charset == .utf8 ? "…" : "~")
            text(fitted, at: Point(x: area.minX + 2, y: area.minY), style: titleStyle)
        }
    }

    /// Word-wrapped text from the top of `rect`; returns the rows used.
    @discardableResult
    public func paragraph(_ text: String, in rect: Rect? = nil, style: Style = .normal) -> Int {
        let area = (rect ?? bounds).intersection(bounds)
        guard !area.isEmpty else { return 0 }
        let lines = TextLayout.wrap(text, width: area.size.columns)
        for (index, line) in lines.prefix(area.size.rows).enumerated() {
            self.text(line, at: Point(x: area.minX, y: area.minY + index), style: style, limit: area.size.columns)
        }
        return min(lines.count, area.size.rows)
    }

    // MARK: Cursor

    /// Shows the terminal cursor at a local position (ignored when outside).
    public func showCursor(at point: Point) {
        guard bounds.contains(point) else { return }
        surface.cursor = Point(x: frame.minX + point.x, y: frame.minY + point.y)
    }
}
