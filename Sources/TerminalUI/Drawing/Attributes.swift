/// The eight ANSI colours every colour terminal has.
public enum Color: Int16, Hashable, Sendable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// What a cell looks like besides its character: the backend-neutral form
/// of curses attributes and colour pairs. `nil` colours mean the terminal's
/// own default foreground or background.
public struct Attributes: Hashable, Sendable {
    /// The text colour; nil for the terminal's default.
    public var foreground: Color?
    /// The cell colour; nil for the terminal's default.
    public var background: Color?
    /// Bold (bright on many terminals).
    public var bold: Bool
    /// Underlined: how input fields and the spots lint points at are marked.
    public var underline: Bool
    /// Foreground and background swapped: the monochrome theme's selection.
    public var reverse: Bool
    /// Fainter than normal, for secondary text; some terminals ignore it.
    public var dim: Bool

    /// Plain unless told otherwise, in the terminal's default colours.
    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// No colours, no emphasis: what blank cells have.
    public static let plain = Attributes()

    /// A compact human-readable form used in attribute dumps, e.g. `bold reverse fg=red`.
    public var summary: String {
        var parts: [String] = []
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if underline { parts.append("underline") }
        if reverse { parts.append("reverse") }
        if let foreground { parts.append("fg=\(foreground)") }
        if let background { parts.append("bg=\(background)") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
