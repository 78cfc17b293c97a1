import Foundation
import IAMClient
import Testing
import TestSupport

/// Inline policies from a spec file through `plan`, `apply`, `show` and
/// `lint`, against moto through the built binary.
@Suite("rolewiz inline policies", .heavy)
struct InlinePolicyCommandTests {
    static let logs = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}"#

    /// A spec with one policy as a mapping (strings holding quotes, `$()`
    /// and a newline) and one as JSON text.
    static func spec(name: String, s3Action: String = "s3:GetObject", withLogs: Bool = true) -> String {
        var text = """
            name: \(name)
            trust:
              services: lambda.amazonaws.com
            inlinePolicies:
              S3Read:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: \(s3Action)
                    Resource: ["arn:aws:s3:::data/*", "arn:aws:s3:::data/it's \\"$(id)\\"\\nnext"]

            """
        if withLogs { text += "  Logs: '\(logs)'\n" }
        return text
    }

    @Test func applyMakesThemShowListsThemAndASecondPlanIsEmpty() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("inline")
        let file = try rolewiz.write(Self.spec(name: name), to: "\(name).yaml")

        let plan = try await rolewiz.run(["plan", "--spec", file, "--detailed-exitcode"])
        #expect(plan.exitCode == 2, "\(plan.stderr)")
        let lines = plan.outputLines
        let section = try #require(lines.firstIndex(of: "Inline policies"), "\(plan.stdout)")
        #expect(lines[section + 1] == "  + \"S3Read\"")
        #expect(lines.contains { $0.hasPrefix("    + ") && $0.contains(#""s3:GetObject""#) })
        #expect(lines.contains("  + \"Logs\""))
        #expect(lines.contains("Plan: 3 changes (3 to add, 0 to change, 0 to remove)."), "\(plan.stdout)")

        let json = try await rolewiz.run(["plan", "--spec", file, "--output", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["change"] as? String } == ["createRole", "putInlinePolicy", "putInlinePolicy"])
        #expect(changes.compactMap { $0["policyName"] as? String } == ["S3Read", "Logs"])
        #expect(changes.last?["to"] as? String == Self.logs)

        let applied = try await rolewiz.run(["apply", "--spec", file, "--yes", "--debug"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(applied.writeActions.sorted() == ["CreateRole", "PutRolePolicy", "PutRolePolicy"])
        #expect(applied.outputLines.contains { $0.contains("done") && $0.contains("PutRolePolicy") && $0.hasSuffix("put inline policy S3Read") }, "\(applied.stdout)")

        let shown = try await rolewiz.run(["show", name, "--output", "json"])
        #expect(shown.exitCode == 0, "\(shown.stderr)")
        let role = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let inline = try #require(role["RolePolicyList"] as? [[String: Any]])
        #expect(Set(inline.compactMap { $0["PolicyName"] as? String }) == ["S3Read", "Logs"])
        let s3 = try #require(inline.first { $0["PolicyName"] as? String == "S3Read" }?["PolicyDocument"] as? [String: Any])
        let statement = try #require((s3["Statement"] as? [[String: Any]])?.first)
        #expect(statement["Resource"] as? [String] == ["arn:aws:s3:::data/*", "arn:aws:s3:::data/it's \"$(id)\"\nnext"])

        let again = try await rolewiz.run(["plan", "--spec", file, "--prune", "--detailed-exitcode"])
        #expect(again.exitCode == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("is up to date: nothing to do."))
    }

    @Test func aChangedDocumentIsReplacedAndADroppedOneGoesOnlyWithPrune() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("inline-edit")
        let first = try rolewiz.write(Self.spec(name: name), to: "\(name).yaml")
        #expect(try await rolewiz.run(["apply", "--spec", first, "--yes"]).exitCode == 0)

        let second = try rolewiz.write(Self.spec(name: name, s3Action: "s3:PutObject", withLogs: false), to: "\(name)-2.yaml")
        let plan = try await rolewiz.run(["plan", "--spec", second, "--prune"])
        #expect(plan.outputLines.contains("  ~ \"S3Read\""), "\(plan.stdout)")
        #expect(plan.outputLines.contains { $0.hasPrefix("    - ") && $0.contains(#""s3:GetObject""#) })
        #expect(plan.outputLines.contains { $0.hasPrefix("    + ") && $0.contains(#""s3:PutObject""#) })
        #expect(plan.outputLines.contains("  - \"Logs\""))

        let kept = try await rolewiz.run(["apply", "--spec", second, "--yes", "--debug"])
        #expect(kept.exitCode == 0, "\(kept.stderr)")
        #expect(kept.writeActions == ["PutRolePolicy"])
        let iam = try rolewiz.iam()
        #expect(Set(try await iam.listRolePolicies(roleName: name)) == ["S3Read", "Logs"])

        let pruned = try await rolewiz.run(["apply", "--spec", second, "--yes", "--prune", "--debug"])
        #expect(pruned.exitCode == 0, "\(pruned.stderr)")
        #expect(pruned.writeActions == ["DeleteRolePolicy"])
        #expect(try await iam.listRolePolicies(roleName: name) == ["S3Read"])
        #expect(try await iam.getRolePolicy(roleName: name, policyName: "S3Read").document.contains("s3:PutObject"))
    }

    @Test func exportWritesThemInEveryFormatOffline() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let file = try rolewiz.write(Self.spec(name: "exported"), to: "exported.yaml")
        func export(_ format: String) async throws -> String {
            let result = try await rolewiz.run(["export", "--spec", file, "--format", format], endpoint: false, credentials: false)
            #expect(result.exitCode == 0, "\(format): \(result.stderr)")
            return result.stdout
        }
        let cli = try await export("cli")
        #expect(cli.components(separatedBy: "iam put-role-policy <<'JSON'").count == 3)
        #expect(cli.contains(#""PolicyName": "Logs""#))
        let template = try await export("cloudformation")
        #expect(template.contains("      Policies:\n      - PolicyName: S3Read\n        PolicyDocument:\n"), "\(template)")
        let terraform = try await export("terraform")
        #expect(terraform.contains(#"resource "aws_iam_role_policy" "exported_S3Read" {"#))
        #expect(terraform.contains(#"resource "aws_iam_role_policy" "exported_Logs" {"#))
        let json = try await export("json")
        let spec = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let inline = try #require(spec["inlinePolicies"] as? [String: [String: Any]])
        #expect(Set(inline.keys) == ["S3Read", "Logs"])
        #expect(inline["Logs"]?["Version"] as? String == "2012-10-17")
    }

    @Test func lintAndPlanReportABadDocumentAndTheQuotaAtTheirLines() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let bad = try rolewiz.write("""
            name: r
            trust: {services: lambda.amazonaws.com}
            inlinePolicies:
              P:
                Version: "2012-10-17"
                Statement: [{Effect: Allow, Action: "s3:*"}, {Effect: Maybe}]
            """, to: "bad.yaml")
        let lint = try await rolewiz.run(["lint", bad], endpoint: false, credentials: false)
        #expect(lint.exitCode == 1)
        #expect(lint.stdout.hasPrefix("\(bad):6:51: error SPEC_INVALID: inlinePolicies.P.Statement[1].Effect: must be \"Allow\" or \"Deny\""), "\(lint.stdout)")

        let resource = String(repeating: "r", count: 10_200)
        let large = try rolewiz.write("""
            name: r
            trust: {services: lambda.amazonaws.com}
            inlinePolicies:
              P: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::\(resource)"}]}'
            """, to: "large.yaml")
        let quota = try await rolewiz.run(["lint", large], endpoint: false, credentials: false)
        #expect(quota.exitCode == 1)
        #expect(quota.stdout.contains("\(large):3:1: error SPEC_INVALID: inlinePolicies: the inline policies are 10300 characters"), "\(quota.stdout)")
        let plan = try await rolewiz.run(["plan", "--spec", large], endpoint: false, credentials: false)
        #expect(plan.exitCode != 0)
        #expect(plan.stderr.contains("\(large):3:1: inlinePolicies: the inline policies are 10300 characters"), "\(plan.stderr)")
    }
}
