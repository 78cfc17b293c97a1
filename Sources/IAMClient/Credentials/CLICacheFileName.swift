import Crypto
import Foundation

/// How the AWS CLI names its cache files: the SHA-1 hex digest of a string,
/// where the string is JSON written the way Python's `json.dumps` writes it
/// (keys sorted, non-ASCII as `\u` escapes), so that rolewiz and the CLI find
/// each other's files.
enum CLICacheFileName {
    /// SHA-1 of the UTF-8 bytes, in lower-case hex.
    static func sha1Hex(_ text: String) -> String {
        Insecure.SHA1.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `json.dumps(fields, sort_keys=True)` with Python's default separators
    /// (`", "` and `": "`), or the compact ones (`","`, `":"`) when `compact`.
    static func pythonJSON(_ fields: [String: JSONScalar], compact: Bool = false) -> String {
        let (item, pair) = compact ? (",", ":") : (", ", ": ")
        let body = fields.keys.sorted().map { key in quoted(key) + pair + fields[key]!.pythonJSON }
        return "{" + body.joined(separator: item) + "}"
    }

    /// A string or a whole number, the only values the cache keys hold.
    enum JSONScalar: Sendable, Hashable {
        case string(String)
        case int(Int)

        var pythonJSON: String {
            switch self {
            case .string(let text): CLICacheFileName.quoted(text)
            case .int(let number): String(number)
            }
        }
    }

    /// A JSON string as Python's `json.dumps` (ensure_ascii) writes it.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(unit)!)
            default: out += String(format: "\\u%04x", unit)
            }
        }
        return out + "\""
    }
}
