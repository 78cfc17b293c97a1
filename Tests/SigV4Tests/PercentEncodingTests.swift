import SigV4
import Testing

@Suite("PercentEncoding", .timeLimit(.minutes(10)))
struct PercentEncodingTests {
    static let unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"

    @Test("The unreserved set passes through both encodings")
    func unreservedIsKept() {
        #expect(PercentEncoding.uri(Self.unreserved) == Self.unreserved)
        #expect(PercentEncoding.form(Self.unreserved) == Self.unreserved)
    }

    @Test("Every other ASCII byte becomes upper-case %XX; a space differs between uri and form")
    func asciiEscapes() {
        for byte in UInt8(0)...UInt8(127) {
            let text = String(decoding: [byte], as: UTF8.self)
            guard !Self.unreserved.utf8.contains(byte) else { continue }
            let escaped = "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            #expect(PercentEncoding.uri(text) == escaped)
            #expect(PercentEncoding.form(text) == (byte == UInt8(ascii: " ") ? "+" : escaped))
        }
    }

    @Test("uri keeps / only for path segments")
    func slash() {
        #expect(PercentEncoding.uri("/a b/c") == "%2Fa%20b%2Fc")
        #expect(PercentEncoding.uri("/a b/c", keepSlash: true) == "/a%20b/c")
    }

    @Test("A literal + is %2B in both, never a space")
    func plus() {
        #expect(PercentEncoding.uri("a+b c") == "a%2Bb%20c")
        #expect(PercentEncoding.form("a+b c") == "a%2Bb+c")
    }

    @Test("Unicode is encoded as its UTF-8 bytes, without normalizing", arguments: [
        ("é", "%C3%A9"),
        ("e\u{301}", "e%CC%81"),
        ("ü", "%C3%BC"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("ሴ", "%E1%88%B4"),
        ("🔑", "%F0%9F%94%91"),
    ])
    func unicode(text: String, encoded: String) {
        #expect(PercentEncoding.uri(text) == encoded)
        #expect(PercentEncoding.form(text) == encoded)
        #expect(PercentEncoding.decode(encoded).unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test("formBody joins encoded pairs in the given order")
    func formBody() {
        let body = PercentEncoding.formBody([
            ("Action", "CreateRole"),
            ("Tags.member.1.Key", "team name"),
            ("Tags.member.1.Value", "&=+/~*"),
            ("Empty", ""),
        ])
        #expect(body == "Action=CreateRole&Tags.member.1.Key=team+name&Tags.member.1.Value=%26%3D%2B%2F~%2A&Empty=")
        #expect(PercentEncoding.formBody([]) == "")
    }

    @Test("decode turns escapes of either case into bytes; + is a space only in form mode")
    func decode() {
        #expect(PercentEncoding.decode("%2B") == "+")
        #expect(PercentEncoding.decode("%2b") == "+")
        #expect(PercentEncoding.decode("a+b%20c") == "a+b c")
        #expect(PercentEncoding.decode("a+b%20c", plusAsSpace: true) == "a b c")
        #expect(PercentEncoding.decode("%2B", plusAsSpace: true) == "+")
    }

    @Test("decode keeps malformed escapes as written", arguments: [
        "%", "%4", "a%", "a%4", "%G1", "%1G", "%%", "100%", "%zz%", "% 1",
    ])
    func malformedEscapes(text: String) {
        #expect(PercentEncoding.decode(text) == text)
    }

    @Test("decode of mixed input")
    func mixedMalformed() {
        #expect(PercentEncoding.decode("%%41") == "%A")
        #expect(PercentEncoding.decode("%4%41") == "%4A")
        #expect(PercentEncoding.decode("50%+%41", plusAsSpace: true) == "50% A")
    }

    @Test("decode replaces bytes that are not UTF-8 with U+FFFD")
    func invalidUTF8() {
        #expect(PercentEncoding.decode("%FF") == "\u{FFFD}")
        #expect(PercentEncoding.decode("a%C3") == "a\u{FFFD}")
    }

    @Test("decode undoes uri and form", arguments: [
        "", "plain", "a b+c", "&=+/~*%", "Données é ü 日本", "{\n  \"Version\": \"2012-10-17\"\n}", "🔑\t\r",
    ])
    func roundTrip(text: String) {
        #expect(PercentEncoding.decode(PercentEncoding.uri(text)) == text)
        #expect(PercentEncoding.decode(PercentEncoding.uri(text, keepSlash: true)) == text)
        #expect(PercentEncoding.decode(PercentEncoding.form(text), plusAsSpace: true) == text)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
