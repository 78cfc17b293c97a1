import Foundation
import IAMClient
import Testing

@testable import Provisioning

@Suite("Spec files", .timeLimit(.minutes(10)))
struct SpecFileTests {
    /// One spec of each trust kind with every field set.
    static let specs: [RoleSpec] = [
        RoleSpec(
            name: "l4e-role", path: "/ml/", description: "Lookout: ÿ", trust: .awsServices(ServiceTrust(
                services: ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"], sourceAccount: .current)),
            managedPolicies: ["AmazonS3FullAccess", "service-role/AWSGlueServiceRole"],
            tags: [RoleTag(key: "team", value: "ml"), RoleTag(key: "cost", value: "123"), RoleTag(key: "on", value: "true")],
            maxSessionDuration: 7200, permissionsBoundary: "arn:aws:iam::111122223333:policy/Boundary"),
        RoleSpec(
            name: "i", trust: .awsServices(ServiceTrust(services: ["lambda.amazonaws.com"])),
            inlinePolicies: [
                RoleInlinePolicy(name: "S3Read", document: (try? PolicyDocument.parse(InlineFixtures.s3Read))?.text ?? ""),
                RoleInlinePolicy(name: "NotJSON", document: "{not json"),
            ]),
        RoleSpec(name: "a", trust: .awsServices(ServiceTrust(services: ["ec2.amazonaws.com"], sourceAccount: .id("012345678901")))),
        RoleSpec(name: "b", trust: .awsAccount(AccountTrust(account: .id("444455556666"), externalId: "ext", requireMFA: true))),
        RoleSpec(name: "c", trust: .awsAccount(AccountTrust(account: .current))),
        RoleSpec(name: "d", trust: .webIdentity(WebIdentityTrust(provider: "accounts.google.com", audience: "123.apps"))),
        RoleSpec(name: "e", trust: .saml(SAMLTrust(provider: "Okta"))),
        RoleSpec(name: "f", trust: .saml(SAMLTrust(provider: "arn:aws:iam::444455556666:saml-provider/X", audience: "urn:me"))),
        RoleSpec(name: "g", trust: .customPolicy(
            (try? PolicyDocument.parse(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"n": 5}}}]}"#))?.text ?? "")),
    ]

    @Test("round trip through YAML and JSON", arguments: specs, SpecFormat.allCases)
    func roundTrip(spec: RoleSpec, format: SpecFormat) throws {
        let text = RoleSpecFile.encode(spec, format: format)
        let loaded = try RoleSpecFile.decode(text)
        #expect(loaded.format == format)
        #expect(loaded.spec == spec, "\(text)")
    }

    @Test("writes the human-friendly YAML schema")
    func yamlShape() {
        #expect(RoleSpecFile.encode(Self.specs[0], format: .yaml) == """
            name: l4e-role
            path: /ml/
            description: 'Lookout: ÿ'
            trust:
              services:
              - sagemaker.amazonaws.com
              - lookoutequipment.amazonaws.com
              sourceAccount: true
            policies:
            - AmazonS3FullAccess
            - service-role/AWSGlueServiceRole
            tags:
              team: ml
              cost: '123'
              on: 'true'
            maxSessionDuration: 7200
            permissionsBoundary: arn:aws:iam::111122223333:policy/Boundary

            """)
    }

    @Test("reads the documented schema, with an inline policy as a mapping")
    func readSchema() throws {
        let loaded = try RoleSpecFile.decode("""
            name: r
            trust:
              policy:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: ec2.amazonaws.com}
                    Action: sts:AssumeRole
            policies: AmazonS3ReadOnlyAccess
            tags: {empty: , n: 5}
            maxSessionDuration: "3600"
            """)
        #expect(loaded.spec.managedPolicies == ["AmazonS3ReadOnlyAccess"])
        #expect(loaded.spec.tags == [RoleTag(key: "empty", value: ""), RoleTag(key: "n", value: "5")])
        #expect(loaded.spec.maxSessionDuration == 3600)
        guard case .customPolicy(let text) = loaded.spec.trust else {
            Issue.record("expected a custom policy")
            return
        }
        #expect(try PolicyDocument.parse(text).trustedServices == ["ec2.amazonaws.com"])
        #expect(loaded.spec.validate().isEmpty)
    }

    @Test("the policy may also be JSON text")
    func policyText() throws {
        let loaded = try RoleSpecFile.decode(#"{"name": "r", "trust": {"policy": "{\"Statement\": []}"}}"#)
        #expect(loaded.spec.trust == .customPolicy(#"{"Statement": []}"#))
    }

    @Test("errors name the field and its line:column", arguments: [
        ("name: r\ntrust:\n  services: [ec2.amazonaws.com]\nnaem: x\n", "4:1: naem: is not a field here (did you mean \"name\"?); fields: name, path, description, trust, policies, tags, maxSessionDuration, permissionsBoundary, inlinePolicies, instanceProfile"),
        ("name: r\ntrust:\n  services: [ec2.amazonaws.com]\n  sourceAcount: true\n", "4:3: trust.sourceAcount: is not a field here (did you mean \"sourceAccount\"?); fields: services, sourceAccount, account, externalId, requireMFA, webIdentity, saml, audience, github, amr, policy"),
        ("name: r\ntrust: {services: [ec2.amazonaws.com], externalId: x}\n", "2:40: trust.externalId: does not apply to \"services\" trust; it takes services, sourceAccount"),
        ("name: r\ntrust: {services: x.amazonaws.com, account: self}\n", "2:36: trust.account: cannot be combined with \"services\"; a spec has one kind of trust (write a policy for more)"),
        ("name: r\ntrust: {}\n", "2:1: trust: say who may assume the role with one of: services, account, webIdentity, saml or policy"),
        ("trust: {account: self}\n", "1:1: name: is missing; it is required"),
        ("name: [a]\ntrust: {account: self}\n", "1:7: name: must be text, found an array"),
        ("name: r\ntrust: {account: self, requireMFA: yes please}\n", "2:36: trust.requireMFA: must be true or false, found a string"),
        ("name: r\ntrust: {account: self}\nmaxSessionDuration: an hour\n", "3:21: maxSessionDuration: must be a whole number of seconds (3600 to 43200), found a string"),
        ("name: r\ntrust: {account: self}\ntags: [a]\n", "3:1: tags: must be a mapping of tag keys to values (team: ml), found an array"),
        ("name: r\ntrust:\n  policy:\n    Statement:\n      - Effect: Perhaps\n", "5:9: trust.policy.Statement[0].Effect: must be \"Allow\" or \"Deny\", found \"Perhaps\""),
        ("- just\n- a list\n", "1:1: must be a mapping, found an array"),
        ("", "1:1: the file is empty; a spec needs at least name and trust"),
        ("name: r\ntrust: {account: self}\nname: s\n", "1:1: the key \"name\" is written twice"),
        ("name: r\n  trust: x\n", "2:8: YAML syntax: mapping values are not allowed in this context"),
        ("name: [r\n", "2:1: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at 1:7)"),
        ("{\"name\": \"r\",\n \"trust\": {\"account\": \"self\"},}", "2:31: JSON syntax: trailing comma before '}'"),
        ("{\"name\": \"r\", \"name\": \"s\"}", "1:15: name: is written twice"),
        // GitHub and Cognito claims (see ModelFederationClaimsTests).
        ("name: r\ntrust:\n  webIdentity: token.actions.githubusercontent.com\n  github: octo-org\n", "4:3: trust.github: must be a mapping, found a string"),
        ("name: r\ntrust:\n  webIdentity: token.actions.githubusercontent.com\n  github: {repository: x}\n", "4:11: trust.github.organization: is missing; it is required"),
        ("name: r\ntrust:\n  webIdentity: token.actions.githubusercontent.com\n  github: {organization: o, repo: x}\n", "4:29: trust.github.repo: is not a field here; fields: organization, repository, branch"),
        ("name: r\ntrust:\n  webIdentity: cognito-identity.amazonaws.com\n  audience: pool\n  amr: guests\n", "5:8: trust.amr: must be authenticated or unauthenticated, found \"guests\""),
        ("name: r\ntrust: {services: [ec2.amazonaws.com], github: {organization: o}}\n", "2:40: trust.github: does not apply to \"services\" trust; it takes services, sourceAccount"),
    ])
    func errors(text: String, expected: String) {
        do {
            _ = try RoleSpecFile.decode(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test("validation issues point at the field's line:column")
    func validationPositions() throws {
        let loaded = try RoleSpecFile.decode("""
            name: bad name
            trust:
              services:
                - ec2.amazonaws.com
                - sagemaker
            tags:
              ok: fine
              team: "ml!"
            maxSessionDuration: 60
            """)
        #expect(loaded.validationErrors().map { "\($0.position?.description ?? "-") \($0.field ?? "")" } == [
            "1:7 name", "5:7 trust.services[1]", "8:9 tags[1].value", "9:21 maxSessionDuration",
        ])
        #expect(loaded.position(ofField: "trust.services[7]") == SourcePosition(line: 3, column: 3))
        #expect(loaded.position(ofField: "tags[1].key") == SourcePosition(line: 8, column: 3))
        #expect(loaded.position(ofField: "nothing") == nil)
    }

    @Test("format comes from the extension, then the content")
    func formatDetection() {
        #expect(SpecFormat.detect(path: "r.JSON", text: "name: x") == .json)
        #expect(SpecFormat.detect(path: "r.yml", text: "{}") == .yaml)
        #expect(SpecFormat.detect(path: "r.txt", text: "\n  {\"name\": 1}") == .json)
        #expect(SpecFormat.detect(path: nil, text: "name: x") == .yaml)
    }

    @Test("save and load through a file")
    func saveLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["role.yaml", "role.json"] {
            let url = directory.appendingPathComponent(name)
            try RoleSpecFile.save(Self.specs[0], to: url)
            let loaded = try RoleSpecFile.load(from: url)
            #expect(loaded.spec == Self.specs[0])
            #expect(loaded.format == (name.hasSuffix(".json") ? .json : .yaml))
        }
    }
}
