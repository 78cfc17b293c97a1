import Foundation

/// The suites and tests of a test file as the hygiene rules see them:
/// each `@Suite` and `@Test` with its whole argument list (across lines,
/// with nested parentheses and string literals), each type or extension
/// it belongs to, and which declaration encloses which (by indentation).
struct TestSourceScanner {
    /// A `struct`, `class`, `enum`, `actor` or `extension`, with the
    /// arguments of the `@Suite` attached to it (nil when it has none).
    struct Declaration {
        var name: String
        var isExtension: Bool
        var indent: Int
        var line: Int
        var suiteArguments: String?
    }

    /// One `@Test` and the declaration it is written in.
    struct TestAttribute {
        var arguments: String
        var indent: Int
        var line: Int
        /// Declarations from the innermost one out.
        var enclosing: [Declaration]
    }

    private(set) var declarations: [Declaration] = []
    private(set) var tests: [TestAttribute] = []

    init(_ text: String) {
        let lines = text.components(separatedBy: "\n")
        var pendingSuite: String?
        var inMultilineString = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            // The text of a multi-line string literal (a fixture) is not code.
            if line.components(separatedBy: "\"\"\"").count % 2 == 0 {
                inMultilineString.toggle()
                index += 1
                continue
            }
            if inMultilineString {
                index += 1
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            var rest = Substring(line.dropFirst(indent))
            let lineNumber = index + 1
            guard rest.first == "@" || Self.declaration(in: rest) != nil else {
                let trimmed = rest.trimmingCharacters(in: .whitespaces)
                // Blank lines and comments between an attribute and its declaration keep it attached.
                if !trimmed.isEmpty && !trimmed.hasPrefix("//") { pendingSuite = nil }
                index += 1
                continue
            }
            // Attributes at the start of the line, each with its arguments (which may run on).
            while rest.first == "@" {
                let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                rest = rest.dropFirst(1 + name.count)
                var arguments = ""
                if rest.first == "(" {
                    (arguments, rest, index) = Self.balancedArguments(from: rest, lines: lines, line: index)
                }
                if name == "Suite" { pendingSuite = arguments }
                if name == "Test" {
                    tests.append(TestAttribute(arguments: arguments, indent: indent, line: lineNumber,
                                               enclosing: enclosing(indent: indent)))
                }
                rest = rest.drop { $0 == " " || $0 == "\t" }
            }
            if let (name, isExtension) = Self.declaration(in: rest) {
                declarations.append(Declaration(name: name, isExtension: isExtension, indent: indent,
                                                line: lineNumber, suiteArguments: pendingSuite))
                pendingSuite = nil
            } else if !rest.isEmpty && !rest.hasPrefix("//") {
                pendingSuite = nil  // the attributes belong to a function or property
            }
            index += 1
        }
    }

    /// The declarations around a line at `indent`, innermost first.
    private func enclosing(indent: Int) -> [Declaration] {
        var chain: [Declaration] = []
        var limit = indent
        for declaration in declarations.reversed() where declaration.indent < limit {
            chain.append(declaration)
            limit = declaration.indent
        }
        return chain
    }

    private static func declaration(in text: Substring) -> (String, Bool)? {
        let pattern = /^(?:(?:public|private|fileprivate|internal|package|final|nonisolated)\s+)*(struct|class|enum|actor|extension)\s+([\w.]+)/
        guard let match = text.prefixMatch(of: pattern) else { return nil }
        return (String(match.2), match.1 == "extension")
    }

    /// The text inside the parentheses that open `text`, read on into later
    /// lines until they close; string literals are skipped whole. Returns the
    /// arguments, the rest of the line they end on, and that line's index.
    private static func balancedArguments(from text: Substring, lines: [String], line: Int) -> (String, Substring, Int) {
        var arguments = ""
        var depth = 0
        var inString = false
        var escaped = false
        var current = text
        var lineIndex = line
        while true {
            var position = current.startIndex
            while position < current.endIndex {
                let character = current[position]
                position = current.index(after: position)
                if inString {
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                } else if character == "\"" {
                    inString = true
                } else if character == "(" {
                    depth += 1
                    if depth == 1 { continue }
                } else if character == ")" {
                    depth -= 1
                    if depth == 0 { return (arguments, current[position...], lineIndex) }
                }
                arguments.append(character)
            }
            lineIndex += 1
            guard lineIndex < lines.count else { return (arguments, "", lineIndex - 1) }
            arguments.append("\n")
            current = Substring(lines[lineIndex])
        }
    }
}
