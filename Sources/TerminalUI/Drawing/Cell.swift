/// Line-drawing pieces. Backends draw them with the wide-character
/// line-drawing set (WACS_*) in a UTF-8 locale and with `+-|` otherwise.
public enum LineGlyph: Hashable, Sendable {
    case horizontal, vertical
    case topLeft, topRight, bottomLeft, bottomRight
    case teeLeft, teeRight

    /// How the glyph looks in the given character set.
    public func character(in charset: Charset) -> Character {
        switch (self, charset) {
        case (.horizontal, .utf8): "─"
        case (.vertical, .utf8): "│"
        case (.topLeft, .utf8): "┌"
        case (.topRight, .utf8): "┐"
        case (.bottomLeft, .utf8): "└"
        case (.bottomRight, .utf8): "┘"
        case (.teeLeft, .utf8): "├"
        case (.teeRight, .utf8): "┤"
        case (.horizontal, .ascii): "-"
        case (.vertical, .ascii): "|"
        case (_, .ascii): "+"
        }
    }
}

/// What occupies one cell.
public enum Glyph: Hashable, Sendable {
    /// A character; a double-width one is followed by a `.continuation` cell.
    case character(Character)
    /// The right half of a double-width character.
    case continuation
    /// A line-drawing piece.
    case line(LineGlyph)

    /// The blank glyph, what cleared cells hold.
    public static let space = Glyph.character(" ")
}

/// One terminal cell.
public struct Cell: Hashable, Sendable {
    /// What is drawn in the cell.
    public var glyph: Glyph
    /// How it is drawn (colours and emphasis), already resolved from a `Style`.
    public var attributes: Attributes

    /// A cell drawing `glyph`, plain unless given `attributes`.
    public init(_ glyph: Glyph, _ attributes: Attributes = .plain) {
        self.glyph = glyph
        self.attributes = attributes
    }

    /// A plain space: what a cleared surface is filled with.
    public static let blank = Cell(.space)
}

/// The characters a terminal can show: everything in a UTF-8 locale,
/// plain ASCII otherwise (or when the `ascii` option asks for it).
public enum Charset: Sendable, Hashable {
    case utf8
    case ascii
}
