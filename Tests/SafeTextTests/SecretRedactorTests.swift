import Foundation
import Testing
import TestSupport
@testable import SafeText

@Suite("Secrets are redacted in any shape", .timeLimit(.minutes(10)))
struct SecretRedactorTests {
    static let secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let sessionToken = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+token+value=="

    /// `%2F` as `%2f`, as some encoders write it.
    static func lowercaseEscapes(_ text: String) -> String {
        var output = ""
        var pending = 0
        for character in text {
            output += pending > 0 ? character.lowercased() : String(character)
            pending = character == "%" ? 2 : max(0, pending - 1)
        }
        return output
    }

    static func redactor() -> SecretRedactor {
        let redactor = SecretRedactor()
        redactor.register(secretKey)
        redactor.register(sessionToken)
        return redactor
    }

    @Test(arguments: [
        secretKey, sessionToken,
        secretKey.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
        lowercaseEscapes(sessionToken.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!),
        sessionToken.replacingOccurrences(of: "/", with: "\\/"),
        String(sessionToken.prefix(20)),
        String(secretKey.suffix(14)),
        sessionToken.replacingOccurrences(of: "+", with: "&#43;").replacingOccurrences(of: "/", with: "&#47;").replacingOccurrences(of: "=", with: "&#61;"),
    ])
    func everyShapeIsBlanked(_ echoed: String) {
        let message = "The security token included in the request is invalid: \(echoed) (request id 1234)"
        let redacted = Self.redactor().redact(message)
        #expect(redacted.contains(SecretRedactor.mask))
        #expect(!redacted.contains(String(echoed.prefix(SecretRedactor.window))))
        #expect(redacted.hasPrefix("The security token included in the request is invalid: "))
        #expect(redacted.hasSuffix(" (request id 1234)"))
    }

    @Test func ordinaryTextIsUntouched() {
        var random = SeededRandom(seed: 7)
        let redactor = Self.redactor()
        for _ in 0..<300 {
            let text = PropertyInputs.text(maxLength: 300, using: &random)
            #expect(redactor.redact(text) == text)
        }
        #expect(SecretRedactor().redact("nothing registered") == "nothing registered")
    }

    @Test func shortValuesAreNotRegistered() {
        let redactor = SecretRedactor()
        redactor.register("abc")
        #expect(redactor.isEmpty)
        #expect(redactor.redact("abc abc") == "abc abc")
    }

    /// A JSON answer that echoes the token, escaped, stays valid JSON.
    @Test func redactedJSONIsStillJSON() throws {
        for shape in SecretRedactor.shapes(of: Self.sessionToken) {
            let body = #"{"message": "bad token \#(shape)", "n": 1}"#
            guard (try? JSONSerialization.jsonObject(with: Data(body.utf8))) != nil else { continue }
            let redacted = Self.redactor().redact(body)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(redacted.utf8)) as? [String: Any], "\(redacted)")
            #expect((object["message"] as? String)?.contains(SecretRedactor.mask) == true)
        }
    }

    @Test func multiByteTextAroundASecretSurvives() {
        let redacted = Self.redactor().redact("日本\(Self.secretKey)語")
        #expect(redacted == "日本\(SecretRedactor.mask)語")
    }
}
