import IAMClient
import Testing

@testable import Provisioning

@Suite("Recognizing trust policies and existing roles", .timeLimit(.minutes(10)))
struct ModelRecognitionTests {
    static let entities: [TrustedEntity] = [
        .services(["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]),
        .awsServices(ServiceTrust(services: ["glue.amazonaws.com"], sourceAccount: .current)),
        .awsServices(ServiceTrust(services: ["glue.amazonaws.com"], sourceAccount: .id("444455556666"))),
        .awsAccount(AccountTrust(account: .current)),
        .awsAccount(AccountTrust(account: .id("444455556666"), externalId: "ext", requireMFA: true)),
        .webIdentity(WebIdentityTrust(provider: "accounts.google.com", audience: "client")),
        .webIdentity(WebIdentityTrust(provider: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com", audience: "sts.amazonaws.com")),
        .saml(SAMLTrust(provider: "arn:aws:iam::111122223333:saml-provider/Okta")),
        .saml(SAMLTrust(provider: "arn:aws:iam::111122223333:saml-provider/Okta", audience: "urn:x")),
    ]

    @Test("every entity's policy is recognized as that entity", arguments: entities)
    func roundTrip(entity: TrustedEntity) throws {
        let document = try entity.policyDocument(accountId: "111122223333")
        #expect(TrustedEntity.recognizing(document, accountId: "111122223333") == entity)
    }

    @Test("the console's two service statements read as one services entity")
    func twoStatements() throws {
        let document = try PolicyDocument.parse("""
            { "Version": "2012-10-17", "Statement": [
              { "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole" },
              { "Effect": "Allow", "Principal": { "Service": "lookoutequipment.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }
            """)
        #expect(TrustedEntity.recognizing(document, accountId: nil) == .services(["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]))
    }

    @Test("anything an entity would not reproduce stays a custom policy", arguments: [
        #"{"Version": "2012-10-17", "Statement": [{"Sid": "S", "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#,
        #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}"#,
        #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}"#,
        #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "a.amazonaws.com"}, "Action": "sts:AssumeRole"}, {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}"#,
    ])
    func custom(text: String) throws {
        let document = try PolicyDocument.parse(text)
        guard case .customPolicy(let kept) = TrustedEntity.recognizing(document, accountId: "111122223333") else {
            Issue.record("expected a custom policy")
            return
        }
        #expect(try PolicyDocument.parse(kept) == document)
    }

    @Test("an existing role becomes a spec that resolves back to it")
    func existingRole() throws {
        let trust = try TrustedEntity.services(["sagemaker.amazonaws.com"]).policyDocument(accountId: nil).text
        let role = ExistingRole(
            roleName: "l4e-role", roleId: "AROA1", arn: "arn:aws:iam::111122223333:role/ml/l4e-role", path: "/ml/",
            assumeRolePolicyDocument: trust, description: "d", maxSessionDuration: 3600,
            permissionsBoundaryArn: "arn:aws:iam::111122223333:policy/Boundary", tags: [RoleTag(key: "team", value: "ml")])
        let arns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole",
            "arn:aws:iam::111122223333:policy/Mine"]
        let spec = RoleSpec(existing: role, attachedPolicyArns: arns, accountId: "111122223333")
        #expect(spec == RoleSpec(
            name: "l4e-role", path: "/ml/", description: "d", trust: .services(["sagemaker.amazonaws.com"]),
            managedPolicies: ["AmazonS3FullAccess", "service-role/AWSGlueServiceRole", "arn:aws:iam::111122223333:policy/Mine"],
            tags: [RoleTag(key: "team", value: "ml")], permissionsBoundary: "arn:aws:iam::111122223333:policy/Boundary"))
        let desired = try spec.resolve(accountId: "111122223333")
        #expect(desired.policyArns == arns)
        #expect(PolicyDocument.trustEquivalent(desired.trustPolicy, trust))
    }

    @Test("a trust policy IAM cannot parse is kept as text")
    func unparsable() {
        let role = ExistingRole(roleName: "r", roleId: "AROA1", arn: "arn:aws:iam::111122223333:role/r", assumeRolePolicyDocument: "{not json")
        #expect(RoleSpec(existing: role, attachedPolicyArns: [], accountId: nil).trust == .customPolicy("{not json"))
    }
}
