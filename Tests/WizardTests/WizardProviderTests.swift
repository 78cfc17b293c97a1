import Foundation
import IAMClient
import Provisioning
import TerminalUI
import Testing
import TestSupport
@testable import Wizard

/// The trusted-entity step's federation: the provider picker (well-known
/// providers offline, the account's read through the context when
/// connected), GitHub's organisation, repository and branch, Cognito's identities.
@Suite(.timeLimit(.minutes(10)))
@MainActor
struct WizardProviderTests {
    /// A custom role's trusted-entity step, on the entity type `rights` to the right of AWS service.
    func trustedEntity(_ service: RoleService, rights: Int) throws -> WizardHarness {
        let harness = WizardHarness(service: service, start: .create(preset: nil, roleName: nil))
        try harness.press(.down, .enter, .backTab)
        for _ in 0..<rights { try harness.press(.right) }
        #expect(harness.topTitle == "Trusted entity")
        return harness
    }

    @Test func offlineThePickerListsTheWellKnownProvidersAndGitHubAsksForTheOrganization() throws {
        let harness = try trustedEntity(offlineService(), rights: 2)
        #expect(harness.context.model.entityKind == .webIdentity)
        try harness.press(.tab, .function(2))
        #expect(harness.topTitle == "Identity provider")
        let picker = harness.screen
        #expect(picker.contains("Offline: only the well-known providers are listed"), "\(picker)")
        for name in ["Login with Amazon", "Facebook", "Google", "Amazon Cognito identity pool", "GitHub Actions"] {
            #expect(picker.contains(name), "\(name) is not offered")
        }
        try harness.press(.down, .down, .down, .down, .enter)
        #expect(harness.topTitle == "Trusted entity")
        #expect(harness.context.model.federationProvider == GitHubSubject.providerHost)
        #expect(harness.screen.contains("GitHub organization"), "\(harness.screen)")

        try harness.press(.enter)
        #expect(harness.topTitle == "Trusted entity", "the organisation is required")
        #expect(harness.screen.contains("! GitHub organization: is empty"), "\(harness.screen)")

        try harness.press(.tab, .tab)
        try harness.type("-octo")
        #expect(harness.screen.contains("is not a GitHub organisation name"), "validated as typed: \(harness.screen)")
        try harness.press(.home, .delete)
        try harness.press(.tab)
        try harness.type("octo-repo")
        try harness.press(.tab)
        try harness.type("main")
        #expect(!harness.screen.contains("! GitHub organization: is empty"), "the problem goes once the field changes")
        #expect(harness.context.model.gitHubOrganization == "octo")
        let policy = try harness.context.model.generatedTrustPolicy(partition: "aws", accountId: "111122223333").get()
        #expect(policy.contains(#""token.actions.githubusercontent.com:sub": "repo:octo/octo-repo:ref:refs/heads/main""#), "\(policy)")
        #expect(policy.contains(#""token.actions.githubusercontent.com:aud": "sts.amazonaws.com""#), "\(policy)")
        try harness.press(.enter)
        #expect(harness.topTitle == "Permissions")
    }

    @Test func cognitoAsksForThePoolAndWhichIdentities() throws {
        let harness = try trustedEntity(offlineService(), rights: 2)
        try harness.press(.tab)
        try harness.type(CognitoIdentities.providerHost)
        #expect(harness.screen.contains("Identity pool ID"), "\(harness.screen)")
        #expect(harness.screen.contains("Identities: authenticated identities only (amr)"))
        try harness.press(.function(4))
        #expect(harness.context.model.cognitoIdentities == .unauthenticated)
        try harness.press(.tab)
        try harness.type("us-east-1:pool")
        let policy = try harness.context.model.generatedTrustPolicy(partition: "aws", accountId: nil).get()
        #expect(policy.contains(#""ForAnyValue:StringLike""#) && policy.contains(#""cognito-identity.amazonaws.com:amr": "unauthenticated""#), "\(policy)")
    }

    @Test func connectedThePickerListsTheAccountsProviders() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try motoSession(moto).iam
        let host = "oidc-\(MotoServer.uniqueName("wiz").lowercased()).example.com"
        let samlName = MotoServer.uniqueName("WizOkta")
        let oidcArn = try await MotoIdentityProviders.createOpenIDConnect(iam, host: host, audience: "app")
        let samlArn = try await MotoIdentityProviders.createSAML(iam, name: samlName)

        let harness = try trustedEntity(try motoService(moto), rights: 3)
        #expect(harness.context.model.entityKind == .saml)
        try harness.press(.tab, .function(2))
        try await harness.deliver { if case .identityProviders = $0 { true } else { false } }
        #expect(harness.screen.contains(samlName), "\(harness.screen)")
        try harness.type("/" + samlName)
        try harness.press(.enter, .enter)
        #expect(harness.topTitle == "Trusted entity")
        #expect(harness.context.model.federationProvider == samlArn)

        try harness.press(.backTab, .left)
        #expect(harness.context.model.entityKind == .webIdentity)
        try harness.press(.tab, .function(2))
        #expect(harness.screen.contains(host), "the list read once serves both kinds: \(harness.screen)")
        try harness.type("/" + host)
        try harness.press(.enter, .enter)
        #expect(harness.context.model.federationProvider == oidcArn)
    }

    @Test func reviewWarnsOfAProviderTheAccountDoesNotHave() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let host = "oidc-\(MotoServer.uniqueName("review").lowercased()).example.com"
        let harness = try trustedEntity(try motoService(moto), rights: 2)
        if harness.context.accountId == nil {
            try await harness.deliver { if case .identity = $0 { true } else { false } }
        }
        try harness.press(.tab)
        try harness.type(host)
        try harness.press(.tab)
        try harness.type("my-client")
        try harness.press(.enter, .enter, .enter)
        #expect(harness.topTitle == "Details")
        try harness.type(MotoServer.uniqueName("oidc"))
        try harness.press(.enter)
        try await harness.deliver { $0.isReview }
        let findings = try #require(harness.context.review?.value?.findings, "\(harness.screen)")
        let missing = try #require(findings.first { $0.code == .federatedProviderMissing }, "\(findings.map(\.code))")
        #expect(missing.message.contains("oidc-provider/\(host) is not an identity provider of this account"))
    }

    @Test func existingFederatedTrustLoadsAsTheSameAnswers() {
        let gitHub = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
        for trust in [
            WebIdentityTrust(provider: gitHub, audience: "sts.amazonaws.com", gitHub: GitHubSubject(organization: "o", repository: "r")),
            WebIdentityTrust(provider: gitHub, audience: "sts.amazonaws.com", gitHub: GitHubSubject(organization: "o", branch: "dev")),
            WebIdentityTrust(provider: CognitoIdentities.providerHost, audience: "pool", cognitoIdentities: .unauthenticated),
            WebIdentityTrust(provider: CognitoIdentities.providerHost, audience: "pool"),
        ] {
            let spec = RoleSpec(name: "r", trust: .webIdentity(trust))
            let model = WizardModel()
            model.load(spec)
            #expect(model.spec() == spec, "editing it would change nothing")
        }
    }
}
