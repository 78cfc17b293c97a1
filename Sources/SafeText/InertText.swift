/// Text that came from outside (a server, a file, another process) made
/// visible and inert before it reaches a terminal or a log.
///
/// A terminal acts on more than the C0 range: DEL, the C1 controls
/// (U+0080 to U+009F, which include single-character CSI and OSC) and, to a
/// reader, the invisible format characters (bidi overrides such as U+202E,
/// zero-width characters) change what is shown without being seen. Every
/// path to a terminal in rolewiz goes through this one rule, so what counts
/// as unsafe is decided here and nowhere else.
public enum InertText {
    /// Whether `scalar` could act on a terminal or hide or reorder text:
    /// controls (C0, DEL, C1), format characters (bidi controls, zero-width
    /// characters, the byte order mark, tag characters) and the Unicode line
    /// and paragraph separators, which some terminals and editors treat as
    /// line breaks, and the noncharacters (U+FDD0 to U+FDEF, U+FFFE, ...),
    /// which no text exchanged between programs contains.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if value < 0xA0 { return false }  // printable ASCII: the common case, decided without a table lookup
        if scalar.properties.isNoncharacterCodePoint { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return true
        default: return false
        }
    }

    /// Whether `text` holds nothing `isUnsafe` would change.
    public static func isInert(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains(where: isUnsafe)
    }

    /// `text` on one line: every unsafe scalar, newlines and tabs included,
    /// written as a visible escape (`\n`, `\t`, `\x1b`, `\u202e`, `\U000e0001`).
    public static func line(_ text: some StringProtocol) -> String {
        escaped(text, keepingNewlines: false)
    }

    /// Like `line`, but newlines stay line breaks: for multi-line text such
    /// as a policy document that was not valid JSON. A carriage return is
    /// escaped, since it would let a line overwrite the one before.
    public static func lines(_ text: some StringProtocol) -> String {
        escaped(text, keepingNewlines: true)
    }

    private static func escaped(_ text: some StringProtocol, keepingNewlines: Bool) -> String {
        guard !isInert(text) else { return String(text) }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) || (keepingNewlines && scalar == "\n") {
                output.append(scalar)
            } else {
                output.append(contentsOf: escape(scalar).unicodeScalars)
            }
        }
        return String(output)
    }

    /// The visible escape for one scalar, in the notation most programmers
    /// read at a glance (Python's and C's).
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default: break
        }
        let hex = String(scalar.value, radix: 16)
        switch scalar.value {
        case ..<0x100: return "\\x" + padded(hex, to: 2)
        case ..<0x10000: return "\\u" + padded(hex, to: 4)
        default: return "\\U" + padded(hex, to: 8)
        }
    }

    /// JSON text with every unsafe scalar that is not JSON whitespace written
    /// as a `\u` escape (a surrogate pair above U+FFFF). Valid JSON stays
    /// valid and means the same: outside strings JSON has only ASCII, so
    /// these scalars can only be inside strings, where an escape is equivalent.
    public static func json(_ jsonText: String) -> String {
        guard jsonText.unicodeScalars.contains(where: { isUnsafe($0) && !isJSONWhitespace($0) }) else { return jsonText }
        var output = String.UnicodeScalarView()
        for scalar in jsonText.unicodeScalars {
            if isUnsafe(scalar) && !isJSONWhitespace(scalar) {
                output.append(contentsOf: jsonEscape(scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `\uXXXX` (two of them for a scalar above U+FFFF), as JSON writes any character.
    public static func jsonEscape(_ scalar: Unicode.Scalar) -> String {
        func unit(_ value: UInt32) -> String { "\\u" + padded(String(value, radix: 16), to: 4) }
        guard scalar.value > 0xFFFF else { return unit(scalar.value) }
        let offset = scalar.value - 0x10000
        return unit(0xD800 + (offset >> 10)) + unit(0xDC00 + (offset & 0x3FF))
    }

    /// One visible, one-column stand-in for an unsafe scalar, for a screen
    /// where every character has a cell: the Control Pictures glyph for C0
    /// and DEL (␛ for ESC), the replacement character for the rest.
    public static func glyph(for scalar: Unicode.Scalar) -> Character {
        switch scalar.value {
        case 0x00...0x1F: return Character(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }

    private static func isJSONWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t"
    }

    private static func padded(_ hex: String, to width: Int) -> String {
        String(repeating: "0", count: max(0, width - hex.count)) + hex
    }
}
