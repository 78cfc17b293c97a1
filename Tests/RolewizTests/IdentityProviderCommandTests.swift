import Foundation
import IAMClient
import Testing
import TestSupport

/// Identity providers against moto: IAM's provider lists, the missing
/// provider finding of `rolewiz plan`, and GitHub trust applied exactly as
/// the console writes it.
@Suite("rolewiz and identity providers", .heavy)
struct IdentityProviderCommandTests {
    @Test func providerListsComeBackFromIAM() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let iam = try rolewiz.iam()
        let host = "oidc-\(MotoServer.uniqueName("list").lowercased()).example.com"
        let oidc = try await MotoIdentityProviders.createOpenIDConnect(iam, host: host)
        let saml = try await MotoIdentityProviders.createSAML(iam, name: MotoServer.uniqueName("Okta"))
        #expect(oidc.hasSuffix(":oidc-provider/\(host)"))
        #expect(try await iam.listOpenIDConnectProviders().contains(oidc))
        #expect(try await iam.listSAMLProviders().contains(saml))
    }

    @Test func planWarnsOfAProviderTheAccountDoesNotHave() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let host = "oidc-\(MotoServer.uniqueName("missing").lowercased()).example.com"
        let spec = try rolewiz.write("name: \(MotoServer.uniqueName("oidc"))\ntrust: {webIdentity: \(host), audience: my-client}\n", to: "oidc.yaml")
        let before = try await rolewiz.run(["plan", "--spec", spec, "--debug"])
        #expect(before.exitCode == 0, "\(before.stderr)")
        #expect(before.calledActions.contains("ListOpenIDConnectProviders"), "\(before.stderr)")
        let finding = try #require(before.outputLines.first { $0.contains("FEDERATED_PROVIDER_MISSING") }, "\(before.stdout)")
        #expect(finding.hasPrefix("  warning  "))
        #expect(finding.contains("arn:aws:iam::123456789012:oidc-provider/\(host) is not an identity provider of this account"))
        #expect(finding.contains("aws iam create-open-id-connect-provider --url https://\(host)"))

        _ = try await MotoIdentityProviders.createOpenIDConnect(try rolewiz.iam(), host: host)
        let after = try await rolewiz.run(["plan", "--spec", spec])
        #expect(after.exitCode == 0, "\(after.stderr)")
        #expect(!after.stdout.contains("FEDERATED_PROVIDER_MISSING"), "\(after.stdout)")

        let offline = try await rolewiz.run(["lint", spec], endpoint: false, credentials: false)
        #expect(!offline.stdout.contains("FEDERATED_PROVIDER_MISSING"), "offline lint cannot know the account's providers")
    }

    @Test func applyWithGitHubTrustCreatesTheConsolePolicy() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("gh")
        let spec = try rolewiz.write("""
            name: \(name)
            trust:
              webIdentity: token.actions.githubusercontent.com
              github: {organization: octo-org, repository: octo-repo, branch: main}
            """, to: "gh.yaml")
        let applied = try await rolewiz.run(["apply", "--spec", spec, "--yes"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let stored = try await rolewiz.iam().getRole(name: name).assumeRolePolicyDocument
        let expected = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
              "Action": "sts:AssumeRoleWithWebIdentity",
              "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                            "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}}}]}
            """
        #expect(try Self.json(stored) == Self.json(expected), "\(stored)")
        let again = try await rolewiz.run(["plan", "--spec", spec, "--detailed-exitcode"])
        #expect(again.exitCode == 0, "re-planning the applied GitHub trust shows no change: \(again.stdout)")
    }

    static func json(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }
}
