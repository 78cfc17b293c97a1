import Foundation
import Testing

@testable import Provisioning

/// The table of every Access Analyzer check rolewiz implements for trust
/// policies: for each, a document that triggers it, where the finding must
/// be, and a close document that must not trigger it. With the identity and
/// condition-key tables (LintIdentityPolicyTests, LintConditionKeyTests), every
/// code that names a reference check has a row, so a check without one fails.
@Suite("Lint: the check table", .timeLimit(.minutes(10)))
struct LintCheckTableTests {
    typealias F = LintPolicyFixtures

    typealias Row = LintCheckRow

    static func statement(_ text: String) -> String { F.policy(text) }
    static let ok = #"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}"#
    static let lambda = #"{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}"#
    static let github = #""Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity""#
    static func account(condition: String) -> String {
        statement(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole", "Condition": "# + condition + "}")
    }

    static let rows: [Row] = [
        Row(code: .jsonSyntax, check: "Json syntax error", triggers: "{\"Version\": \"2012-10-17\", \"Statement\": [\n" + ok + ",]}", at: "]}",
            nearMiss: statement(ok)),
        Row(code: .policyStructure, check: "Invalid effect",
            triggers: statement(#"{"Effect": "Permit", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#), at: #""Effect""#,
            nearMiss: statement(ok)),
        Row(code: .missingStatement, check: "Missing statement", triggers: #"{"Version": "2012-10-17"}"#, at: nil,
            nearMiss: statement(ok)),
        Row(code: .versionInvalid, check: "Invalid version",
            triggers: "{\"Version\": \"2012-10-18\", \"Statement\": [\n" + ok + "]}", at: #""Version""#, nearMiss: statement(ok)),
        Row(code: .versionMissing, check: "Missing version", triggers: "{\"Statement\": [\n" + ok + "]}", at: nil, nearMiss: statement(ok)),
        Row(code: .unknownElement, check: "Invalid policy element",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Actions": "x"}"#),
            at: #""Actions""#, nearMiss: statement(ok)),
        Row(code: .trustPrincipalMissing, check: "Missing principal",
            triggers: statement(#"{"Effect": "Allow", "Action": "sts:AssumeRole"}"#), at: #"{"Effect""#, nearMiss: statement(ok)),
        Row(code: .trustActionMissing, check: "Missing action",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}}"#), at: #"{"Effect""#, nearMiss: statement(ok)),
        Row(code: .trustNotPrincipal, check: "Role trust policy syntax error notprincipal",
            triggers: statement(#"{"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#),
            at: #""NotPrincipal""#, nearMiss: statement(ok)),
        Row(code: .trustResource, check: "Role trust policy syntax error resource",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Resource": "*"}"#),
            at: #""Resource""#, nearMiss: statement(ok)),
        Row(code: .trustPrincipalWildcard, check: "Role trust policy unsupported wildcard in principal",
            triggers: statement(#"{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}"#), at: #""Principal""#,
            nearMiss: account(condition: #"{"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}"#)),
        Row(code: .trustPrincipalWildcardInArn, check: "Unsupported wildcard in principal",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/*"}, "Action": "sts:AssumeRole"}"#),
            at: #""arn:aws:iam::111122223333:user/*""#, nearMiss: statement(ok)),
        Row(code: .trustServicePrincipalMalformed, check: "Invalid service principal format",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"Service": "lambda"}, "Action": "sts:AssumeRole"}"#), at: #""lambda""#,
            nearMiss: statement(lambda)),
        Row(code: .trustActionInvalid, check: "Unsupported action in policy",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject"}"#), at: #""s3:GetObject""#,
            nearMiss: statement(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:Assume*"}"#)),
        Row(code: .trustServiceConfusedDeputy, check: "Restrict access to service principal",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}"#),
            at: #""Service""#, nearMiss: statement(lambda)),
        Row(code: .statementDuplicate, check: "Redundant statement",
            triggers: F.policy(ok, #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}"#),
            at: #"{"Effect":"Allow""#, nearMiss: statement(ok)),
        Row(code: .principalDuplicate, check: "Redundant principal in role trust policy",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": ["111122223333", "111122223333"]}, "Action": "sts:AssumeRole"}"#),
            at: #""111122223333"]"#,
            nearMiss: statement(#"{"Effect": "Allow", "Principal": {"AWS": ["111122223333", "444455556666"]}, "Action": "sts:AssumeRole"}"#)),
        Row(code: .sidUnsupported, check: "Unsupported Sid",
            triggers: statement(#"{"Sid": "a b", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#),
            at: #""Sid""#, nearMiss: statement(#"{"Sid": "AB1", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#)),
        Row(code: .sidNotUnique, check: "Unique Sids recommended",
            triggers: F.policy(#"{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#,
                               #"{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:TagSession"}"#),
            at: #""Sid": "A", "Effect": "Allow", "Principal": {"AWS": "444455556666"}"#,
            nearMiss: F.policy(#"{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#,
                               #"{"Sid": "B", "Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:TagSession"}"#)),
        Row(code: .sidEmpty, check: "Empty Sid value",
            triggers: statement(#"{"Sid": "", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#),
            at: #""Sid""#, nearMiss: statement(ok)),
        Row(code: .trustFederatedPrincipalMalformed, check: "Invalid federated principal syntax in role trust policy",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"Federated": "token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}"#),
            at: #""token.actions.githubusercontent.com""#,
            nearMiss: statement(#"{"Effect": "Allow", "Principal": {"Federated": "accounts.google.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"accounts.google.com:aud": "app"}}}"#)),
        Row(code: .mismatchedActionForPrincipal, check: "Mismatched action for principal",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRoleWithSAML"}"#),
            at: #""sts:AssumeRoleWithSAML""#, nearMiss: statement(lambda)),
        Row(code: .rolesAnywhereMissingAction, check: "Missing action for roles anywhere trust policy",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}"#),
            at: #""Action""#,
            nearMiss: statement(#"{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"], "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}"#)),
        Row(code: .oidcConditionMissing, check: "Missing condition key for oidc principal",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/login.example.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}"#),
            at: #""arn:aws:iam::111122223333:oidc-provider/login.example.com""#,
            nearMiss: statement(#"{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/login.example.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"login.example.com:aud": "app"}}}"#)),
        Row(code: .gitHubRepoConditionMissing, check: "Missing github repo condition key",
            triggers: statement(#"{"Effect": "Allow", "# + github + #", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}"#),
            at: #""arn:aws:iam::111122223333:oidc-provider/"#,
            nearMiss: statement(#"{"Effect": "Allow", "# + github + #", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}}}"#)),
        Row(code: .gitHubSubjectTooBroad, check: "Specific github repo and branch recommended",
            triggers: statement(#"{"Effect": "Allow", "# + github + #", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/*"}}}"#),
            at: #""repo:o/*""#,
            nearMiss: statement(#"{"Effect": "Allow", "# + github + #", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}}}"#)),
        Row(code: .emptyArrayAction, check: "Empty array action",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": []}"#), at: #""Action""#, nearMiss: statement(ok)),
        Row(code: .emptyArrayPrincipal, check: "Empty array principal",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": []}, "Action": "sts:AssumeRole"}"#), at: #""AWS""#, nearMiss: statement(ok)),
        Row(code: .emptyArrayCondition, check: "Empty array condition",
            triggers: account(condition: #"{"StringEquals": {"sts:ExternalId": []}}"#), at: #""sts:ExternalId""#,
            nearMiss: account(condition: #"{"StringEquals": {"sts:ExternalId": ["x"]}}"#)),
        Row(code: .emptyArrayConditionForAllValues, check: "Empty array condition ForAllValues",
            triggers: account(condition: #"{"ForAllValues:StringEquals": {"aws:TagKeys": []}}"#), at: #""aws:TagKeys""#,
            nearMiss: account(condition: #"{"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}"#)),
        Row(code: .emptyArrayConditionForAnyValue, check: "Empty array condition ForAnyValue",
            triggers: account(condition: #"{"ForAnyValue:StringEquals": {"aws:TagKeys": []}}"#), at: #""aws:TagKeys""#,
            nearMiss: account(condition: #"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}}"#)),
        Row(code: .emptyArrayConditionIfExists, check: "Empty array condition IfExists",
            triggers: account(condition: #"{"StringEqualsIfExists": {"sts:ExternalId": []}}"#), at: #""sts:ExternalId""#,
            nearMiss: account(condition: #"{"StringEqualsIfExists": {"sts:ExternalId": ["x"]}}"#)),
        Row(code: .emptyObjectCondition, check: "Empty object condition", triggers: account(condition: "{}"), at: #""Condition""#,
            nearMiss: account(condition: #"{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"#)),
        Row(code: .actionServiceWildcard, check: "Wildcard in service name",
            triggers: statement(#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "st*:AssumeRole"}"#), at: #""st*:AssumeRole""#,
            nearMiss: statement(ok)),
        Row(code: .conditionOperatorInvalid, check: "Invalid condition operator",
            triggers: account(condition: #"{"StringEqual": {"sts:ExternalId": "x"}}"#), at: #""StringEqual""#,
            nearMiss: account(condition: #"{"StringEquals": {"sts:ExternalId": "x"}}"#)),
        Row(code: .policyVariableMalformed, check: "Missing brace in variable",
            triggers: account(condition: #"{"StringEquals": {"aws:PrincipalTag/team": "${aws:username"}}"#), at: #""${aws:username""#,
            nearMiss: account(condition: #"{"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}}"#)),
        Row(code: .forAllValuesSingleValuedKey, check: "ForAllValues with single valued key",
            triggers: account(condition: #"{"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}"#), at: #""aws:PrincipalOrgID""#,
            nearMiss: account(condition: #"{"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}"#)),
        Row(code: .conditionBooleanMismatch, check: "Type mismatch Boolean",
            triggers: account(condition: #"{"Bool": {"aws:MultiFactorAuthPresent": "yes"}}"#), at: #""yes""#,
            nearMiss: account(condition: #"{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"#)),
        Row(code: .conditionIPRangeMismatch, check: "Type mismatch IP range",
            triggers: account(condition: #"{"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}}"#), at: #""203.0.113.0/33""#,
            nearMiss: account(condition: #"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#)),
        Row(code: .conditionNumberMismatch, check: "Type mismatch number",
            triggers: account(condition: #"{"NumericLessThan": {"aws:MultiFactorAuthAge": "one hour"}}"#), at: #""one hour""#,
            nearMiss: account(condition: #"{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}"#)),
        Row(code: .conditionDateMismatch, check: "Type mismatch date",
            triggers: account(condition: #"{"DateLessThan": {"aws:CurrentTime": "tomorrow"}}"#), at: #""tomorrow""#,
            nearMiss: account(condition: #"{"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}"#)),
        Row(code: .conditionKeyDuplicateCase, check: "Duplicate keys with different case",
            triggers: account(condition: #"{"StringEquals": {"sts:ExternalId": "x", "sts:externalid": "y"}}"#), at: #""sts:externalid""#,
            nearMiss: account(condition: #"{"StringEquals": {"sts:ExternalId": "x"}, "StringLike": {"sts:externalid": "y*"}}"#)),
    ]

    @Test("each trust check triggers at its place, at its severity, and its near miss does not", arguments: rows)
    func row(_ row: Row) {
        let found = F.linter.lint(trustPolicy: row.triggers).filter { $0.code == row.code }
        let expected = row.at.map { F.position(of: $0, in: row.triggers)! } ?? SourcePosition(line: 1, column: 1)
        #expect(found.compactMap(\.position) == [expected], "\(found) in \(row.triggers)")
        #expect(row.code.accessAnalyzerChecks.contains(row.check), "\(row.code.rawValue) does not name \(row.check)")
        let near = F.linter.lint(trustPolicy: row.nearMiss)
        #expect(!near.contains { $0.code == row.code }, "near miss: \(near)")
    }

    @Test("every code that names a reference check has a row in one of the tables")
    func everyCheckHasARow() {
        let covered = Set(Self.rows.map(\.code)).union(LintIdentityPolicyTests.rows.map(\.code))
            .union(LintConditionKeyTests.identityRows.map(\.code)).union(LintConditionKeyTests.trustRows.map(\.code))
        // Checks whose trigger is not one document (a quota, an account's provider list) have tests of their own.
        let elsewhere: Set<LintCode> = [.trustPolicyTooLarge, .identityPolicyTooLarge, .federatedProviderMissing]
        let missing = LintCode.allCases.filter { !$0.accessAnalyzerChecks.isEmpty && !covered.contains($0) && !elsewhere.contains($0) }
        #expect(missing.isEmpty, "no row: \(missing.map(\.rawValue))")
    }
}
