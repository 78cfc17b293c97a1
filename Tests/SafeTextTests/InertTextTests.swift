import Foundation
import Testing
import TestSupport
@testable import SafeText

@Suite("Text from outside is inert", .timeLimit(.minutes(10)))
struct InertTextTests {
    /// Every scalar a terminal acts on, or that hides or reorders text.
    static let knownUnsafe: [UInt32] =
        Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        + [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029]
        + Array(0x202A...0x202E) + Array(0x2060...0x2064) + Array(0x2066...0x2069)
        + [0xFEFF, 0xFFF9, 0xFDD0, 0xFFFE, 0xE0001, 0xE007F]

    @Test func theRuleCoversControlsBidiAndInvisibleCharacters() {
        for value in Self.knownUnsafe {
            #expect(InertText.isUnsafe(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        for text in ["a", "Z", " ", "~", "é", "ÿ", "日", "\u{1F600}", "\u{301}", "\u{A0}"] {
            #expect(!InertText.isUnsafe(text.unicodeScalars.first!), "\(text)")
        }
    }

    /// Every scalar of the Basic Multilingual Plane and a sample above it:
    /// the escaped text holds nothing unsafe, and printable text is untouched.
    @Test func escapingLeavesNothingUnsafeForAnyScalar() {
        let values = Array(0...0xFFFF) + stride(from: 0x10000, through: 0x10FFFF, by: 97) + [0xE0001, 0xE0020, 0xE007F]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            let line = InertText.line(text)
            #expect(InertText.isInert(line), "U+\(String(value, radix: 16)) -> \(line.debugDescription)")
            if !InertText.isUnsafe(scalar) { #expect(line == text) }
            #expect(InertText.lines(text).unicodeScalars.allSatisfy { !InertText.isUnsafe($0) || $0 == "\n" })
            #expect(!InertText.isUnsafe(InertText.glyph(for: scalar).unicodeScalars.first!))
        }
    }

    @Test(arguments: [
        ("\u{1B}]52;c;aGVsbG8=\u{7}", #"\x1b]52;c;aGVsbG8=\x07"#),
        ("\u{1B}[2J", #"\x1b[2J"#),
        ("\u{9B}2J", #"\x9b2J"#),
        ("safe\u{202E}txt.exe", #"safe\u202etxt.exe"#),
        ("line one\nline two\r", #"line one\nline two\r"#),
        ("tag\u{E0041}", #"tag\U000e0041"#),
        ("café ☕", "café ☕"),
    ])
    func escapesAreVisible(_ text: String, _ expected: String) {
        #expect(InertText.line(text) == expected)
    }

    @Test func linesKeepsLineBreaksButNotCarriageReturns() {
        #expect(InertText.lines("a\nb\r\nc\u{1B}") == #"a"# + "\n" + #"b\r"# + "\n" + #"c\x1b"#)
    }

    /// Random strings full of unsafe scalars, encoded by JSONSerialization
    /// (which escapes only C0): after `json` the text is still JSON, decodes
    /// to exactly the same strings, and holds nothing unsafe but JSON's whitespace.
    @Test func jsonStaysValidAndMeansTheSame() throws {
        var random = SeededRandom(seed: 0x1E57)
        let pool: [Unicode.Scalar] = Self.knownUnsafe.compactMap(Unicode.Scalar.init) + ["a", "\"", "\\", "/", "é", "日", "\u{1F600}", " "]
        for index in 0..<400 {
            let strings = (0..<3).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: 0...12, using: &random)).map { _ in pool.randomElement(using: &random)! }))
            }
            let value: [String: Any] = ["k" + strings[0]: strings, "n": index]
            let encoded = String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
            let inert = InertText.json(encoded)
            #expect(inert.unicodeScalars.allSatisfy { !InertText.isUnsafe($0) || $0 == "\n" }, "case \(index)")
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(inert.utf8)) as? [String: Any], "case \(index)")
            #expect(decoded["k" + strings[0]] as? [String] == strings, "case \(index)")
        }
    }

    @Test func jsonEscapesAboveTheBasicPlaneAsSurrogatePairs() {
        #expect(InertText.jsonEscape("\u{E0041}") == #"\udb40\udc41"#)
        #expect(InertText.json(#"{"a":"x\#u{202E}"}"#) == #"{"a":"x\u202e"}"#)
    }
}
