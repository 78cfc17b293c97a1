import Foundation
import Testing

@testable import Provisioning

@Suite("Lint: files and spec files", .timeLimit(.minutes(10)))
struct LintSpecFileTests {
    let linter = TrustPolicyLinter(today: Date(timeIntervalSince1970: 1_800_000_000))

    @Test("tells trust and identity policies from spec files by content", arguments: [
        (#"{"Version": "2012-10-17", "Statement": []}"#, nil, TrustPolicyLinter.FileKind.trustPolicy),
        (#"{"Statement": {}}"#, "x.json", .trustPolicy),
        (#"{"name": "r", "trust": {"account": "self"}}"#, "r.json", .roleSpec),
        ("{\"broken", nil, .trustPolicy),
        ("{}", nil, .trustPolicy),
        ("name: r\ntrust: {account: self}\n", nil, .roleSpec),
        ("{name: r, trust: {account: self}}", "r.yaml", .roleSpec),
        (#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#, nil, .identityPolicy),
        (#"{"Statement": {"Effect": "Deny", "NotAction": "s3:*", "NotResource": "*"}}"#, nil, .identityPolicy),
        (#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Allow", "Action": "sts:AssumeRole"}]}"#, nil, .trustPolicy),
        (#"{"Statement": [{"Principal": {"AWS": "*"}, "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#, nil, .trustPolicy),
    ] as [(String, String?, TrustPolicyLinter.FileKind)])
    func detection(text: String, path: String?, kind: TrustPolicyLinter.FileKind) {
        #expect(TrustPolicyLinter.detectKind(of: text, path: path) == kind)
    }

    @Test("spec findings point into the spec: trust at trust, policies at their entries")
    func specPositions() {
        let text = """
            name: l4e-role
            trust:
              services:
                - sagemaker.amazonaws.com
                - lookoutequipment.amazonaws.com
            policies:
              - AmazonS3FullAccess
              - IAMFullAccess
              - AmazonLookoutEquipmentFullAccess
            """
        let findings = linter.lint(fileText: text, path: "l4e.yaml")
        #expect(findings.map { "\($0.code.rawValue)@\($0.position?.description ?? "-")" } == [
            "TRUST_SERVICE_CONFUSED_DEPUTY@2:1", "SERVICE_END_OF_SUPPORT@2:1",
            "S3_FULL_ACCESS@7:5", "PRIVILEGE_ESCALATION_POLICY@8:5",
        ])
        #expect(!findings.hasErrors)
    }

    @Test("spec syntax and validation problems are errors at their line:column")
    func specErrors() {
        let syntax = linter.lint(specText: "name: r\ntrust: {account: self}\nnmae: x\n", path: nil)
        #expect(syntax.map { "\($0.code.rawValue)@\($0.position?.description ?? "-")" } == ["SPEC_INVALID@3:1"])
        #expect(syntax.first?.message.hasPrefix(#"nmae: is not a field here (did you mean "name"?)"#) == true)
        let invalid = linter.lint(specText: "name: r\ntrust: {account: self}\nmaxSessionDuration: 5\ntags: {\"aws:x\": y}\n", path: nil)
        #expect(invalid.map { "\($0.code.rawValue)@\($0.position?.description ?? "-")" } == ["SPEC_INVALID@3:21", "SPEC_INVALID@4:8"])
        #expect(invalid.hasErrors)
    }

    @Test("a spec referring to this account lints offline with the example account or the one given")
    func offlineAccount() {
        let text = "name: r\ntrust: {services: [glue.amazonaws.com], sourceAccount: true}\n"
        #expect(linter.lint(specText: text, path: nil).isEmpty)
        #expect(linter.lint(specText: text, path: nil, accountId: "12").map(\.code) == [.specInvalid])
    }

    @Test("findings sort by position, then severity")
    func ordering() {
        let findings = [
            LintFinding(.versionOld, "b", subject: .trustPolicy(.root), position: SourcePosition(line: 2, column: 1)),
            LintFinding(.s3FullAccess, "c", subject: .managedPolicy(0)),
            LintFinding(.principalDuplicate, "d", subject: .trustPolicy(.root), position: SourcePosition(line: 1, column: 5)),
            LintFinding(.trustResource, "e", subject: .trustPolicy(.root), position: SourcePosition(line: 1, column: 5)),
        ]
        #expect(findings.sortedForReading().map(\.message) == ["e", "d", "b", "c"])
    }
}
