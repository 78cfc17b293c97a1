import Foundation
import Testing
import TestSupport

@testable import Provisioning

/// GitHub's `sub` and Cognito's `amr` conditions: the exact JSON the IAM
/// console writes, and the way back from a policy to the answers.
@Suite("Federation claims: GitHub subject and Cognito identities", .timeLimit(.minutes(10)))
struct ModelFederationClaimsTests {
    static let account = "111122223333"

    /// The statement's Condition block as compact JSON, keys sorted.
    func condition(_ trust: WebIdentityTrust) throws -> String {
        let document = try TrustedEntity.webIdentity(trust).policyDocument(accountId: Self.account)
        let json = try JSONSerialization.jsonObject(with: Data(document.text.utf8)) as! [String: Any]
        let statement = (json["Statement"] as! [[String: Any]])[0]
        let data = try JSONSerialization.data(withJSONObject: statement["Condition"]!, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    @Test("GitHub trust is the console's aud and sub conditions", arguments: [
        (GitHubSubject(organization: "octo-org", repository: "octo-repo", branch: "main"), "repo:octo-org/octo-repo:ref:refs/heads/main"),
        (GitHubSubject(organization: "octo-org", repository: "octo-repo"), "repo:octo-org/octo-repo:*"),
        (GitHubSubject(organization: "octo-org", branch: "release/v2"), "repo:octo-org/*:ref:refs/heads/release/v2"),
        (GitHubSubject(organization: "octo-org"), "repo:octo-org/*:*"),
    ])
    func gitHubJSON(subject: GitHubSubject, pattern: String) throws {
        #expect(try condition(.gitHubActions(subject)) == """
            {"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"\(pattern)"}}
            """)
        let document = try TrustedEntity.webIdentity(.gitHubActions(subject)).policyDocument(accountId: Self.account)
        #expect(document.text.contains(#""Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com""#))
        #expect(document.text.contains(#""Action": "sts:AssumeRoleWithWebIdentity""#))
    }

    @Test("Cognito trust is the console's aud and ForAnyValue amr conditions", arguments: CognitoIdentities.allCases)
    func cognitoJSON(identities: CognitoIdentities) throws {
        let trust = WebIdentityTrust(provider: "cognito-identity.amazonaws.com", audience: "us-east-1:0d9f3c1e-aaaa-bbbb-cccc-123456789012", cognitoIdentities: identities)
        #expect(try condition(trust) == """
            {"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"\(identities.rawValue)"},"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:0d9f3c1e-aaaa-bbbb-cccc-123456789012"}}
            """)
        let document = try TrustedEntity.webIdentity(trust).policyDocument(accountId: nil)
        #expect(document.text.contains(#""Federated": "cognito-identity.amazonaws.com""#))
    }

    /// Random GitHub subjects: every combination of repository and branch
    /// present or absent, with names drawn from GitHub's allowed characters.
    static func generatedSubjects(count: Int, seed: UInt64) -> [GitHubSubject] {
        var random = SeededRandom(seed: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        func name(_ extra: String, length: ClosedRange<Int>) -> String {
            let pool = letters + Array(extra)
            let body = (0..<Int.random(in: length, using: &random)).map { _ in pool.randomElement(using: &random)! }
            // Letters at both ends keep every rule about ends and doubled separators satisfied.
            return String(letters.randomElement(using: &random)!) + String(body).replacingOccurrences(of: "--", with: "-a")
                .replacingOccurrences(of: "..", with: ".a").replacingOccurrences(of: "//", with: "/a")
                + String(letters.randomElement(using: &random)!)
        }
        return (0..<count).map { index in
            GitHubSubject(
                organization: name("-", length: 0...20),
                repository: index % 2 == 0 ? nil : name("._-", length: 0...30),
                branch: (index / 2) % 2 == 0 ? nil : name("/._-", length: 0...30))
        }
    }

    @Test("spec -> policy -> recognition -> spec gives back the spec, over generated subjects")
    func generatedRoundTrip() throws {
        for subject in Self.generatedSubjects(count: 200, seed: 0x6174_4875_6221) {
            #expect(subject.validationIssues(field: "trust.github").isEmpty, "\(subject)")
            let spec = RoleSpec(name: "ci", trust: .webIdentity(.gitHubActions(subject)))
            for format in SpecFormat.allCases {
                let decoded = try RoleSpecFile.decode(RoleSpecFile.encode(spec, format: format), format: format).spec
                #expect(decoded == spec)
                let document = try decoded.trust.policyDocument(accountId: Self.account)
                #expect(TrustedEntity.recognizing(document, accountId: Self.account) == Self.asRecognized(decoded.trust), "\(document.text)")
            }
        }
    }

    @Test("Cognito and plain web identity round-trip through recognition", arguments: [
        WebIdentityTrust(provider: "cognito-identity.amazonaws.com", audience: "us-east-1:pool", cognitoIdentities: .authenticated),
        WebIdentityTrust(provider: "cognito-identity.amazonaws.com", audience: "us-east-1:pool", cognitoIdentities: .unauthenticated),
        WebIdentityTrust(provider: "cognito-identity.amazonaws.com", audience: "us-east-1:pool"),
        WebIdentityTrust(provider: "token.actions.githubusercontent.com", audience: "custom-aud", gitHub: GitHubSubject(organization: "o")),
    ])
    func recognition(trust: WebIdentityTrust) throws {
        let spec = RoleSpec(name: "r", trust: .webIdentity(trust))
        #expect(try RoleSpecFile.decode(RoleSpecFile.encode(spec, format: .yaml)).spec == spec)
        let document = try spec.trust.policyDocument(accountId: Self.account)
        let recognized = TrustedEntity.recognizing(document, accountId: Self.account)
        #expect(recognized == Self.asRecognized(spec.trust))
        #expect(try recognized.policyDocument(accountId: Self.account) == document)
    }

    /// Recognition names an account's OIDC provider by the `Federated` ARN
    /// the policy holds (the same policy as the host form).
    static func asRecognized(_ entity: TrustedEntity) -> TrustedEntity {
        guard case .webIdentity(var trust) = entity, WebIdentityTrust.builtInProviders[trust.providerHost] == nil,
            !trust.provider.hasPrefix("arn:")
        else { return entity }
        trust.provider = "arn:aws:iam::\(account):oidc-provider/\(trust.providerHost)"
        return .webIdentity(trust)
    }

    /// A one-statement web identity trust policy with this Condition block.
    static func webIdentityPolicy(_ federated: String, conditions: String) -> String {
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "\(federated)"},
          "Action": "sts:AssumeRoleWithWebIdentity", "Condition": \(conditions)}]}
        """
    }

    @Test("the conditions are recognized in any order")
    func conditionOrder() throws {
        let text = Self.webIdentityPolicy("cognito-identity.amazonaws.com", conditions: """
            {"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"},
             "StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:pool"}}
            """)
        #expect(TrustedEntity.recognizing(try PolicyDocument.parse(text), accountId: Self.account) == .webIdentity(WebIdentityTrust(
            provider: "cognito-identity.amazonaws.com", audience: "us-east-1:pool", cognitoIdentities: .authenticated)))
    }

    @Test("a sub the console would not write stays a custom policy", arguments: [
        "repo:octo-org/octo-repo:environment:prod", "repo:octo-org/octo-*:*", "repo:*/*:*", "repo:octo-org/octo-repo:pull_request",
    ])
    func otherSubjects(pattern: String) throws {
        let text = Self.webIdentityPolicy("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com", conditions: """
            {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
             "StringLike": {"token.actions.githubusercontent.com:sub": "\(pattern)"}}
            """)
        guard case .customPolicy = TrustedEntity.recognizing(try PolicyDocument.parse(text), accountId: Self.account) else {
            Issue.record("\(pattern) was read as an entity")
            return
        }
    }

    @Test("the spec keys read as documented; audience defaults to sts.amazonaws.com with github")
    func specKeys() throws {
        let loaded = try RoleSpecFile.decode("""
            name: ci
            trust:
              webIdentity: token.actions.githubusercontent.com
              github: {organization: octo-org, repository: octo-repo, branch: main}
            """)
        #expect(loaded.spec.trust == .webIdentity(.gitHubActions(GitHubSubject(organization: "octo-org", repository: "octo-repo", branch: "main"))))
        #expect(RoleSpecFile.encode(loaded.spec, format: .yaml).contains("github:"))
        #expect(!RoleSpecFile.encode(loaded.spec, format: .yaml).contains("audience"))
    }

    @Test("bad GitHub names and misplaced claims are validation errors at their line:column")
    func validationErrors() throws {
        let loaded = try RoleSpecFile.decode("""
            name: ci
            trust:
              webIdentity: token.actions.githubusercontent.com
              github:
                organization: -octo
                repository: "a b"
                branch: "feature..x"
            """)
        #expect(loaded.validationErrors().map { "\($0.position?.description ?? "-") \($0.field ?? "")" } == [
            "5:19 trust.github.organization", "6:17 trust.github.repository", "7:13 trust.github.branch",
        ])
        let misplaced = try RoleSpecFile.decode("name: r\ntrust: {webIdentity: accounts.google.com, audience: c, amr: authenticated}\n")
        #expect(misplaced.validationErrors().map(\.field) == ["trust.amr"])
    }

    @Test("GitHub name rules", arguments: [
        ("org", "octo-org", true), ("org", "a", true), ("org", String(repeating: "a", count: 40), false), ("org", "octo_org", false),
        ("org", "octo--org", false), ("org", "octo-", false), ("org", "", false),
        ("repo", "my.repo_1-x", true), ("repo", "..", false), ("repo", "a/b", false), ("repo", "*", false),
        ("branch", "feature/x-1", true), ("branch", "a..b", false), ("branch", "a b", false), ("branch", "x.lock", false),
        ("branch", "*", false), ("branch", "a:b", false), ("branch", "/a", false),
    ])
    func nameRules(kind: String, name: String, valid: Bool) {
        let problem: String? =
            switch kind {
            case "org": GitHubSubject.organizationProblem(name)
            case "repo": GitHubSubject.repositoryProblem(name)
            default: GitHubSubject.branchProblem(name)
            }
        #expect((problem == nil) == valid, "\(name): \(problem ?? "valid")")
    }
}
