/// Measuring, wrapping and truncating text by display columns (`wcwidth`),
/// so wide characters never overflow a line.
public enum TextLayout {
    /// Splits `text` into lines of at most `width` columns, breaking at
    /// spaces where possible and inside words longer than a line. Explicit
    /// newlines are kept; an empty input gives one empty line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(text, width: width, shortcut: true)
    }

    /// `shortcut`: a line of printable ASCII that already fits (most lines
    /// of a pretty-printed policy) is taken as it is, and other printable
    /// ASCII is wrapped on its bytes (a column each) rather than measured
    /// character by character: the same lines, faster (tests compare both ways).
    static func wrap(_ text: String, width: Int, shortcut: Bool) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if shortcut, fitsAsItIs(paragraph, width: width) {
                result.append(String(paragraph))
                continue
            }
            // Keep a paragraph's indentation (pretty-printed JSON) on each of its lines.
            // Deep indentation is capped at a third of the width so the text still fits.
            let indent = paragraph.prefix { $0 == " " }.prefix(width / 3)
            guard !indent.isEmpty, indent.count < paragraph.count else {
                result.append(contentsOf: wrapParagraph(Substring(paragraph), width: width, shortcut: shortcut))
                continue
            }
            let body = paragraph.dropFirst(indent.count)
            result.append(contentsOf: wrapParagraph(body, width: width - indent.count, shortcut: shortcut).map { String(indent) + $0 })
        }
        return result
    }

    /// Printable ASCII (one column a byte), at most `width` bytes, with some
    /// text after an indentation that the wrap keeps (at most a third of
    /// the width): exactly the lines that wrapping returns unchanged.
    private static func fitsAsItIs(_ paragraph: Substring, width: Int) -> Bool {
        let bytes = paragraph.utf8
        guard bytes.count <= width else { return false }
        var leading = 0, seenText = false
        for byte in bytes {
            guard byte >= 0x20, byte < 0x7F else { return false }
            if !seenText {
                if byte == 0x20 { leading += 1 } else { seenText = true }
            }
        }
        return bytes.isEmpty || (seenText && leading <= width / 3)
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, shortcut: Bool) -> [String] {
        if shortcut, paragraph.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return wrapPrintableASCII(Array(paragraph.utf8), width: width)
        }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            let wordWidth = DisplayWidth.of(word)
            let separator = current.isEmpty ? 0 : 1
            if currentWidth + separator + wordWidth <= width {
                if separator == 1 { current.append(" ") }
                current += word
                currentWidth += separator + wordWidth
                continue
            }
            if !current.isEmpty {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            // Hard-break words longer than a line.
            while DisplayWidth.of(word) > width {
                let (head, rest) = split(word, at: width)
                lines.append(String(head))
                word = rest
            }
            current = String(word)
            currentWidth = DisplayWidth.of(word)
        }
        lines.append(current)
        return lines
    }

    /// `wrapParagraph` for printable ASCII, where a byte is a column.
    private static func wrapPrintableASCII(_ bytes: [UInt8], width: Int) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        for piece in bytes.split(separator: 0x20, omittingEmptySubsequences: false) {
            var word = piece
            let separator = current.isEmpty ? 0 : 1
            if current.count + separator + word.count <= width {
                if separator == 1 { current.append(0x20) }
                current += word
                continue
            }
            if !current.isEmpty {
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
            }
            while word.count > width {
                lines.append(String(decoding: word.prefix(width), as: UTF8.self))
                word = word.dropFirst(width)
            }
            current = Array(word)
        }
        lines.append(String(decoding: current, as: UTF8.self))
        return lines
    }

    /// Splits text after at most `width` columns (at least one character).
    public static func split(_ text: Substring, at width: Int) -> (Substring, Substring) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let characterWidth = DisplayWidth.of(text[index])
            if used + characterWidth > width && index != text.startIndex { break }
            used += characterWidth
            index = text.index(after: index)
        }
        return (text[..<index], text[index...])
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when cut.
    public static func truncate(_ text: String, width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let (head, _) = split(Substring(text), at: max(0, width - 1))
        var result = String(head)
        while DisplayWidth.of(result) > width - 1, !result.isEmpty { result.removeLast() }
        return result + String(ellipsis)
    }

    /// The end of `text` that fits in `width` columns, starting with
    /// `ellipsis` when cut (for input whose end, where the cursor is, matters).
    public static func tail(_ text: String, width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = Substring(text)
        while DisplayWidth.of(result) > width - 1, !result.isEmpty { result.removeFirst() }
        return String(ellipsis) + result
    }

    /// `text` padded with spaces (or truncated) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, width: width)
        return fitted + String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
    }
}
