/// Colouring for JSON text, one line at a time (JSON strings cannot span
/// lines, so no state carries over). It only picks styles; validity is the
/// linter's business and reaches the editor as markers.
enum JSONHighlighter {
    /// One style per character of `line`.
    static func styles(for line: [Character]) -> [Style] {
        var styles = [Style](repeating: .normal, count: line.count)
        var index = 0
        while index < line.count {
            let character = line[index]
            switch character {
            case "\"":
                let end = stringEnd(in: line, from: index)
                let style: Style = isFollowedByColon(line, after: end) ? .jsonKey : .jsonString
                for position in index..<end { styles[position] = style }
                index = end
            case "{", "}", "[", "]", ",", ":":
                styles[index] = .jsonPunctuation
                index += 1
            case "-", "0"..."9":
                let start = index
                while index < line.count, "+-.eE0123456789".contains(line[index]) { index += 1 }
                for position in start..<index { styles[position] = .jsonNumber }
            case _ where character.isLetter:
                let start = index
                while index < line.count, line[index].isLetter { index += 1 }
                let word = String(line[start..<index])
                let style: Style = ["true", "false", "null"].contains(word) ? .jsonLiteral : .normal
                for position in start..<index { styles[position] = style }
            default:
                index += 1
            }
        }
        return styles
    }

    /// The index after the closing quote (or the line end if unterminated).
    private static func stringEnd(in line: [Character], from start: Int) -> Int {
        var index = start + 1
        while index < line.count {
            if line[index] == "\\" {
                index += 2
                continue
            }
            if line[index] == "\"" { return index + 1 }
            index += 1
        }
        return line.count
    }

    private static func isFollowedByColon(_ line: [Character], after index: Int) -> Bool {
        var position = index
        while position < line.count, line[position] == " " { position += 1 }
        return position < line.count && line[position] == ":"
    }
}
