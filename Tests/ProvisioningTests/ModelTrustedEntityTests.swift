import Testing

@testable import Provisioning

@Suite("Trusted entities", .timeLimit(.minutes(10)))
struct ModelTrustedEntityTests {
    func statement(_ entity: TrustedEntity, partition: String = "aws", account: String? = "111122223333") throws -> PolicyStatement {
        let document = try entity.policyDocument(partition: partition, accountId: account)
        #expect(document.version == "2012-10-17")
        #expect(document.statements.count == 1)
        return try #require(document.statements.first)
    }

    @Test("several services share one sts:AssumeRole statement")
    func services() throws {
        let result = try statement(.services(["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]))
        #expect(result == PolicyStatement(
            principal: .entries([PrincipalEntry(kind: .service, values: ValueList(["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]))]),
            action: ["sts:AssumeRole"]))
    }

    @Test("services with aws:SourceAccount for this account or another")
    func sourceAccount() throws {
        let mine = try statement(.awsServices(ServiceTrust(services: ["glue.amazonaws.com"], sourceAccount: .current)))
        #expect(mine.conditions == [.stringEquals("aws:SourceAccount", "111122223333")])
        let other = try statement(.awsServices(ServiceTrust(services: ["glue.amazonaws.com"], sourceAccount: .id("444455556666"))), account: nil)
        #expect(other.conditions == [.stringEquals("aws:SourceAccount", "444455556666")])
        #expect(throws: RoleSpecValidationError.self) {
            try TrustedEntity.awsServices(ServiceTrust(services: ["glue.amazonaws.com"], sourceAccount: .current))
                .policyDocument(accountId: nil)
        }
    }

    @Test("an AWS account with external ID and MFA, in the given partition")
    func account() throws {
        let result = try statement(
            .awsAccount(AccountTrust(account: .id("444455556666"), externalId: "ext-1", requireMFA: true)), partition: "aws-cn")
        #expect(result.principal == .entries([PrincipalEntry(kind: .aws, values: ["arn:aws-cn:iam::444455556666:root"])]))
        #expect(result.action == ["sts:AssumeRole"])
        #expect(result.conditions == [
            .stringEquals("sts:ExternalId", "ext-1"),
            ConditionClause("Bool", "aws:MultiFactorAuthPresent", [.string("true")]),
        ])
        let mine = try statement(.awsAccount(AccountTrust(account: .current)))
        #expect(mine.principal?.values(of: .aws) == ["arn:aws:iam::111122223333:root"])
        #expect(mine.conditions.isEmpty)
    }

    @Test("web identity: built-in providers, OIDC hosts and ARNs", arguments: [
        ("accounts.google.com", "accounts.google.com", "accounts.google.com:aud"),
        ("www.amazon.com", "www.amazon.com", "www.amazon.com:app_id"),
        ("https://token.actions.githubusercontent.com", "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
            "token.actions.githubusercontent.com:aud"),
        ("arn:aws:iam::444455556666:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
            "arn:aws:iam::444455556666:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC", "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud"),
    ])
    func webIdentity(provider: String, federated: String, audienceKey: String) throws {
        let result = try statement(.webIdentity(WebIdentityTrust(provider: provider, audience: "client-1")))
        #expect(result.principal == .entries([PrincipalEntry(kind: .federated, values: [federated])]))
        #expect(result.action == ["sts:AssumeRoleWithWebIdentity"])
        #expect(result.conditions == [.stringEquals(audienceKey, "client-1")])
    }

    @Test("SAML: provider by ARN or name, SAML:aud condition")
    func saml() throws {
        let result = try statement(.saml(SAMLTrust(provider: "Okta")))
        #expect(result.principal == .entries([PrincipalEntry(kind: .federated, values: ["arn:aws:iam::111122223333:saml-provider/Okta"])]))
        #expect(result.action == ["sts:AssumeRoleWithSAML"])
        #expect(result.conditions == [.stringEquals("SAML:aud", "https://signin.aws.amazon.com/saml")])
        let byArn = try statement(.saml(SAMLTrust(provider: "arn:aws:iam::444455556666:saml-provider/X", audience: "urn:x")), account: nil)
        #expect(byArn.principal?.values(of: .federated) == ["arn:aws:iam::444455556666:saml-provider/X"])
        #expect(byArn.conditions == [.stringEquals("SAML:aud", "urn:x")])
    }

    @Test("a custom policy is parsed as written")
    func custom() throws {
        let text = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole"}]}"#
        let document = try TrustedEntity.customPolicy(text).policyDocument(accountId: nil)
        #expect(document == (try PolicyDocument.parse(text)))
    }

    @Test("resolve builds the DesiredRole with ARNs in the partition")
    func resolve() throws {
        let spec = RoleSpec(
            name: "r", path: "/team/", description: "d", trust: .services(["ec2.amazonaws.com"]),
            managedPolicies: ["AmazonS3ReadOnlyAccess", "service-role/AWSGlueServiceRole", "arn:aws:iam::111122223333:policy/Mine"],
            tags: [.init(key: "team", value: "ml")], maxSessionDuration: 7200, permissionsBoundary: "PowerUserAccess")
        let role = try spec.resolve(partition: "aws-us-gov", accountId: "111122223333")
        #expect(role.roleName == "r")
        #expect(role.path == "/team/")
        #expect(role.description == "d")
        #expect(role.maxSessionDuration == 7200)
        #expect(role.permissionsBoundaryArn == "arn:aws-us-gov:iam::aws:policy/PowerUserAccess")
        #expect(role.policyArns == [
            "arn:aws-us-gov:iam::aws:policy/AmazonS3ReadOnlyAccess",
            "arn:aws-us-gov:iam::aws:policy/service-role/AWSGlueServiceRole",
            "arn:aws:iam::111122223333:policy/Mine",
        ])
        #expect(role.tags == [.init(key: "team", value: "ml")])
        #expect(PolicyDocument.trustEquivalent(role.trustPolicy, try spec.trust.policyDocument(accountId: nil).text))
    }

    @Test("resolve throws every issue at once, and a bad account ID")
    func resolveErrors() {
        let spec = RoleSpec(name: "", trust: .services(["nope"]), maxSessionDuration: 10)
        do {
            _ = try spec.resolve(accountId: "12")
            Issue.record("expected validation errors")
        } catch {
            #expect(error.issues.map(\.field) == ["name", "trust.services[0]", "maxSessionDuration", "accountId"])
        }
    }
}
