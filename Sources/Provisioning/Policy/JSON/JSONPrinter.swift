import SafeText

/// Writes JSON text. Member order is kept as given (the policy printer
/// chooses the order people read), so output is stable for the same input.
public enum JSONPrinter {
    /// Four-space indented text, one member or element per line.
    /// `latin1Only` writes every character above U+00FF as a `\u` escape:
    /// IAM accepts only U+0000 to U+00FF in a policy's text, but any
    /// character written as an escape.
    public static func pretty(_ value: JSONValue, latin1Only: Bool = false) -> String {
        var output = ""
        writePretty(value, indent: 0, latin1Only: latin1Only, into: &output)
        return output
    }

    /// Text with no whitespace outside strings: what IAM counts against size quotas.
    public static func compact(_ value: JSONValue) -> String {
        var output = ""
        writeCompact(value, sortingKeys: false, into: &output)
        return output
    }

    /// Compact text with object keys sorted, so two values that differ only
    /// in member order print the same.
    public static func canonical(_ value: JSONValue) -> String {
        var output = ""
        writeCompact(value, sortingKeys: true, into: &output)
        return output
    }

    /// A JSON string literal, quotes included.
    public static func quoted(_ text: String, latin1Only: Bool = false) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            // The rest of C0, and DEL, C1 and the invisible format
            // characters, which a terminal showing the text would act on.
            case _ where InertText.isUnsafe(scalar) || (latin1Only && scalar.value > 0xFF):
                output += InertText.jsonEscape(scalar)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    private static func writePretty(_ value: JSONValue, indent: Int, latin1Only: Bool, into output: inout String) {
        let inner = String(repeating: " ", count: (indent + 1) * 4)
        let closing = String(repeating: " ", count: indent * 4)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            output += "[\n"
            for (offset, element) in elements.enumerated() {
                output += inner
                writePretty(element, indent: indent + 1, latin1Only: latin1Only, into: &output)
                output += offset == elements.count - 1 ? "\n" : ",\n"
            }
            output += closing + "]"
        case .object(let members) where !members.isEmpty:
            output += "{\n"
            for (offset, member) in members.enumerated() {
                output += inner + quoted(member.key, latin1Only: latin1Only) + ": "
                writePretty(member.value, indent: indent + 1, latin1Only: latin1Only, into: &output)
                output += offset == members.count - 1 ? "\n" : ",\n"
            }
            output += closing + "}"
        case .string(let text):
            output += quoted(text, latin1Only: latin1Only)
        default:
            writeCompact(value, sortingKeys: false, into: &output)
        }
    }

    private static func writeCompact(_ value: JSONValue, sortingKeys: Bool, into output: inout String) {
        switch value {
        case .string(let text): output += quoted(text)
        case .number(let literal): output += literal
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                writeCompact(element, sortingKeys: sortingKeys, into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let ordered = sortingKeys ? members.sorted { $0.key < $1.key } : members
            for (offset, member) in ordered.enumerated() {
                if offset > 0 { output += "," }
                output += quoted(member.key) + ":"
                writeCompact(member.value, sortingKeys: sortingKeys, into: &output)
            }
            output += "}"
        }
    }
}
