import Foundation
import Testing

@testable import Provisioning

/// How much of Access Analyzer's policy check reference rolewiz's lint
/// covers, measured against the reference itself (shared/reference beside
/// the repository), so a new check shows up as progress and a mistyped
/// mapping as a failure.
@Suite("Lint: Access Analyzer coverage", .timeLimit(.minutes(10)))
struct LintCoverageTests {
    static let reference = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/reference/access-analyzer-policy-checks.md")

    /// Reference checks that concern role trust policies: about principals,
    /// federation, Sids, statements and the document's shape.
    static let trustPolicyChecks: Set<String> = [
        "Json syntax error", "Missing statement", "Invalid version", "Missing version", "Missing principal",
        "Missing action", "Invalid policy element", "Role trust policy syntax error notprincipal",
        "Role trust policy syntax error resource", "Role trust policy unsupported wildcard in principal",
        "Unsupported wildcard in principal", "Invalid service principal format", "Policy size exceeds role trust policy quota",
        "Restrict access to service principal", "Redundant statement", "Redundant principal in role trust policy",
        "Unsupported Sid", "Unique Sids recommended", "Empty Sid value",
        "Invalid federated principal syntax in role trust policy", "Mismatched action for principal",
        "Missing action for roles anywhere trust policy", "Missing condition key for oidc principal",
        "Missing github repo condition key", "Specific github repo and branch recommended", "Empty array action",
        "Empty array principal", "Empty array condition", "Empty object condition", "Wildcard in service name",
        "Empty object principal", "Invalid principal format", "Invalid principal key", "Federated principal not supported",
        "Invalid condition operator", "Empty array condition ForAllValues", "Empty array condition ForAnyValue",
        "Empty array condition IfExists", "ForAllValues with single valued key", "Type mismatch Boolean",
        "Type mismatch IP range", "Type mismatch number", "Type mismatch date", "Missing brace in variable", "Confirm audience claim type",
        "Recommended condition key for service principal", "Unsupported condition key for service principal",
        "Invalid effect", "Missing effect", "Duplicate keys with different case",
        "Invalid condition key format", "Invalid service condition key", "Type mismatch", "Missing qualifier",
        "Invalid condition multiple Boolean", "Wildcard without like operator", "Null with qualifier", "Null with if exists",
    ]

    /// Reference checks that concern identity policies (inline policies): the
    /// document's shape, actions, resources, PassRole and conditions.
    static let identityPolicyChecks: Set<String> = [
        "Json syntax error", "Missing statement", "Invalid version", "Missing version", "Missing action", "Missing resource",
        "Invalid policy element", "Unsupported principal", "Invalid action", "Invalid service in action", "Wildcard in service name",
        "Redundant statement", "Redundant action", "Redundant resource", "Empty array action", "Empty array resource",
        "Unsupported Sid", "Unique Sids recommended", "Empty Sid value", "Invalid effect", "Missing effect",
        "Pass role with star in resource", "Pass role with star in action and resource", "Pass role with star in resource and NotAction",
        "Pass role with NotResource", "Pass role with star in action and NotResource", "Pass role with NotAction and NotResource",
        "Create SLR with star in resource", "Create SLR with star in action and resource", "Create SLR with star in resource and NotAction",
        "Create SLR with NotResource", "Create SLR with star in action and NotResource", "Create SLR with NotAction and NotResource",
        "Invalid condition operator", "Invalid condition key format", "Invalid service condition key", "Type mismatch",
        "Missing qualifier", "Invalid condition multiple Boolean", "Wildcard without like operator", "Null with qualifier",
        "Null with if exists", "ForAllValues with single valued key", "Duplicate keys with different case", "Type mismatch Boolean",
        "Type mismatch IP range", "Type mismatch number", "Type mismatch date", "Missing brace in variable",
        "Empty array condition", "Empty object condition", "Empty array condition ForAllValues", "Empty array condition ForAnyValue",
        "Empty array condition IfExists", "Policy size exceeds identity policy quota", "Invalid global condition key",
        "Missing paired condition keys", "Invalid ARN prefix", "Invalid ARN resource", "Invalid ARN Region", "Invalid ARN account",
        "Missing ARN field", "Invalid partition", "Invalid service", "Invalid ARN service case", "Federated principal not supported",
    ]

    /// Where rolewiz's severity is deliberately not Access Analyzer's (see README).
    static let severityDifferences: [LintCode: LintSeverity] = [
        .unknownElement: .error,
        .trustPolicyTooLarge: .warning,
        .identityPolicyTooLarge: .warning,
    ]

    /// `(severity, title)` for each `## Severity – Title` heading of the reference.
    static func referenceChecks() throws -> [(LintSeverity, String)] {
        let text = try String(contentsOf: reference, encoding: .utf8)
        let severities: [String: LintSeverity] = [
            "Error": .error, "Security Warning": .securityWarning, "General Warning": .warning, "Suggestion": .suggestion,
        ]
        return text.split(separator: "\n").compactMap { line -> (LintSeverity, String)? in
            guard line.hasPrefix("## "), let dash = line.range(of: " – ") else { return nil }
            let kind = String(line[line.index(line.startIndex, offsetBy: 3)..<dash.lowerBound])
            let title = String(line[dash.upperBound...].prefix { $0 != "<" })
            return severities[kind].map { ($0, title) }
        }
    }

    @Test("every mapped code names a check in the reference, at its severity",
        .enabled(if: FileManager.default.fileExists(atPath: reference.path)))
    func mappingsExist() throws {
        let checks = try Self.referenceChecks()
        #expect(checks.count > 100)
        for code in LintCode.allCases {
            for title in code.accessAnalyzerChecks {
                let found = checks.filter { $0.1 == title }
                #expect(!found.isEmpty, "\(code.rawValue) names \"\(title)\", which the reference does not have")
                let expected = Self.severityDifferences[code] ?? code.severity
                #expect(found.contains { $0.0 == expected }, "\(code.rawValue) is a \(code.severity.label), \"\(title)\" is not")
            }
        }
    }

    @Test("the checks POLICY_STRUCTURE stands for are parse errors", arguments: [
        #"{"Effect": "Permit", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#,
        #"{"Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}"#,
        #"{"Effect": "Allow", "Principal": {"Account": "111122223333"}, "Action": "sts:AssumeRole"}"#,
        #"{"Effect": "Allow", "Principal": "111122223333", "Action": "sts:AssumeRole"}"#,
    ])
    func structureChecks(statement: String) {
        #expect(LintPolicyFixtures.linter.lint(trustPolicy: LintPolicyFixtures.policy(statement)).map(\.code) == [.policyStructure])
    }

    @Test("coverage of the reference's trust policy checks",
        .enabled(if: FileManager.default.fileExists(atPath: reference.path)))
    func coverageTable() throws {
        let covered = try Self.printCoverage(of: Self.trustPolicyChecks, named: "trust policy")
        #expect(covered >= 56)
    }

    @Test("coverage of the reference's identity policy checks",
        .enabled(if: FileManager.default.fileExists(atPath: reference.path)))
    func identityCoverageTable() throws {
        let covered = try Self.printCoverage(of: Self.identityPolicyChecks, named: "identity policy")
        #expect(covered >= 63)
    }

    /// Prints the reference's checks in `wanted` with the codes that stand for
    /// them (`-` for none, so a missing one shows); returns how many have one.
    static func printCoverage(of wanted: Set<String>, named kind: String) throws -> Int {
        let checks = try referenceChecks()
        let titles = Set(checks.map(\.1))
        #expect(wanted.isSubset(of: titles), "not in the reference: \(wanted.subtracting(titles).sorted())")
        var rows: [String] = []
        var covered = 0
        var seen: Set<String> = []
        for (severity, title) in checks where wanted.contains(title) && seen.insert(title).inserted {
            let codes = LintCode.allCases.filter { $0.accessAnalyzerChecks.contains(title) }.map(\.rawValue)
            if !codes.isEmpty { covered += 1 }
            rows.append("| \(severity.label) | \(title) | \(codes.isEmpty ? "-" : codes.joined(separator: ", ")) |")
        }
        print((["| Access Analyzer | check | rolewiz code |", "| --- | --- | --- |"] + rows).joined(separator: "\n"))
        print("rolewiz covers \(covered) of \(seen.count) \(kind) checks in the reference")
        return covered
    }
}
