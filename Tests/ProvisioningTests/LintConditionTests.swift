import Testing

@testable import Provisioning

@Suite("Lint: condition blocks", .timeLimit(.minutes(10)))
struct LintConditionTests {
    typealias F = LintPolicyFixtures

    static func conditioned(_ condition: String) -> String {
        F.policy(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": \#(condition)}"#)
    }

    @Test("operators IAM has, with their prefixes and IfExists", arguments: [
        ("StringEquals", true), ("ForAnyValue:StringLike", true), ("ForAllValues:ArnLikeIfExists", true), ("BoolIfExists", true),
        ("Null", true), ("NumericLessThanEquals", true), ("StringEqual", false), ("stringequals", false), ("NullIfExists", false),
        ("ForSomeValues:StringEquals", false), ("IfExists", false), ("", false),
    ])
    func operators(name: String, valid: Bool) {
        let text = Self.conditioned(#"{"\#(name)": {"aws:PrincipalTag/team": "true"}}"#)
        #expect(F.positions(.conditionOperatorInvalid, in: text) == (valid ? [] : [F.position(of: "\"\(name)\"", in: text)!]))
    }

    @Test("a condition key repeated in another case under one operator is an error at the repeat")
    func duplicateKeyCase() {
        let text = Self.conditioned(#"{"StringEquals": {"aws:SourceAccount": "1", "sts:ExternalId": "x", "AWS:sourceaccount": "2"}}"#)
        #expect(F.positions(.conditionKeyDuplicateCase, in: text) == [F.position(of: "\"AWS:sourceaccount\"", in: text)!])
        let apart = Self.conditioned(#"{"StringEquals": {"aws:SourceAccount": "1"}, "StringLike": {"AWS:sourceaccount": "2"}}"#)
        #expect(F.positions(.conditionKeyDuplicateCase, in: apart).isEmpty)
    }

    @Test("a misspelt operator gets a did-you-mean")
    func operatorHint() throws {
        let text = Self.conditioned(#"{"StringEqual": {"sts:ExternalId": "x"}}"#)
        let finding = try #require(F.linter.lint(trustPolicy: text).first { $0.code == .conditionOperatorInvalid })
        #expect(finding.message.contains("did you mean \"StringEquals\"?"))
    }

    @Test("ForAllValues over a single-valued global key is a security warning at the key")
    func forAllValues() {
        let text = Self.conditioned(#"{"ForAllValues:StringEquals": {"aws:PrincipalOrgID": ["o-1"]}}"#)
        #expect(F.positions(.forAllValuesSingleValuedKey, in: text) == [F.position(of: "\"aws:PrincipalOrgID\"", in: text)!])
        #expect(LintCode.forAllValuesSingleValuedKey.severity == .securityWarning)
        #expect(F.positions(.forAllValuesSingleValuedKey, in: Self.conditioned(#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}}"#)).isEmpty)
        #expect(F.positions(.forAllValuesSingleValuedKey, in: Self.conditioned(#"{"StringEquals": {"aws:PrincipalOrgID": "o-1"}}"#)).isEmpty)
    }

    @Test("Bool and Null compare with true or false", arguments: [
        ("Bool", "true", false), ("Bool", "FALSE", false), ("Null", "false", false), ("BoolIfExists", "yes", true),
        ("Bool", "1", true), ("Null", "", true), ("StringEquals", "yes", false),
    ])
    func booleans(operatorName: String, value: String, mismatched: Bool) {
        let text = Self.conditioned(#"{"\#(operatorName)": {"aws:MultiFactorAuthPresent": "\#(value)"}}"#)
        #expect(F.positions(.conditionBooleanMismatch, in: text) == (mismatched ? [F.position(of: "\"\(value)\"}", in: text)!] : []))
    }

    @Test("unquoted booleans are fine")
    func bareBoolean() {
        #expect(F.positions(.conditionBooleanMismatch, in: Self.conditioned(#"{"Bool": {"aws:MultiFactorAuthPresent": true}}"#)).isEmpty)
    }

    @Test("IpAddress values must be addresses or CIDR ranges", arguments: [
        ("203.0.113.0/24", true), ("10.0.0.1", true), ("0.0.0.0/0", true), ("2001:db8::/32", true), ("::1", true),
        ("2001:0db8:0000:0000:0000:0000:0000:0001/128", true), ("${aws:SourceIp}", true),
        ("203.0.113.0/33", false), ("256.0.0.1", false), ("10.0.0", false), ("10.0.0.0/", false), ("example.com", false),
        ("2001:db8::1::2", false), ("2001:db8::/129", false), ("1.2.3.4/-1", false),
    ])
    func ipRanges(value: String, valid: Bool) {
        let text = Self.conditioned(#"{"IpAddress": {"aws:SourceIp": ["\#(value)"]}}"#)
        #expect(F.positions(.conditionIPRangeMismatch, in: text) == (valid ? [] : [F.position(of: "\"\(value)\"", in: text)!]))
    }

    @Test("Numeric operators compare numbers", arguments: [
        ("3600", false), ("-1", false), ("1.5", false), ("${aws:EpochTime}", false),
        ("one", true), ("1e3", true), ("inf", true), ("", true), ("1.", true),
    ])
    func numbers(value: String, mismatched: Bool) {
        let text = Self.conditioned(#"{"NumericLessThan": {"aws:MultiFactorAuthAge": "\#(value)"}}"#)
        #expect(F.positions(.conditionNumberMismatch, in: text) == (mismatched ? [F.position(of: "\"\(value)\"}", in: text)!] : []))
    }

    @Test("Date operators compare ISO 8601 dates or epoch seconds", arguments: [
        ("2026-12-31", false), ("2026-12-31T23:59:59Z", false), ("2026-12-31T23:59:59.5+01:00", false), ("1700000000", false),
        ("2026-13-01", true), ("31/12/2026", true), ("tomorrow", true), ("2026-12-31 23:59", true),
    ])
    func dates(value: String, mismatched: Bool) {
        let text = Self.conditioned(#"{"DateLessThan": {"aws:CurrentTime": "\#(value)"}}"#)
        #expect(F.positions(.conditionDateMismatch, in: text) == (mismatched ? [F.position(of: "\"\(value)\"}", in: text)!] : []))
    }

    @Test("generated IPv4 ranges are valid")
    func generatedRanges() {
        for _ in 0..<100 {
            let range = (0..<4).map { _ in String(Int.random(in: 0...255)) }.joined(separator: ".") + "/\(Int.random(in: 0...32))"
            #expect(IPRange.isValid(range), "\(range)")
        }
    }

    @Test("IPv6 forms, the IPv4-mapped one included, and what is no address", arguments: [
        ("2001:db8::/32", true), ("::1", true), ("::", true), ("::ffff:192.0.2.1", true), ("2001:db8:0:0:0:0:0:1/128", true),
        ("2001:db8::1::2", false), ("2001:db8::/129", false), ("256.1.1.1", false), ("1.2.3", false), ("1.2.3.4/", false),
        ("1.2.3.4/٣", false), ("10.0.0.0/8/8", false), ("gggg::", false),
    ])
    func addressForms(range: String, valid: Bool) {
        #expect(IPRange.isValid(range) == valid, "\(range)")
    }

    @Test("policy variables need their braces", arguments: [
        ("arn:aws:iam::111122223333:user/${aws:username}", false), ("${aws:username", true), ("x-${aws:userid}-${aws:username", true),
        ("${}", true), ("${aws: username}", true), ("plain", false), ("$aws:username}", false),
    ])
    func variables(value: String, malformed: Bool) {
        let text = Self.conditioned(#"{"StringLike": {"aws:PrincipalArn": "\#(value)"}}"#)
        #expect(F.positions(.policyVariableMalformed, in: text) == (malformed ? [F.position(of: "\"\(value)\"", in: text)!] : []))
    }
}
