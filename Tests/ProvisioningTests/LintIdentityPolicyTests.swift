import Foundation
import Testing
import TestSupport

@testable import Provisioning

/// The identity-policy checks (inline policies), one row per check: a
/// statement that triggers it, where the finding must point, and a close
/// statement that must not trigger it.
@Suite("Lint: identity policies", .timeLimit(.minutes(10)))
struct LintIdentityPolicyTests {
    typealias F = LintPolicyFixtures
    static let linter = IdentityPolicyLinter(today: Date(timeIntervalSince1970: 1_800_000_000))

    typealias Row = LintCheckRow

    static let rows: [Row] = [
        Row(code: .identityPolicyPrincipal, check: "Unsupported principal",
            triggers: #"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "*"}"#, at: #""Principal""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#),
        Row(code: .resourceMissing, check: "Missing resource",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject"}"#, at: nil,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}"#),
        Row(code: .actionMissing, check: "Missing action",
            triggers: #"{"Effect": "Allow", "Resource": "*"}"#, at: nil,
            nearMiss: #"{"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}"#),
        Row(code: .actionInvalid, check: "Invalid action",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*"}"#, at: #""s3:GetObjcet""#,
            nearMiss: #"{"Effect": "Allow", "Action": "S3:getobject", "Resource": "*"}"#),
        Row(code: .actionInvalid, check: "Invalid action",
            triggers: #"{"Effect": "Allow", "Action": ["s3:Get*", "dynamodb:Frobnicate*"], "Resource": "*"}"#, at: #""dynamodb:Frobnicate*""#,
            nearMiss: #"{"Effect": "Allow", "Action": ["s3:Get*", "dynamodb:Get*"], "Resource": "*"}"#),
        Row(code: .actionInvalid, check: "Invalid action",
            triggers: #"{"Effect": "Allow", "Action": "s3GetObject", "Resource": "*"}"#, at: #""s3GetObject""#,
            nearMiss: #"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#),
        Row(code: .actionServiceInvalid, check: "Invalid service in action",
            triggers: #"{"Effect": "Allow", "Action": "lamda:InvokeFunction", "Resource": "*"}"#, at: #""lamda:InvokeFunction""#,
            nearMiss: #"{"Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "*"}"#),
        Row(code: .passRoleWildcardResource, check: "Pass role with star in resource",
            triggers: #"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}"#, at: #""*""#,
            nearMiss: #"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app"}"#),
        Row(code: .passRoleWildcardResource, check: "Pass role with star in action and resource",
            triggers: #"{"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::*:role/*"}"#, at: #""arn:aws:iam::*:role/*""#,
            nearMiss: #"{"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}"#),
        Row(code: .passRoleWildcardResource, check: "Pass role with star in resource and NotAction",
            triggers: #"{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}"#, at: #""*""#,
            nearMiss: #"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#),
        Row(code: .passRoleNotResource, check: "Pass role with NotResource",
            triggers: #"{"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::123456789012:role/admin"}"#, at: #""NotResource""#,
            nearMiss: #"{"Effect": "Deny", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::123456789012:role/app"}"#),
        Row(code: .createSLRWildcardResource, check: "Create SLR with star in resource",
            triggers: #"{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*"}"#, at: #""*""#,
            nearMiss: #"{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*", "Condition": {"StringEquals": {"iam:AWSServiceName": "elasticbeanstalk.amazonaws.com"}}}"#),
        Row(code: .createSLRNotResource, check: "Create SLR with NotResource",
            triggers: #"{"Effect": "Allow", "Action": "iam:Create*", "NotResource": "arn:aws:iam::123456789012:role/x"}"#, at: #""NotResource""#,
            nearMiss: #"{"Effect": "Allow", "Action": "iam:CreateRole", "NotResource": "arn:aws:iam::123456789012:role/x"}"#),
        Row(code: .emptyArrayResource, check: "Empty array resource",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": []}"#, at: #""Resource""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["*"]}"#),
        Row(code: .actionRedundant, check: "Redundant action",
            triggers: #"{"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject"], "Resource": "*"}"#, at: #""s3:GetObject""#,
            nearMiss: #"{"Effect": "Allow", "Action": ["s3:Get*", "s3:PutObject"], "Resource": "*"}"#),
        Row(code: .resourceRedundant, check: "Redundant resource",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/k"]}"#, at: #""arn:aws:s3:::b/k""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::B/k"]}"#),
        Row(code: .actionServiceWildcard, check: "Wildcard in service name",
            triggers: #"{"Effect": "Allow", "Action": "s3*:GetObject", "Resource": "*"}"#, at: #""s3*:GetObject""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject*", "Resource": "*"}"#),
        Row(code: .arnPrefixInvalid, check: "Invalid ARN prefix",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "s3:::bucket/*"}"#, at: #""s3:::bucket/*""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}"#),
        Row(code: .arnFieldMissing, check: "Missing ARN field",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:bucket/*"}"#, at: #""arn:aws:s3:bucket/*""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/a:b:c"}"#),
        Row(code: .arnPartitionInvalid, check: "Invalid partition",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:amazon:s3:::bucket/*"}"#, at: #""arn:amazon:s3:::bucket/*""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws-cn:s3:::bucket/*", "arn:${aws:partition}:s3:::b/*"]}"#),
        Row(code: .arnServiceInvalid, check: "Invalid service",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s4:::bucket/*"}"#, at: #""arn:aws:s4:::bucket/*""#,
            nearMiss: #"{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:111122223333:api/*"}"#),
        Row(code: .arnServiceCaseInvalid, check: "Invalid ARN service case",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:S3:::bucket/*"}"#, at: #""arn:aws:S3:::bucket/*""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3*:::bucket/*"}"#),
        Row(code: .arnRegionInvalid, check: "Invalid ARN Region",
            triggers: #"{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:cn-north-1:111122223333:q"}"#,
            at: #""arn:aws:sqs:cn-north-1:111122223333:q""#,
            nearMiss: #"{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws-cn:sqs:cn-north-1:111122223333:q"}"#),
        Row(code: .arnAccountInvalid, check: "Invalid ARN account",
            triggers: #"{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:1111:q"}"#,
            at: #""arn:aws:sqs:us-east-1:1111:q""#,
            nearMiss: #"{"Effect": "Allow", "Action": "iam:GetPolicy", "Resource": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:sqs:*:*:q"]}"#),
        Row(code: .missingStatement, check: "Missing statement",
            triggers: "", at: #""Statement""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#),
        Row(code: .unknownElement, check: "Invalid policy element",
            triggers: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Resources": "*"}"#, at: #""Resources""#,
            nearMiss: #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#),
    ]

    static func policy(_ statement: String) -> String {
        statement.isEmpty ? "{\"Version\": \"2012-10-17\", \"Statement\": []}" : F.policy(statement)
    }

    @Test("each check triggers at its place, at Access Analyzer's severity, and its near miss does not", arguments: rows)
    func row(_ row: Row) {
        let text = Self.policy(row.triggers)
        let found = Self.linter.lint(policy: text).filter { $0.code == row.code }
        let expected = row.at.map { F.position(of: $0, in: text)! } ?? SourcePosition(line: 2, column: 1)
        #expect(found.compactMap(\.position) == [expected], "\(found)")
        #expect(row.code.accessAnalyzerChecks.contains(row.check))
        #expect(found.allSatisfy { if case .identityPolicy = $0.subject { true } else { false } })
        let near = Self.linter.lint(policy: Self.policy(row.nearMiss))
        #expect(!near.contains { $0.code == row.code }, "near miss: \(near)")
    }

    @Test("every identity-policy code has a row")
    func everyCodeHasARow() {
        let identityCodes: Set<LintCode> = [
            .identityPolicyPrincipal, .resourceMissing, .actionMissing, .actionInvalid, .actionServiceInvalid,
            .passRoleWildcardResource, .passRoleNotResource, .createSLRWildcardResource, .createSLRNotResource,
            .emptyArrayResource, .actionRedundant, .resourceRedundant, .arnPrefixInvalid, .arnFieldMissing, .arnPartitionInvalid,
            .arnServiceInvalid, .arnServiceCaseInvalid, .arnRegionInvalid, .arnAccountInvalid,
        ]
        #expect(identityCodes.subtracting(Self.rows.map(\.code)).isEmpty)
    }

    @Test("a policy over the quota is an error (Access Analyzer: a general warning), one at it is not")
    func size() {
        let linter = IdentityPolicyLinter(sizeQuota: 200)
        let statement = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k"}"#
        var text = Self.policy(statement)
        while PolicyDocument.iamSize(of: text) <= 200 { text = Self.policy(Array(repeating: statement, count: text.count / 60 + 1).joined(separator: ",")) }
        #expect(linter.lint(policy: text).contains { $0.code == .identityPolicyTooLarge && $0.severity == .error })
        #expect(IdentityPolicyLinter(sizeQuota: PolicyDocument.iamSize(of: text)).lint(policy: text).allSatisfy { $0.code != .identityPolicyTooLarge })
        #expect(LintCode.identityPolicyTooLarge.accessAnalyzerChecks == ["Policy size exceeds identity policy quota"])
    }

    @Test("a misspelt action gets the service's nearest action as a hint")
    func hint() {
        let finding = Self.linter.lint(policy: Self.policy(#"{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*"}"#))
            .first { $0.code == .actionInvalid }
        #expect(finding?.message.contains("s3:GetObject") == true)
        let service = Self.linter.lint(policy: Self.policy(#"{"Effect": "Allow", "Action": "lamda:InvokeFunction", "Resource": "*"}"#))
            .first { $0.code == .actionServiceInvalid }
        #expect(service?.message.contains("lambda") == true)
    }

    @Test("every action of the generated table is known, in any case; one letter changed is not (generated)")
    func generatedActions() {
        var random = SeededRandom(seed: 14)
        let prefixes = ServiceActions.byPrefix.keys.sorted()
        #expect(prefixes.count > 400)
        for _ in 0..<500 {
            let prefix = prefixes[Int.random(in: 0..<prefixes.count, using: &random)]
            guard let actions = ServiceActions.byPrefix[prefix], !actions.isEmpty else { continue }
            let action = actions[Int.random(in: 0..<actions.count, using: &random)]
            #expect(ServiceActions.verdict(for: "\(prefix):\(action)") == .known)
            #expect(ServiceActions.verdict(for: "\(prefix.uppercased()):\(action.lowercased())") == .known)
            let mangled = action + "Zq"
            if case .unknownAction = ServiceActions.verdict(for: "\(prefix):\(mangled)") {} else {
                Issue.record("\(prefix):\(mangled) should be unknown")
            }
        }
    }

    @Test("the trust checks stay out of identity policies and the identity checks out of trust policies")
    func kindsApart() {
        let identity = Self.linter.lint(policy: Self.policy(#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#))
        #expect(identity.isEmpty, "\(identity)")
        let trust = F.linter.lint(trustPolicy: F.policy(#"{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}"#))
        #expect(!trust.contains { [.resourceMissing, .actionInvalid].contains($0.code) })
    }

    @Test("a spec's inline policies are linted, named by policy and element")
    func specInlinePolicies() {
        let spec = """
            name: app
            trust:
              services: [ec2.amazonaws.com]
            inlinePolicies:
              pass: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}
            """
        let findings = F.linter.lint(specText: spec, path: "app.yaml")
        let pass = findings.first { $0.code == .passRoleWildcardResource }
        #expect(pass?.message.hasPrefix(#"inline policy "pass" Statement[0].Resource[0]: "#) == true, "\(findings)")
        #expect(pass?.position?.line == 5)
    }
}
