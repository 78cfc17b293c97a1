import Testing

@testable import Provisioning

@Suite("Lint: federation, GitHub and Roles Anywhere", .timeLimit(.minutes(10)))
struct LintFederationTests {
    typealias F = LintPolicyFixtures
    static let gitHub = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    static let saml = "arn:aws:iam::123456789012:saml-provider/Okta"

    static func statement(_ principal: String, _ action: String, condition: String = "") -> String {
        #"{"Effect": "Allow", "Principal": \#(principal), "Action": \#(action)\#(condition)}"#
    }

    @Test("SAML and web identity actions need their kind of provider", arguments: [
        (#"{"Service": "ec2.amazonaws.com"}"#, "sts:AssumeRoleWithSAML", true),
        (#"{"AWS": "123456789012"}"#, "sts:AssumeRoleWithWebIdentity", true),
        (#"{"Federated": "\#(saml)"}"#, "sts:AssumeRoleWithWebIdentity", true),
        (#"{"Federated": "\#(gitHub)"}"#, "sts:AssumeRoleWithSAML", true),
        (#"{"Federated": "\#(saml)"}"#, "sts:AssumeRoleWithSAML", false),
        (#"{"Federated": "\#(gitHub)"}"#, "sts:AssumeRoleWithWebIdentity", false),
        (#"{"Federated": "accounts.google.com"}"#, "sts:AssumeRoleWithWebIdentity", false),
        (#"{"Service": "ec2.amazonaws.com"}"#, "sts:AssumeRole", false),
        (#"{"Federated": "\#(saml)"}"#, "sts:AssumeRole", true),
        (#"{"Federated": "\#(saml)", "AWS": "123456789012"}"#, "sts:AssumeRole", false),
    ])
    func mismatch(principal: String, action: String, mismatched: Bool) {
        let text = F.policy(Self.statement(principal, "[\"\(action)\"]", condition: #", "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012", "accounts.google.com:aud": "x", "token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}}"#))
        #expect(F.positions(.mismatchedActionForPrincipal, in: text) == (mismatched ? [F.position(of: "\"\(action)\"", in: text)!] : []))
    }

    @Test("an OIDC provider without a condition on its own keys is a security warning")
    func oidcCondition() {
        let eks = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"
        let bare = F.policy(Self.statement(#"{"Federated": "\#(eks)"}"#, "\"sts:AssumeRoleWithWebIdentity\""))
        #expect(F.positions(.oidcConditionMissing, in: bare) == [F.position(of: "\"\(eks)\"", in: bare)!])
        #expect(LintCode.oidcConditionMissing.severity == .securityWarning)
        let other = F.policy(Self.statement(#"{"Federated": "\#(eks)"}"#, "\"sts:AssumeRoleWithWebIdentity\"",
            condition: #", "Condition": {"StringEquals": {"aws:PrincipalTag/x": "y"}}"#))
        #expect(F.positions(.oidcConditionMissing, in: other).count == 1)
        let own = F.policy(Self.statement(#"{"Federated": "\#(eks)"}"#, "\"sts:AssumeRoleWithWebIdentity\"",
            condition: #", "Condition": {"StringEquals": {"oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"}}"#))
        #expect(F.positions(.oidcConditionMissing, in: own).isEmpty)
        #expect(F.positions(.oidcConditionMissing, in: F.policy(Self.statement(#"{"Federated": "\#(Self.saml)"}"#, "\"sts:AssumeRoleWithSAML\""))).isEmpty)
    }

    @Test("GitHub without a sub condition is a security warning at the provider")
    func gitHubMissingSub() {
        let audOnly = F.policy(Self.statement(#"{"Federated": "\#(Self.gitHub)"}"#, "\"sts:AssumeRoleWithWebIdentity\"",
            condition: #", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}"#))
        #expect(F.positions(.gitHubRepoConditionMissing, in: audOnly) == [F.position(of: "\"\(Self.gitHub)\"", in: audOnly)!])
        #expect(F.positions(.oidcConditionMissing, in: audOnly).isEmpty)
    }

    @Test("GitHub sub values: one repository's branches, tags or environments are specific enough", arguments: [
        ("repo:org/*", true), ("*", true), ("repo:*", true), ("repo:org/repo:*", true), ("repo:*/repo:ref:refs/heads/main", true),
        ("repo:org/re*:ref:refs/heads/main", true), ("repo:org/repo:ref:refs/heads/*", true),
        ("repo:org/repo:ref:refs/heads/main", false), ("repo:org/repo:ref:refs/heads/release/*", false),
        ("repo:org/repo:environment:prod", false), ("repo:org/repo:ref:refs/tags/v*", false), ("repo:org/repo:pull_request", false),
    ])
    func gitHubSubject(subject: String, broad: Bool) {
        let text = F.policy(Self.statement(#"{"Federated": "\#(Self.gitHub)"}"#, "\"sts:AssumeRoleWithWebIdentity\"",
            condition: #", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "\#(subject)"}}"#))
        #expect(F.positions(.gitHubSubjectTooBroad, in: text) == (broad ? [F.position(of: "\"\(subject)\"", in: text)!] : []))
        #expect(F.positions(.gitHubRepoConditionMissing, in: text).isEmpty)
    }

    @Test("Roles Anywhere needs sts:SetSourceIdentity and sts:TagSession", arguments: [
        (#"["sts:AssumeRole"]"#, true), (#"["sts:AssumeRole", "sts:TagSession"]"#, true),
        (#"["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]"#, false), (#""sts:*""#, false),
    ])
    func rolesAnywhere(actions: String, missing: Bool) {
        let text = F.policy(Self.statement(#"{"Service": "rolesanywhere.amazonaws.com"}"#, actions,
            condition: #", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/x"}}"#))
        #expect(F.positions(.rolesAnywhereMissingAction, in: text) == (missing ? [F.position(of: "\"Action\"", in: text)!] : []))
    }

    @Test("st*:AssumeRole is valid, with a suggestion to write sts:")
    func serviceWildcard() {
        let text = F.policy(Self.statement(#"{"AWS": "123456789012"}"#, "\"st*:AssumeRole\""))
        #expect(F.positions(.actionServiceWildcard, in: text) == [F.position(of: "\"st*:AssumeRole\"", in: text)!])
        #expect(F.positions(.trustActionInvalid, in: text).isEmpty)
        #expect(!F.linter.lint(trustPolicy: text).hasErrors)
        #expect(F.positions(.actionServiceWildcard, in: F.policy(Self.statement(#"{"AWS": "123456789012"}"#, "\"sts:Assume*\""))).isEmpty)
    }
}
