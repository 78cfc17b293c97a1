import Foundation
import Testing
import TestSupport

@testable import Provisioning

/// Condition keys against the generated Service Authorization Reference
/// table, one row per check: a statement that triggers it (the finding at
/// the key), and a close one that does not.
@Suite("Lint: condition keys", .timeLimit(.minutes(10)))
struct LintConditionKeyTests {
    typealias F = LintPolicyFixtures
    typealias Row = LintCheckRow

    static func identity(_ condition: String) -> String {
        #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": "# + condition + "}"
    }

    static func trust(_ condition: String) -> String {
        #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole", "Condition": "# + condition + "}"
    }

    /// Rows whose statement is an identity policy's.
    static let identityRows: [Row] = [
        Row(code: .conditionKeyFormatInvalid, check: "Invalid condition key format",
            triggers: identity(#"{"StringEquals": {"SourceAccount": "111122223333"}}"#), at: #""SourceAccount""#,
            nearMiss: identity(#"{"StringEquals": {"aws:SourceAccount": "111122223333"}}"#)),
        Row(code: .conditionKeyUnknown, check: "Invalid service condition key",
            triggers: identity(#"{"StringEquals": {"s3:prefixx": "home/"}}"#), at: #""s3:prefixx""#,
            nearMiss: identity(#"{"StringEquals": {"S3:Prefix": "home/"}}"#)),
        Row(code: .conditionOperatorTypeMismatch, check: "Type mismatch",
            triggers: identity(#"{"NumericEquals": {"s3:prefix": "1"}}"#), at: #""s3:prefix""#,
            nearMiss: identity(#"{"NumericLessThanEquals": {"s3:max-keys": "10"}}"#)),
        Row(code: .conditionQualifierMissing, check: "Missing qualifier",
            triggers: identity(#"{"StringEquals": {"aws:TagKeys": "team"}}"#), at: #""aws:TagKeys""#,
            nearMiss: identity(#"{"ForAllValues:StringEquals": {"aws:TagKeys": "team"}}"#)),
        Row(code: .forAllValuesSingleValuedKey, check: "ForAllValues with single valued key",
            triggers: identity(#"{"ForAllValues:StringEquals": {"s3:prefix": "home/"}}"#), at: #""s3:prefix""#,
            nearMiss: identity(#"{"ForAllValues:StringEquals": {"aws:TagKeys": "team"}}"#)),
        Row(code: .nullWithQualifier, check: "Null with qualifier",
            triggers: identity(#"{"ForAnyValue:Null": {"aws:TagKeys": "false"}}"#), at: #""aws:TagKeys""#,
            nearMiss: identity(#"{"Null": {"aws:TagKeys": "false"}}"#)),
        Row(code: .conditionMultipleBoolean, check: "Invalid condition multiple Boolean",
            triggers: identity(#"{"Bool": {"aws:SecureTransport": ["true", "false"]}}"#), at: #""aws:SecureTransport""#,
            nearMiss: identity(#"{"Bool": {"aws:SecureTransport": ["true"]}}"#)),
        Row(code: .wildcardWithoutLike, check: "Wildcard without like operator",
            triggers: identity(#"{"StringEquals": {"aws:PrincipalTag/job": "admin-*"}}"#), at: #""aws:PrincipalTag/job""#,
            nearMiss: identity(#"{"StringEquals": {"aws:PrincipalTag/job": "admin-${*}"}}"#)),
        Row(code: .conditionOperatorInvalid, check: "Null with if exists",
            triggers: identity(#"{"NullIfExists": {"aws:TagKeys": "true"}}"#), at: #""NullIfExists""#,
            nearMiss: identity(#"{"Null": {"aws:TagKeys": "true"}}"#)),
    ]

    static func service(_ condition: String) -> String {
        #"{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": "# + condition + "}"
    }

    static func oidc(_ condition: String) -> String {
        #"{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/login.example.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": "# + condition + "}"
    }

    /// Rows whose statement is a trust policy's: STS's keys and the providers' claims it lists.
    static let trustRows: [Row] = [
        Row(code: .serviceConditionKeyRecommended, check: "Recommended condition key for service principal",
            triggers: service(#"{"StringEquals": {"aws:Referer": "example.com"}}"#), at: #""aws:Referer""#,
            nearMiss: service(#"{"StringEquals": {"aws:SourceAccount": "111122223333", "aws:Referer": "example.com"}}"#)),
        Row(code: .audienceClaimTypeUnconfirmed, check: "Confirm audience claim type",
            triggers: oidc(#"{"ForAnyValue:StringEquals": {"login.example.com:aud": "app"}}"#), at: #""login.example.com:aud""#,
            nearMiss: oidc(#"{"StringEquals": {"login.example.com:aud": "app"}}"#)),
        Row(code: .conditionKeyUnknown, check: "Invalid service condition key",
            triggers: trust(#"{"StringEquals": {"sts:ExternalIdd": "x"}}"#), at: #""sts:ExternalIdd""#,
            nearMiss: trust(#"{"StringEquals": {"sts:ExternalId": "x", "token.actions.githubusercontent.com:sub": "repo:o/r:*"}}"#)),
        Row(code: .conditionOperatorTypeMismatch, check: "Type mismatch",
            triggers: trust(#"{"StringEquals": {"sts:DurationSeconds": "3600"}}"#), at: #""sts:DurationSeconds""#,
            nearMiss: trust(#"{"NumericLessThanEquals": {"sts:DurationSeconds": "3600"}}"#)),
    ]

    @Test("each condition-key check triggers at the key in an identity policy, and its near miss does not", arguments: identityRows)
    func identityRow(_ row: Row) {
        let text = F.policy(row.triggers)
        let found = LintIdentityPolicyTests.linter.lint(policy: text).filter { $0.code == row.code }
        #expect(found.compactMap(\.position) == [F.position(of: row.at!, in: text)!], "\(found)")
        #expect(row.code.accessAnalyzerChecks.contains(row.check))
        let near = LintIdentityPolicyTests.linter.lint(policy: F.policy(row.nearMiss))
        #expect(!near.contains { $0.code == row.code }, "near miss: \(near)")
    }

    @Test("and in a trust policy", arguments: trustRows)
    func trustRow(_ row: Row) {
        let text = F.policy(row.triggers)
        #expect(F.positions(row.code, in: text) == [F.position(of: row.at!, in: text)!], "\(F.linter.lint(trustPolicy: text))")
        #expect(F.positions(row.code, in: F.policy(row.nearMiss)).isEmpty, "\(F.linter.lint(trustPolicy: F.policy(row.nearMiss)))")
    }

    @Test("a misspelt service key gets the nearest real one")
    func hint() {
        let finding = F.linter.lint(trustPolicy: F.policy(Self.trust(#"{"StringEquals": {"sts:ExternalID2": "x"}}"#)))
            .first { $0.code == .conditionKeyUnknown }
        #expect(finding?.message.contains("sts:ExternalId") == true, "\(String(describing: finding))")
    }

    @Test("every key of the generated table is known, in any case, with its types' operator; none is unknown (generated)")
    func generatedKeys() {
        var random = SeededRandom(seed: 1414)
        let lines = ConditionKeys.generatedTable.split(separator: "\n").map { $0.split(separator: " ") }
        #expect(lines.count > 1000)
        for _ in 0..<300 {
            let line = lines[Int.random(in: 0..<lines.count, using: &random)]
            // Placeholders stand for any text: fill them in as a policy would.
            let key = String(line[0]).replacing(/\$\{[^}]*\}|<[^>]*>/, with: "team")
            guard case .known(let listed) = ConditionKeys.lookup(random.next() % 2 == 0 ? key.uppercased() : key) else {
                Issue.record("\(key) should be known")
                continue
            }
            let family = ConditionKeys.operatorFamilies(for: listed.types[0])[0]
            let op = (family == "Bool" || family.hasSuffix("IpAddress") ? family : family + "Equals")
            let qualified = listed.types.allSatisfy(\.isMultiValued) ? "ForAnyValue:" + op : op
            let value = ["Bool": "true", "Numeric": "1", "Date": "2026-01-01", "IpAddress": "203.0.113.0/24"][family] ?? "x"
            let text = F.policy(Self.identity(#"{"\#(qualified)": {"\#(key)": "\#(value)"}}"#))
            let findings = LintIdentityPolicyTests.linter.lint(policy: text)
                .filter { [.conditionKeyUnknown, .conditionOperatorTypeMismatch, .conditionQualifierMissing].contains($0.code) }
            #expect(findings.isEmpty, "\(key) with \(qualified): \(findings)")
        }
    }
}
