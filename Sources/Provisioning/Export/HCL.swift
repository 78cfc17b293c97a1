import SafeText

/// Just enough HCL (Terraform's language) to write values, laid out the way
/// `terraform fmt` lays them out: two-space indents, one element per line,
/// trailing commas in lists, and the `=` of consecutive one-line attributes
/// aligned.
indirect enum HCLValue {
    /// An expression written as is: a quoted string, a number, a reference.
    case expression(String)
    case list([HCLValue])
    case object([HCLAttribute])
    /// `name(argument)`, such as `jsonencode({...})`.
    case call(String, HCLValue)

    static func string(_ text: String) -> HCLValue { .expression(hclQuoted(text)) }

    /// The value's lines; the first continues the line it starts on, the
    /// others are indented by `indent` levels.
    func lines(indent: Int) -> [String] {
        let padding = String(repeating: "  ", count: indent)
        switch self {
        case .expression(let text):
            return [text]
        case .list(let items):
            if items.isEmpty { return ["[]"] }
            let inner = String(repeating: "  ", count: indent + 1)
            let body = items.flatMap { item -> [String] in
                var lines = item.lines(indent: indent + 1)
                lines[0] = inner + lines[0]
                lines[lines.count - 1] += ","
                return lines
            }
            return ["["] + body + [padding + "]"]
        case .object(let attributes):
            if attributes.isEmpty { return ["{}"] }
            return ["{"] + HCLAttribute.lines(attributes, indent: indent + 1) + [padding + "}"]
        case .call(let name, let argument):
            var lines = argument.lines(indent: indent)
            lines[0] = name + "(" + lines[0]
            lines[lines.count - 1] += ")"
            return lines
        }
    }
}

/// `key = value` in a block or an object.
struct HCLAttribute {
    var key: String
    var value: HCLValue

    init(_ key: String, _ value: HCLValue) {
        self.key = key
        self.value = value
    }

    /// An object key that is not a plain identifier is written as a string.
    init(objectKey: String, _ value: HCLValue) {
        self.init(Self.isPlainIdentifier(objectKey) ? objectKey : hclQuoted(objectKey), value)
    }

    /// Attribute lines, each starting with the indent; runs of one-line
    /// attributes have their `=` aligned, as `terraform fmt` does.
    static func lines(_ attributes: [HCLAttribute], indent: Int) -> [String] {
        let padding = String(repeating: "  ", count: indent)
        let rendered = attributes.map { ($0.key, $0.value.lines(indent: indent)) }
        var lines: [String] = []
        var index = 0
        while index < rendered.count {
            var end = index
            while end < rendered.count, rendered[end].1.count == 1 { end += 1 }
            if end == index {
                let (key, valueLines) = rendered[index]
                lines.append(padding + key + " = " + valueLines[0])
                lines += valueLines.dropFirst()
                index += 1
            } else {
                let width = rendered[index..<end].map(\.0.count).max() ?? 0
                for (key, valueLines) in rendered[index..<end] {
                    let gap = String(repeating: " ", count: width - key.count)
                    lines.append(padding + key + gap + " = " + valueLines[0])
                }
                index = end
            }
        }
        return lines
    }

    private static let keywords: Set<String> = ["true", "false", "null", "for", "in", "if", "else", "endif", "endfor"]

    private static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !keywords.contains(text) else { return false }
        let isLetter = { (scalar: Unicode.Scalar) in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
        }
        return isLetter(first) && text.unicodeScalars.allSatisfy {
            isLetter($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}

/// An HCL string literal holding exactly `text`: quotes, backslashes and
/// control and format characters escaped, and `${` / `%{` doubled so they are not read
/// as interpolation or a template directive.
func hclQuoted(_ text: String) -> String {
    var result = "\""
    var scalars = text.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
        next = scalars.next()
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "$" where next == "{": result += "$$"
        case "%" where next == "{": result += "%%"
        // Controls, bidi overrides and other invisible characters are
        // escaped so the file shows what it holds.
        case _ where InertText.isUnsafe(scalar) && scalar.value <= 0xFFFF:
            result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
        case _ where InertText.isUnsafe(scalar):
            result += "\\U" + String(scalar.value, radix: 16).leftPadded(to: 8)
        default:
            result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
