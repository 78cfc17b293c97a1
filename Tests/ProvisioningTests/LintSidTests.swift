import Testing

@testable import Provisioning

@Suite("Lint: statement IDs", .timeLimit(.minutes(10)))
struct LintSidTests {
    typealias F = LintPolicyFixtures

    static func statement(sid: String) -> String {
        #"{"Sid": "\#(sid)", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#
    }

    @Test("a Sid two statements share is a warning at the second")
    func duplicate() throws {
        let text = F.policy(Self.statement(sid: "Trust"), Self.statement(sid: "Other"), Self.statement(sid: "Trust"))
        #expect(F.positions(.sidNotUnique, in: text) == [try #require(F.position(of: "\"Sid\"", in: text, occurrence: 3))])
        #expect(LintCode.sidNotUnique.severity == .warning)
        #expect(F.positions(.sidNotUnique, in: F.policy(Self.statement(sid: "A"), Self.statement(sid: "B"))).isEmpty)
    }

    @Test("Sids are compared as written: case makes them different")
    func caseSensitive() {
        #expect(F.positions(.sidNotUnique, in: F.policy(Self.statement(sid: "Trust"), Self.statement(sid: "trust"))).isEmpty)
    }

    @Test("only letters and digits are allowed", arguments: Array("-_ .:/é!*"))
    func unsupported(character: Character) {
        let text = F.policy(Self.statement(sid: "Trust\(character)1"))
        #expect(F.positions(.sidUnsupported, in: text) == [F.position(of: "\"Sid\"", in: text)!])
    }

    @Test("generated Sids of letters and digits are fine")
    func generatedValid() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let sid = String((0..<Int.random(in: 1...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let findings = F.linter.lint(trustPolicy: F.policy(Self.statement(sid: sid)))
            #expect(!findings.contains { [.sidUnsupported, .sidEmpty, .sidNotUnique].contains($0.code) }, "Sid \(sid)")
        }
    }

    @Test("an empty Sid is a suggestion")
    func empty() {
        let text = F.policy(Self.statement(sid: ""))
        #expect(F.positions(.sidEmpty, in: text) == [F.position(of: "\"Sid\"", in: text)!])
        #expect(F.positions(.sidUnsupported, in: text).isEmpty)
    }
}
