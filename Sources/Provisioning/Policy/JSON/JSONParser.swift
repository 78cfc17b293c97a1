/// A JSON syntax error, with where it happened.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in words, without the position.
    public var message: String
    /// Where the parser stopped, line and column from 1.
    public var position: SourcePosition

    /// `line:column: message`, as lint and spec file errors print it.
    public var description: String { "\(position): \(message)" }
}

/// A parsed JSON text together with the line:column of every key and value,
/// which `JSONSerialization` cannot give and lint findings need.
public struct ParsedJSON: Sendable {
    /// The document, members in written order and duplicate keys kept.
    public var value: JSONValue
    /// Where each value starts.
    public var valuePositions: [JSONPath: SourcePosition]
    /// Where each object member's key starts.
    public var keyPositions: [JSONPath: SourcePosition]
    /// Keys written twice in one object, at their second spelling.
    public var duplicateKeys: [JSONPath: SourcePosition]

    /// Where a reader should look for `path`: its key if it is an object
    /// member, else the value, else the nearest enclosing value.
    public func position(of path: JSONPath) -> SourcePosition? {
        path.selfAndAncestors.lazy.compactMap { keyPositions[$0] ?? valuePositions[$0] }.first
    }
}

/// A strict RFC 8259 parser that records positions. Strict because IAM is:
/// no comments, no trailing commas, no single quotes.
public struct JSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var position = SourcePosition.start
    private var valuePositions: [JSONPath: SourcePosition] = [:]
    private var keyPositions: [JSONPath: SourcePosition] = [:]
    private var duplicateKeys: [JSONPath: SourcePosition] = [:]

    /// Deep enough for any real policy (IAM's nest about six levels),
    /// shallow enough for the small stacks of background threads.
    public static let maximumDepth = 64

    /// Far beyond any policy (IAM's largest is 131,072 characters) or spec
    /// file, so a huge text is refused before it costs time or memory.
    public static let maximumLength = 1 << 20

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Parses `text` whole, a leading byte order mark skipped. Throws `JSONSyntaxError` at the first mistake,
    /// for a text over `maximumLength` bytes and for nesting deeper than `maximumDepth`.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> ParsedJSON {
        if text.utf8.count > maximumLength {
            throw JSONSyntaxError(
                message: "the text is \(text.utf8.count) bytes; rolewiz reads JSON of at most \(maximumLength) bytes (1 MiB)",
                position: .start)
        }
        var parser = JSONParser(text)
        if parser.peek == "\u{FEFF}" { parser.index += 1 }  // a byte order mark is not content
        parser.skipWhitespace()
        if parser.atEnd { throw parser.error("the text is empty; expected a JSON value") }
        let value = try parser.parseValue(at: .root, depth: 0)
        parser.skipWhitespace()
        if !parser.atEnd { throw parser.error("unexpected text after the end of the JSON value") }
        return ParsedJSON(
            value: value, valuePositions: parser.valuePositions,
            keyPositions: parser.keyPositions, duplicateKeys: parser.duplicateKeys)
    }

    // MARK: Values

    private mutating func parseValue(at path: JSONPath, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard let scalar = peek else { throw error("unexpected end of text; expected a value") }
        valuePositions[path] = position
        switch scalar {
        case "{":
            guard depth < Self.maximumDepth else { throw error("values are nested too deeply") }
            return try parseObject(at: path, depth: depth)
        case "[":
            guard depth < Self.maximumDepth else { throw error("values are nested too deeply") }
            return try parseArray(at: path, depth: depth)
        case "\"":
            return .string(try parseString())
        case "-", "0"..."9":
            return .number(try parseNumber())
        case "t":
            try expectWord("true")
            return .bool(true)
        case "f":
            try expectWord("false")
            return .bool(false)
        case "n":
            try expectWord("null")
            return .null
        case "'":
            throw error("strings must be in double quotes")
        default:
            throw error("expected a value (a string, number, object, array, true, false or null), found \(describe(scalar))")
        }
    }

    private mutating func parseObject(at path: JSONPath, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        advance()  // {
        var members: [JSONMember] = []
        var keys: Set<String> = []
        skipWhitespace()
        if peek == "}" {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek == "\"" else {
                if peek == "}" { throw error("trailing comma before '}'") }
                throw error("expected a member name in double quotes")
            }
            let keyPosition = position
            let key = try parseString()
            let memberPath = path.appending(key)
            if !keys.insert(key).inserted {
                duplicateKeys[memberPath] = keyPosition
            } else {
                keyPositions[memberPath] = keyPosition
            }
            skipWhitespace()
            guard peek == ":" else { throw error("expected ':' after the member name \"\(key)\"") }
            advance()
            skipWhitespace()
            let value = try parseValue(at: memberPath, depth: depth + 1)
            members.append(JSONMember(key, value))
            skipWhitespace()
            switch peek {
            case ",": advance()
            case "}":
                advance()
                return .object(members)
            default: throw error("expected ',' or '}' after object member")
            }
        }
    }

    private mutating func parseArray(at path: JSONPath, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek == "]" {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if peek == "]" { throw error("trailing comma before ']'") }
            elements.append(try parseValue(at: path.appending(elements.count), depth: depth + 1))
            skipWhitespace()
            switch peek {
            case ",": advance()
            case "]":
                advance()
                return .array(elements)
            default: throw error("expected ',' or ']' after array element")
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        advance()  // "
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek else {
                throw JSONSyntaxError(message: "unterminated string (it starts here)", position: start)
            }
            switch scalar {
            case "\"":
                advance()
                return String(text)
            case "\\":
                advance()
                text.append(try parseEscape())
            case "\n", "\r":
                // Most often a closing quote is missing: point at the opening one.
                throw JSONSyntaxError(
                    message: "this string is not closed on its line (write a line break in it as \\n)",
                    position: start)
            case "\u{0}"..."\u{1F}":
                throw error("\(describe(scalar)) is not allowed inside a string; write it as an escape such as \\n or \\t")
            default:
                text.append(scalar)
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let scalar = peek else { throw error("unexpected end of text in an escape") }
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "\"": "\"", "\\": "\\", "/": "/", "b": "\u{8}", "f": "\u{C}", "n": "\n", "r": "\r", "t": "\t",
        ]
        if let replacement = simple[scalar] {
            advance()
            return replacement
        }
        guard scalar == "u" else { throw error("invalid escape \\\(scalar) in a string") }
        advance()
        let high = try parseHexQuad()
        if (0xD800...0xDBFF).contains(high) {
            guard peek == "\\" else { throw error("a high surrogate \\u must be followed by a low surrogate") }
            advance()
            guard peek == "u" else { throw error("a high surrogate \\u must be followed by a low surrogate") }
            advance()
            let low = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in \\u escape") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let result = Unicode.Scalar(high) else { throw error("a lone low surrogate in \\u escape") }
        return result
    }

    private mutating func parseHexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = peek, let digit = Character(scalar).hexDigitValue else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        var literal = ""
        func take(_ scalar: Unicode.Scalar) {
            literal.unicodeScalars.append(scalar)
        }
        if peek == "-" {
            take("-")
            advance()
        }
        guard let first = peek, ("0"..."9").contains(first) else { throw error("expected a digit in the number") }
        if first == "0" {
            take("0")
            advance()
            if let next = peek, ("0"..."9").contains(next) { throw error("numbers must not start with 0") }
        } else {
            consumeDigits(into: &literal)
        }
        if peek == "." {
            take(".")
            advance()
            guard let digit = peek, ("0"..."9").contains(digit) else { throw error("expected a digit after '.'") }
            consumeDigits(into: &literal)
        }
        if peek == "e" || peek == "E" {
            take(peek!)
            advance()
            if peek == "+" || peek == "-" {
                take(peek!)
                advance()
            }
            guard let digit = peek, ("0"..."9").contains(digit) else { throw error("expected a digit in the exponent") }
            consumeDigits(into: &literal)
        }
        return literal
    }

    private mutating func consumeDigits(into literal: inout String) {
        while let scalar = peek, ("0"..."9").contains(scalar) {
            literal.unicodeScalars.append(scalar)
            advance()
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let start = position
        for expected in word.unicodeScalars {
            guard peek == expected else {
                throw JSONSyntaxError(message: "expected \(word)", position: start)
            }
            advance()
        }
        if let next = peek, next.properties.isAlphabetic || ("0"..."9").contains(next) {
            throw JSONSyntaxError(message: "expected \(word)", position: start)
        }
    }

    // MARK: Reading

    private var atEnd: Bool { index >= scalars.count }
    private var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }
    private mutating func advance() {
        guard let scalar = peek else { return }
        index += 1
        position.advance(past: scalar, followedBy: peek)
    }

    private mutating func skipWhitespace() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            advance()
        }
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position)
    }

    private func describe(_ scalar: Unicode.Scalar) -> String {
        scalar.value < 0x20 || scalar.value == 0x7F
            ? "the control character \(scalar.codePointNotation)"
            : "'\(scalar)'"
    }
}
