/// The two encodings SigV4 needs. Both keep the RFC 3986 unreserved set
/// `A-Za-z0-9-_.~` and write everything else as upper-case `%XX` of its UTF-8 bytes.
package enum PercentEncoding {
    /// RFC 3986 encoding for canonical URIs and query strings. `/` is kept
    /// only when `keepSlash` is true (path segments).
    package static func uri(_ text: String, keepSlash: Bool = false) -> String {
        uri(bytes: text.utf8, keepSlash: keepSlash)
    }

    /// Byte-level `uri(_:keepSlash:)`, for re-encoding decoded bytes that need
    /// not be valid UTF-8 (`%FF` in a query must stay `%FF`).
    static func uri(bytes: some Sequence<UInt8>, keepSlash: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount)
        for byte in bytes {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                appendEscape(byte, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `application/x-www-form-urlencoded` as IAM and STS Query bodies use it:
    /// a space becomes `+`. Emulators that re-encode the body this way before
    /// checking the signature would reject `%20`.
    package static func form(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else if byte == UInt8(ascii: " ") {
                out.append(UInt8(ascii: "+"))
            } else {
                appendEscape(byte, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A form body from ordered parameters: `k=v&k=v`.
    package static func formBody(_ parameters: [(String, String)]) -> String {
        parameters.map { form($0.0) + "=" + form($0.1) }.joined(separator: "&")
    }

    /// Decodes `%XX` escapes; malformed escapes are kept as they are.
    /// With `plusAsSpace`, `+` becomes a space (form bodies). Bytes that are not
    /// UTF-8 become U+FFFD; canonicalization uses `decodedBytes` to keep them.
    package static func decode(_ text: String, plusAsSpace: Bool = false) -> String {
        String(decoding: decodedBytes(text, plusAsSpace: plusAsSpace), as: UTF8.self)
    }

    /// `decode(_:plusAsSpace:)` without the trip through `String`.
    static func decodedBytes(_ text: some StringProtocol, plusAsSpace: Bool = false) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.count,
               let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                i += 1
            }
        }
        return out
    }

    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    @inline(__always)
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "%"))
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
