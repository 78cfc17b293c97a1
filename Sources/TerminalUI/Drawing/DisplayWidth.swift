internal import CNcursesw

/// Columns a character takes on the terminal, measured with `wcwidth(3)` so
/// the toolkit agrees with ncurses about wide (CJK, emoji) characters.
/// `wcwidth` follows LC_CTYPE, which the terminal setup sets from the
/// environment; tests select a UTF-8 locale the same way.
public enum DisplayWidth {
    /// 0 for combining marks, 2 for wide characters, 1 otherwise.
    /// Characters `wcwidth` does not know count as one column because
    /// backends replace them by a one-column stand-in.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value >= 0x20 && first.value < 0x7F { return 1 }
        let width = Int(rw_wcwidth(wchar_t(bitPattern: first.value)))
        if width < 0 { return 1 }
        if width == 0 && scalars.count == 1 { return 0 }
        return max(width, 1)
    }

    /// The total width of a string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }
}
