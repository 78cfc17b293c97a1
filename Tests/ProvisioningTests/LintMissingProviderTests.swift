import Testing

@testable import Provisioning

/// FEDERATED_PROVIDER_MISSING: only with the account's provider list, and
/// only for providers of that account.
@Suite("Lint: a trust's identity provider the account does not have", .timeLimit(.minutes(10)))
struct LintMissingProviderTests {
    typealias F = LintPolicyFixtures
    static let account = "123456789012"
    static let gitHub = LintFederationTests.gitHub
    static let saml = LintFederationTests.saml

    static func policy(_ federated: String, _ action: String = "sts:AssumeRoleWithWebIdentity") -> String {
        F.policy(#"{"Effect": "Allow", "Principal": {"Federated": "\#(federated)"}, "Action": "\#(action)"}"#)
    }

    func missing(_ text: String, _ providers: IdentityProviders) -> [LintFinding] {
        TrustPolicyLinter.missingProviders(trustPolicy: text, providers: providers, accountId: Self.account)
    }

    @Test("a missing OIDC provider is a warning at the principal, saying how to create it")
    func missingOIDC() throws {
        let text = Self.policy(Self.gitHub)
        let finding = try #require(missing(text, IdentityProviders()).first)
        #expect(finding.code == .federatedProviderMissing && finding.severity == .warning)
        #expect(finding.position == F.position(of: "\"\(Self.gitHub)\"", in: text))
        #expect(finding.message == "\(Self.gitHub) is not an identity provider of this account, so nobody can assume the role through it; create it with aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com, or in the IAM console under Identity providers")
        #expect(missing(text, IdentityProviders(openIDConnect: [Self.gitHub])).isEmpty)
    }

    @Test("a missing SAML provider names aws iam create-saml-provider")
    func missingSAML() throws {
        let text = Self.policy(Self.saml, "sts:AssumeRoleWithSAML")
        #expect(try #require(missing(text, IdentityProviders(openIDConnect: [Self.gitHub])).first).message.contains("aws iam create-saml-provider --name Okta"))
        #expect(missing(text, IdentityProviders(saml: [Self.saml])).isEmpty)
    }

    @Test("other accounts' providers, built-in domains and broken policies are not this check's business", arguments: [
        policy("arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com"),
        policy("accounts.google.com"), policy("cognito-identity.amazonaws.com"), "{not json",
    ])
    func silent(text: String) {
        #expect(missing(text, IdentityProviders()).isEmpty)
    }

    @Test("offline lint never reports it")
    func offline() {
        #expect(F.positions(.federatedProviderMissing, in: Self.policy(Self.gitHub)).isEmpty)
    }
}
