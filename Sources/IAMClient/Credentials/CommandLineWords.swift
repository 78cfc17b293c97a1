/// Splits a `credential_process` setting into the program and its
/// arguments exactly as botocore does (`shlex.split` in POSIX mode), so the
/// setting is never given to a shell: `;`, `|`, `$(...)` and backquotes are
/// plain characters of an argument.
///
/// The rules, from Python's `shlex`: words are separated by space, tab, CR
/// or LF; inside '...' every character is literal; inside "..." a
/// backslash escapes only `"` and `\`; outside quotes a backslash escapes
/// any character; quotes join with the text around them (`a"b c"d` is one
/// word); `''` is an empty word.
enum CommandLineWords {
    /// Why a setting cannot be split; botocore raises the same two.
    enum SplitError: Error, Equatable, CustomStringConvertible {
        case noClosingQuotation
        case noEscapedCharacter

        var description: String {
            switch self {
            case .noClosingQuotation: "it has a quote that is never closed"
            case .noEscapedCharacter: "it ends with a backslash that escapes nothing"
            }
        }
    }

    private enum State {
        case between
        case word
        case singleQuoted
        case doubleQuoted
        /// After a backslash, outside quotes or inside double quotes.
        case escaped(insideDoubleQuotes: Bool)
    }

    private static let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]

    static func split(_ text: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var quoted = false
        var state = State.between

        func finishWord() {
            if !word.isEmpty || quoted { words.append(String(word)) }
            word = String.UnicodeScalarView()
            quoted = false
        }

        for scalar in text.unicodeScalars {
            switch state {
            case .between, .word:
                if whitespace.contains(scalar) {
                    if case .word = state { finishWord() }
                    state = .between
                } else if scalar == "'" {
                    quoted = true
                    state = .singleQuoted
                } else if scalar == "\"" {
                    quoted = true
                    state = .doubleQuoted
                } else if scalar == "\\" {
                    state = .escaped(insideDoubleQuotes: false)
                } else {
                    word.append(scalar)
                    state = .word
                }
            case .singleQuoted:
                if scalar == "'" { state = .word } else { word.append(scalar) }
            case .doubleQuoted:
                if scalar == "\"" {
                    state = .word
                } else if scalar == "\\" {
                    state = .escaped(insideDoubleQuotes: true)
                } else {
                    word.append(scalar)
                }
            case .escaped(let insideDoubleQuotes):
                // In double quotes only `"` and `\` are escaped; the
                // backslash before anything else stays.
                if insideDoubleQuotes, scalar != "\"", scalar != "\\" { word.append("\\") }
                word.append(scalar)
                state = insideDoubleQuotes ? .doubleQuoted : .word
            }
        }
        switch state {
        case .singleQuoted, .doubleQuoted: throw .noClosingQuotation
        case .escaped: throw .noEscapedCharacter
        case .word: finishWord()
        case .between: break
        }
        return words
    }
}
