import Foundation
import Provisioning
import Testing
import TestSupport

/// Thousands of broken and random policies and spec files, seeded: the JSON
/// parser, the policy decoder and the lint never crash, and every input is
/// either accepted or rejected with a message that says where.
@Suite("Property: policy parser and lint on bad input", .timeLimit(.minutes(10)))
struct PropertyPolicyInputTests {
    static let seed: UInt64 = 0x5EED_2010_0508
    static let samples = [
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["sagemaker.amazonaws.com","lookoutequipment.amazonaws.com"]},"Action":"sts:AssumeRole"}]}"#,
        #"{"Version": "2012-10-17", "Statement": {"Sid": "x", "Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": ["sts:AssumeRole", "sts:TagSession"], "Condition": {"StringEquals": {"sts:ExternalId": "abc"}}}}"#,
        #"{"Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}},"NotResource":"*"}],"Version":"2008-10-17","Id":"e\u00e9\ud83d\ude00"}"#,
        "[1, -2.5e10, true, false, null, \"\\u0041\\n\", {\"a\": {}}, []]",
    ]
    /// Valid specs (each one is checked to be), so mutations near them also
    /// reach the accept path: every kind of trust and every top-level key.
    static let specSamples = [
        """
        name: l4e-role
        description: Lets Lookout for Equipment read S3
        path: /service-role/
        trust:
          services: [sagemaker.amazonaws.com, lookoutequipment.amazonaws.com]
          sourceAccount: true
        policies:
          - AmazonS3FullAccess
          - IAMFullAccess
        tags:
          team: ml
        maxSessionDuration: 7200
        permissionsBoundary: PowerUserAccess
        inlinePolicies:
          ReadData:
            Version: "2012-10-17"
            Statement:
              - {Effect: Allow, Action: [s3:GetObject], Resource: "arn:aws:s3:::l4e/*"}
        """,
        """
        name: ci-deploy
        trust:
          webIdentity: token.actions.githubusercontent.com
          github: {organization: octo-org, repository: octo-repo, branch: main}
        policies: [ReadOnlyAccess]
        """,
        """
        name: ec2-app
        trust: {services: [ec2.amazonaws.com]}
        instanceProfile: false
        """,
        #"{"name": "r", "trust": {"account": "123456789012", "externalId": "abc", "requireMFA": true}, "policies": ["ReadOnlyAccess"], "tags": {"a": "b"}}"#,
        #"{"name": "s", "trust": {"saml": "arn:aws:iam::123456789012:saml-provider/Okta"}}"#,
    ]

    @Test func theJSONParserAcceptsOrNamesALineAndColumn() {
        for (index, text) in PropertyInputs.cases(from: Self.samples, count: 3000, seed: Self.seed).enumerated() {
            do {
                _ = try JSONParser.parse(text)
            } catch {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(error.position.line >= 1 && error.position.line <= lines + 1, "case \(index): \(error)")
                #expect(error.position.column >= 1, "case \(index): \(error)")
                #expect(!error.message.isEmpty, "case \(index) of seed \(Self.seed)")
            }
        }
    }

    @Test func thePolicyDecoderAcceptsOrSaysWhereAndWhy() {
        for (index, text) in PropertyInputs.cases(from: Self.samples, count: 3000, seed: Self.seed &+ 1).enumerated() {
            do {
                let parsed = try PolicyDocument.parseWithSourceMap(text)
                // What parses prints, and what it prints parses to the same document.
                let reparsed = try PolicyDocument.parse(parsed.document.text)
                #expect(reparsed.isEquivalent(to: parsed.document), "case \(index) of seed \(Self.seed &+ 1)")
            } catch {
                #expect(!error.message.isEmpty, "case \(index) of seed \(Self.seed &+ 1)")
                #expect(error.position != nil || error.path != nil, "case \(index): \(error) for \(text.debugDescription)")
            }
        }
    }

    @Test func theTrustPolicyLintAnswersEveryInputWithMessages() {
        let linter = TrustPolicyLinter(today: Date(timeIntervalSince1970: 1_750_000_000))
        for (index, text) in PropertyInputs.cases(from: Self.samples, count: 2000, seed: Self.seed &+ 2).enumerated() {
            let findings = linter.lint(trustPolicy: text, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"])
            for finding in findings {
                #expect(!finding.message.isEmpty, "case \(index) of seed \(Self.seed &+ 2)")
            }
            if (try? JSONParser.parse(text)) == nil {
                #expect(findings.hasErrors, "case \(index): unparsable JSON passed the lint: \(text.debugDescription)")
            }
        }
    }

    @Test func theSpecFileLintAnswersEveryInputWithMessages() {
        let linter = TrustPolicyLinter(today: Date(timeIntervalSince1970: 1_750_000_000))
        for sample in Self.specSamples {
            let path = sample.hasPrefix("{") ? "role.json" : "role.yaml"
            let invalid = linter.lint(fileText: sample, path: path).filter { $0.code == .specInvalid }
            #expect(invalid.isEmpty, "a seed must be a valid spec: \(invalid)")
        }
        let inputs = PropertyInputs.cases(from: Self.specSamples, count: 1500, seed: Self.seed &+ 3)
        var accepted = 0
        for (index, text) in inputs.enumerated() {
            let path = index % 2 == 0 ? "role.yaml" : "role.json"
            let findings = linter.lint(fileText: text, path: path)
            for finding in findings {
                #expect(!finding.message.isEmpty, "case \(index) of seed \(Self.seed &+ 3)")
            }
            if !findings.contains(where: { $0.code == .specInvalid }) { accepted += 1 }
        }
        // Mutations of valid seeds: some still parse, so the accept path (resolve, lint the policies) is fuzzed too.
        #expect(accepted > 0, "no generated spec was accepted; the accept path went untested")
        print("Property spec lint: \(accepted) of \(inputs.count) generated specs accepted")
    }

    @Test func theIdentityPolicyLintAnswersEveryInputWithMessages() {
        let linter = IdentityPolicyLinter(today: Date(timeIntervalSince1970: 1_750_000_000))
        for (index, text) in PropertyInputs.cases(from: Self.samples, count: 2000, seed: Self.seed &+ 4).enumerated() {
            let findings = linter.lint(policy: text)
            for finding in findings {
                #expect(!finding.message.isEmpty, "case \(index) of seed \(Self.seed &+ 4)")
            }
            if (try? JSONParser.parse(text)) == nil {
                #expect(findings.hasErrors, "case \(index): unparsable JSON passed the lint: \(text.debugDescription)")
            }
        }
    }
}
