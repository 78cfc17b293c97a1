import Foundation
import Testing

@testable import Provisioning

@Suite("Lint: trust policies", .timeLimit(.minutes(10)))
struct LintTrustPolicyTests {
    /// After Lookout for Equipment's end of support.
    let linter = TrustPolicyLinter(today: Date(timeIntervalSince1970: 1_800_000_000))

    /// `CODE@line:col` for each finding, in reading order.
    func summary(_ text: String, policies: [String] = []) -> [String] {
        linter.lint(trustPolicy: text, managedPolicyArns: policies).map { finding in
            "\(finding.code.rawValue)@\(finding.position?.description ?? "-")"
        }
    }

    func finding(_ code: LintCode, in text: String, policies: [String] = []) throws -> LintFinding {
        try #require(linter.lint(trustPolicy: text, managedPolicyArns: policies).first { $0.code == code })
    }

    let clean = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}
                }
            ]
        }
        """

    @Test("a careful trust policy has no findings")
    func cleanPolicy() {
        #expect(summary(clean).isEmpty)
    }

    @Test("JSON syntax errors carry line:column")
    func jsonSyntax() throws {
        let result = try finding(.jsonSyntax, in: "{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}")
        #expect(result.severity == .error)
        #expect(result.position == SourcePosition(line: 3, column: 3))
        #expect(result.message == "expected ',' or '}' after object member")
    }

    @Test("a malformed statement is an error at its element")
    func structure() throws {
        let result = try finding(.policyStructure, in: "{\"Version\": \"2012-10-17\", \"Statement\": [\n  {\"Effect\": \"Allow\", \"Action\": 5}]}")
        #expect(result.position == SourcePosition(line: 2, column: 23))
        #expect(result.message == "Statement[0].Action: must be a string or an array of strings, found a number")
    }

    @Test("missing or empty Statement")
    func missingStatement() {
        #expect(summary(#"{"Version": "2012-10-17"}"#) == ["MISSING_STATEMENT@1:1"])
        #expect(summary("{\"Version\": \"2012-10-17\",\n \"Statement\": []}") == ["MISSING_STATEMENT@2:2"])
    }

    @Test("Version: invalid is an error, missing or 2008 a warning")
    func version() {
        #expect(summary(clean.replacingOccurrences(of: "2012-10-17", with: "2012-10-18")) == ["VERSION_INVALID@2:5"])
        #expect(summary(clean.replacingOccurrences(of: "2012-10-17", with: "2008-10-17")) == ["VERSION_OLD@2:5"])
        #expect(summary(clean.replacingOccurrences(of: "\"Version\": \"2012-10-17\",", with: "")) == ["VERSION_MISSING@1:1"])
    }

    @Test("Principal \"*\" or {\"AWS\": \"*\"} without a condition is an error; with one a security warning")
    func wildcard() {
        let star = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"},
              {"Effect": "Allow", "Principal": {"AWS": ["111122223333", "*"]}, "Action": "sts:AssumeRole"},
              {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}},
              {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}]}
            """
        #expect(summary(star) == [
            "TRUST_PRINCIPAL_WILDCARD@2:23", "TRUST_PRINCIPAL_WILDCARD@3:61", "TRUST_PRINCIPAL_WILDCARD_CONDITIONED@4:23",
        ])
    }

    @Test("NotPrincipal, Resource and NotResource are errors at their keys")
    func notPrincipalAndResource() {
        let text = """
            {"Version": "2012-10-17", "Statement": [{
              "Effect": "Allow",
              "NotPrincipal": {"AWS": "111122223333"},
              "Action": "sts:AssumeRole",
              "Resource": "*"}, {
              "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole",
              "NotResource": "arn:aws:iam::111122223333:role/x"}]}
            """
        #expect(summary(text) == ["TRUST_NOT_PRINCIPAL@3:3", "TRUST_RESOURCE@5:3", "TRUST_RESOURCE@7:3"])
    }

    @Test("a statement without Principal or Action")
    func missingPrincipalAndAction() {
        #expect(summary("{\"Version\": \"2012-10-17\", \"Statement\": [\n {\"Effect\": \"Allow\"}]}") == [
            "TRUST_PRINCIPAL_MISSING@2:2", "TRUST_ACTION_MISSING@2:2",
        ])
    }

    @Test("malformed service principals are errors with a suggestion")
    func malformedService() throws {
        let text = clean.replacingOccurrences(of: "lambda.amazonaws.com", with: "lambda")
        #expect(summary(text) == ["TRUST_SERVICE_PRINCIPAL_MALFORMED@6:38"])
        #expect(try finding(.trustServicePrincipalMalformed, in: text).message ==
            #""lambda" is not a service principal; expected NAME.amazonaws.com (for example lambda.amazonaws.com) (did you mean lambda.amazonaws.com?)"#)
        #expect(summary(clean.replacingOccurrences(of: "lambda.amazonaws.com", with: "Lambda.amazonaws.com")) == [
            "TRUST_SERVICE_PRINCIPAL_MALFORMED@6:38"
        ])
        #expect(summary(clean.replacingOccurrences(of: "lambda.amazonaws.com", with: "lambda.amazonaws.com.cn")).isEmpty)
    }

    @Test("actions a trust policy cannot grant", arguments: [
        ("s3:GetObject", true), ("sts:AssumeRol", true), ("*", true), ("sts:GetCallerIdentity", true), ("sts:Get*", true),
        ("sts:AssumeRoleWithSAML", false), ("sts:TagSession", false), ("STS:assumerole", false), ("sts:*", false),
        ("sts:Assume*", false), ("sts:Set?ontext", false), ("st*:AssumeRole", false), ("*:AssumeRole", false),
    ])
    func actions(action: String, invalid: Bool) {
        let text = clean.replacingOccurrences(of: "\"Action\": \"sts:AssumeRole\"", with: "\"Action\": [\"sts:AssumeRole\", \"\(action)\"]")
        #expect(summary(text).filter { $0.hasPrefix("TRUST_ACTION_INVALID") } == (invalid ? ["TRUST_ACTION_INVALID@7:42"] : []))
    }

    @Test("a misspelt action gets a did-you-mean")
    func actionHint() throws {
        let text = clean.replacingOccurrences(of: "sts:AssumeRole\"", with: "sts:AssumeRol\"")
        #expect(try finding(.trustActionInvalid, in: text).message.hasPrefix(#""sts:AssumeRol" cannot be granted by a trust policy (did you mean "sts:AssumeRole"?)"#))
    }

    @Test("characters outside what IAM accepts, at their position")
    func characters() throws {
        let text = clean.replacingOccurrences(of: "\"Effect\": \"Allow\",", with: "\"Effect\": \"Allow\", \"Sid\": \"café→\",")
        let result = try finding(.trustPolicyCharacters, in: text)
        #expect(result.position == SourcePosition(line: 5, column: 44))
        #expect(result.message.hasPrefix(#""→" is not allowed in a policy"#))
    }

    @Test("size over the quota, default or the account's")
    func size() throws {
        let big = clean.replacingOccurrences(of: "111122223333", with: String(repeating: "1", count: 2000))
        let result = try finding(.trustPolicyTooLarge, in: big)
        #expect(result.message == "the trust policy is \(PolicyDocument.iamSize(of: big)) characters without whitespace; the account's quota (AssumeRolePolicySizeQuota) is 2048")
        let raised = TrustPolicyLinter(quotas: LintQuotas(accountSummary: ["AssumeRolePolicySizeQuota": 4096]))
        #expect(!raised.lint(trustPolicy: big).contains { $0.code == .trustPolicyTooLarge })
        let lowered = TrustPolicyLinter(quotas: LintQuotas(trustPolicySize: 100))
        #expect(lowered.lint(trustPolicy: clean).map(\.code) == [.trustPolicyTooLarge])
    }

    @Test("a service principal without a source condition is a confused-deputy risk")
    func confusedDeputy() throws {
        let text = clean.replacingOccurrences(of: ",\n            \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}", with: "")
        #expect(summary(text) == ["TRUST_SERVICE_CONFUSED_DEPUTY@6:27"])
        #expect(try finding(.trustServiceConfusedDeputy, in: text).severity == .securityWarning)
        let arn = clean.replacingOccurrences(of: "StringEquals\": {\"aws:SourceAccount", with: "ArnLike\": {\"AWS:SourceArn")
        #expect(summary(arn).isEmpty)
    }

    @Test("unknown services get a did-you-mean; ended services a warning")
    func services() throws {
        let typo = clean.replacingOccurrences(of: "lambda.amazonaws.com", with: "lamda.amazonaws.com")
        #expect(summary(typo) == ["SERVICE_PRINCIPAL_UNKNOWN@6:38"])
        #expect(try finding(.servicePrincipalUnknown, in: typo).message ==
            "lamda.amazonaws.com is not a service rolewiz knows to assume roles; did you mean lambda.amazonaws.com?")
        let l4e = clean.replacingOccurrences(of: "lambda.amazonaws.com", with: "lookoutequipment.amazonaws.com")
        #expect(summary(l4e) == ["SERVICE_END_OF_SUPPORT@6:38"])
        #expect(try finding(.serviceEndOfSupport, in: l4e).message ==
            "AWS ended support for Amazon Lookout for Equipment on 2026-10-07; lookoutequipment.amazonaws.com may no longer use this role")
    }

    @Test("statements differing only in principal can merge; duplicate principals are redundant")
    func suggestions() {
        // The seed guide's policy, with the service names it lost put back.
        let seed = """
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole" },
              { "Effect": "Allow", "Principal": { "Service": ["lookoutequipment.amazonaws.com", "lookoutequipment.amazonaws.com"] }, "Action": "sts:AssumeRole" } ] }
            """
        #expect(summary(seed) == [
            "TRUST_SERVICE_CONFUSED_DEPUTY@2:39",
            "STATEMENTS_MERGEABLE@3:3",
            "TRUST_SERVICE_CONFUSED_DEPUTY@3:39", "SERVICE_END_OF_SUPPORT@3:51",
            "SERVICE_END_OF_SUPPORT@3:85", "PRINCIPAL_DUPLICATE@3:85",
        ])
    }

    @Test("a statement that repeats another, however written, is redundant")
    func duplicateStatement() {
        let text = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"},
              {"Action": ["sts:AssumeRole"], "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}, "Effect": "Allow"}]}
            """
        #expect(summary(text) == ["STATEMENT_DUPLICATE@3:3"])
    }

    @Test("unknown elements are warnings")
    func unknownElements() {
        let text = clean.replacingOccurrences(of: "\"Effect\": \"Allow\",", with: "\"Effect\": \"Allow\", \"Comment\": \"x\",")
        #expect(summary(text) == ["UNKNOWN_ELEMENT@5:32"])
    }
}

extension LintTrustPolicyTests {
    @Test("services in AWS's reference are not unknown, made-up ones are", arguments: [
        ("rolesanywhere.amazonaws.com", false), ("cloudfront.amazonaws.com", false),
        ("credentials.iot.amazonaws.com", false), ("scheduler.redshift.amazonaws.com", false),
        ("madeup.amazonaws.com", true), ("lamda.amazonaws.com", true),
    ])
    func referenceServices(service: String, unknown: Bool) {
        let text = clean.replacingOccurrences(of: "lambda.amazonaws.com", with: service)
        #expect(summary(text).contains("SERVICE_PRINCIPAL_UNKNOWN@6:38") == unknown)
    }
}
