import Testing

@testable import Provisioning

@Suite("Lint: empty arrays and objects", .timeLimit(.minutes(10)))
struct LintEmptyListTests {
    typealias F = LintPolicyFixtures

    @Test("an empty Action or NotAction is a suggestion at its key")
    func emptyAction() {
        let text = F.policy(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": []}"#)
        #expect(F.positions(.emptyArrayAction, in: text) == [F.position(of: "\"Action\"", in: text)!])
        #expect(F.positions(.trustActionMissing, in: text).isEmpty)
        let full = F.policy(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole"]}"#)
        #expect(F.positions(.emptyArrayAction, in: full).isEmpty)
    }

    @Test("an empty principal list is a suggestion at its kind")
    func emptyPrincipal() {
        let text = F.policy(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333", "Service": []}, "Action": "sts:AssumeRole"}"#)
        #expect(F.positions(.emptyArrayPrincipal, in: text) == [F.position(of: "\"Service\"", in: text)!])
    }

    @Test("empty Condition objects and value arrays", arguments: [
        (#""Condition": {}"#, LintCode.emptyObjectCondition, "\"Condition\""),
        (#""Condition": {"StringEquals": {}}"#, .emptyObjectCondition, "\"StringEquals\""),
        (#""Condition": {"StringEquals": {"sts:ExternalId": []}}"#, .emptyArrayCondition, "\"sts:ExternalId\""),
        (#""Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": []}}"#, .emptyArrayConditionForAllValues, "\"aws:TagKeys\""),
        (#""Condition": {"ForAnyValue:StringLike": {"aws:TagKeys": []}}"#, .emptyArrayConditionForAnyValue, "\"aws:TagKeys\""),
        (#""Condition": {"StringEqualsIfExists": {"sts:ExternalId": []}}"#, .emptyArrayConditionIfExists, "\"sts:ExternalId\""),
    ])
    func emptyCondition(condition: String, code: LintCode, at needle: String) {
        let text = F.policy(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", \#(condition)}"#)
        #expect(F.positions(code, in: text) == [F.position(of: needle, in: text)!])
        #expect(code.severity == .suggestion)
    }

    @Test("a filled-in condition has no empty-list findings")
    func filledCondition() {
        let text = F.policy(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": ["x"]}}}"#)
        #expect(F.linter.lint(trustPolicy: text).isEmpty)
    }
}
