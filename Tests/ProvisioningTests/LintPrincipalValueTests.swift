import Testing

@testable import Provisioning

@Suite("Lint: principal values", .timeLimit(.minutes(10)))
struct LintPrincipalValueTests {
    typealias F = LintPolicyFixtures

    static func trusting(_ kind: String, _ value: String, action: String = "sts:AssumeRole", condition: String = "") -> String {
        F.policy(#"{"Effect": "Allow", "Principal": {"\#(kind)": "\#(value)"}, "Action": "\#(action)"\#(condition)}"#)
    }

    @Test("wildcards inside an AWS principal ARN are errors at the value", arguments: [
        "arn:aws:iam::123456789012:user/*", "arn:aws:iam::123456789012:role/dev-?", "arn:aws:iam::*:root", "12345678901*",
    ])
    func wildcardInArn(value: String) {
        let text = Self.trusting("AWS", value)
        #expect(F.positions(.trustPrincipalWildcardInArn, in: text) == [F.position(of: "\"\(value)\"", in: text)!])
        #expect(LintCode.trustPrincipalWildcardInArn.severity == .error)
    }

    @Test("exact ARNs, account IDs and \"*\" itself are not wildcard-in-ARN findings", arguments: [
        "arn:aws:iam::123456789012:user/alice", "123456789012", "*", "arn:aws:sts::123456789012:assumed-role/r/s",
    ])
    func exactPrincipal(value: String) {
        #expect(F.positions(.trustPrincipalWildcardInArn, in: Self.trusting("AWS", value)).isEmpty)
    }

    @Test("AWS principals are accounts, users, roles, root or STS sessions", arguments: [
        ("123456789012", false), ("arn:aws:iam::123456789012:root", false), ("arn:aws:iam::123456789012:role/path/r", false),
        ("arn:aws-us-gov:iam::123456789012:user/u", false), ("arn:aws:sts::123456789012:assumed-role/r/s", false), ("*", false),
        ("12345678901", true), ("arn:aws:iam::123456789012:group/g", true), ("arn:aws:iam::123456789012:role/", true),
        ("arn:aws:s3:::bucket", true), ("arn:aws:iam:us-east-1:123456789012:root", true), ("alice", true), ("", true),
    ])
    func awsFormat(value: String, malformed: Bool) {
        let text = Self.trusting("AWS", value)
        #expect(F.positions(.trustAWSPrincipalMalformed, in: text) == (malformed ? [F.position(of: "\"\(value)\"", in: text)!] : []))
    }

    @Test("unique IDs of deleted principals are warnings; generated ones too")
    func uniqueIDs() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        for prefix in DocumentChecks.uniqueIDPrefixes {
            let id = prefix + String((0..<17).map { _ in alphabet.randomElement()! })
            let text = Self.trusting("AWS", id)
            #expect(F.positions(.principalUniqueID, in: text) == [F.position(of: "\"\(id)\"", in: text)!], "\(id)")
        }
        for notID in ["AROA123", "arn:aws:iam::123456789012:role/AROAABCDEFGHIJKLMNOPQ", "AKIAABCDEFGHIJKLMNOPQ", "aroaabcdefghijklmnopq"] {
            #expect(F.positions(.principalUniqueID, in: Self.trusting("AWS", notID)).isEmpty, "\(notID)")
        }
    }

    @Test("Federated must be a provider ARN or a web identity domain", arguments: [
        ("arn:aws:iam::123456789012:saml-provider/Okta", false),
        ("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", false),
        ("arn:aws-cn:iam::123456789012:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC", false),
        ("accounts.google.com", false), ("cognito-identity.amazonaws.com", false),
        ("token.actions.githubusercontent.com", true), ("arn:aws:iam::123456789012:role/x", true),
        ("arn:aws:iam::1234:saml-provider/Okta", true), ("arn:aws:iam::123456789012:saml-provider/", true),
        ("arn:aws:iam::123456789012:oidc-provider/", true), ("saml-provider/Okta", true), ("", true),
    ])
    func federated(value: String, malformed: Bool) {
        let text = Self.trusting("Federated", value, action: "sts:AssumeRoleWithWebIdentity")
        #expect(F.positions(.trustFederatedPrincipalMalformed, in: text) == (malformed ? [F.position(of: "\"\(value)\"", in: text)!] : []))
    }
}
