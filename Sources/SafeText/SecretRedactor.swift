import Foundation

/// Remembers the secret values this process holds (secret access keys,
/// session tokens, SSO access and refresh tokens, client secrets) and blanks
/// them out of any text about to be shown or logged, whatever shape they
/// arrive in: a server that echoes a token back may send it whole, cut
/// short, percent-encoded, or escaped for JSON or XML.
///
/// Credentials register themselves when they are created, so every output
/// path that redacts sees every secret without being told of it. The
/// register only grows, under a lock; reading it never blocks for long.
public final class SecretRedactor: @unchecked Sendable {
    /// The process's register.
    public static let shared = SecretRedactor()

    /// What a secret is replaced with.
    public static let mask = "<redacted>"

    /// Secrets shorter than this are not registered: they would blank out
    /// ordinary words, and no AWS secret is this short.
    public static let minimumLength = 8

    /// A run of text is redacted when it matches this many consecutive
    /// characters of some secret: enough that ordinary text never matches a
    /// random key by chance, short enough that a truncated echo still does.
    static let window = 12

    /// `window` bytes packed into two integers: a set key with no allocation.
    private struct Window: Hashable {
        var head: UInt64 = 0
        var tail: UInt32 = 0

        init(_ bytes: [UInt8], at start: Int) {
            for offset in 0..<8 { head = head << 8 | UInt64(bytes[start + offset]) }
            for offset in 8..<12 { tail = tail << 8 | UInt32(bytes[start + offset]) }
        }
    }

    private let lock = NSLock()
    private var secrets: Set<String> = []
    /// Every `window`-byte slice of every shape of every secret (whole
    /// secrets shorter than the window are matched whole).
    private var windows: Set<Window> = []
    private var shortShapes: [[UInt8]] = []

    /// An empty redactor, for tests and for code that must not share `shared`'s secrets.
    public init() {}

    /// Adds `secret` (ignored when shorter than `minimumLength`).
    public func register(_ secret: String) {
        guard secret.utf8.count >= Self.minimumLength else { return }
        lock.lock()
        defer { lock.unlock() }
        guard secrets.insert(secret).inserted else { return }
        for shape in Self.shapes(of: secret) {
            let bytes = Array(shape.utf8)
            if bytes.count < Self.window {
                shortShapes.append(bytes)
                continue
            }
            for start in 0...(bytes.count - Self.window) {
                windows.insert(Window(bytes, at: start))
            }
        }
    }

    /// Whether anything is registered (tests and fast paths).
    public var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return secrets.isEmpty
    }

    /// `text` with every run that matches part of a registered secret
    /// (`window` characters or more, in any of its shapes) replaced by `mask`.
    public func redact(_ text: String) -> String {
        lock.lock()
        let windows = self.windows
        let shortShapes = self.shortShapes
        lock.unlock()
        guard !windows.isEmpty || !shortShapes.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var covered = [Bool](repeating: false, count: bytes.count)
        var found = false
        if bytes.count >= Self.window {
            for start in 0...(bytes.count - Self.window) where windows.contains(Window(bytes, at: start)) {
                for index in start..<(start + Self.window) { covered[index] = true }
                found = true
            }
        }
        for shape in shortShapes where !shape.isEmpty && bytes.count >= shape.count {
            for start in 0...(bytes.count - shape.count) where bytes[start..<(start + shape.count)].elementsEqual(shape) {
                for index in start..<(start + shape.count) { covered[index] = true }
                found = true
            }
        }
        guard found else { return text }
        // A run that starts just after the backslash of an escape (`\u002b`,
        // `\/`) takes the backslash too, so JSON text stays valid JSON.
        for index in covered.indices.dropFirst() where covered[index] && !covered[index - 1] {
            var backslashes = 0
            while index - backslashes - 1 >= 0 && bytes[index - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 1 { covered[index - 1] = true }
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if covered[index] {
                output += Array(Self.mask.utf8)
                while index < bytes.count && covered[index] { index += 1 }
                // Never leave half of a multi-byte character behind.
                while index < bytes.count && (bytes[index] & 0xC0) == 0x80 { index += 1 }
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The ways a secret can be written in text that reaches us: as is,
    /// percent-encoded (either case of hex digit, `+` as `%2B` or a space
    /// as `+`), JSON-escaped (`\/`, `\u002b`) and XML-escaped (`&#43;`, `&#x2B;`).
    static func shapes(of secret: String) -> Set<String> {
        var shapes: Set<String> = [secret]
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: unreserved) {
            shapes.insert(encoded)
            shapes.insert(lowercasingPercentEscapes(encoded))
        }
        shapes.insert(secret.replacingOccurrences(of: "/", with: "\\/"))
        var jsonUnicode = "", xmlDecimal = "", xmlHex = "", xmlHexLower = ""
        for scalar in secret.unicodeScalars {
            let isPlain = scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar)
            let hex = String(scalar.value, radix: 16, uppercase: true)
            jsonUnicode += isPlain ? String(scalar) : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex.lowercased()
            xmlDecimal += isPlain ? String(scalar) : "&#\(scalar.value);"
            xmlHex += isPlain ? String(scalar) : "&#x\(hex);"
            xmlHexLower += isPlain ? String(scalar) : "&#x\(hex.lowercased());"
        }
        shapes.formUnion([jsonUnicode, xmlDecimal, xmlHex, xmlHexLower])
        return shapes
    }

    private static func lowercasingPercentEscapes(_ text: String) -> String {
        var output = ""
        var pending = 0
        for character in text {
            if character == "%" {
                pending = 2
                output.append(character)
            } else if pending > 0 {
                output += character.lowercased()
                pending -= 1
            } else {
                output.append(character)
            }
        }
        return output
    }
}
