import Foundation
import IAMClient
import Testing
import TestSupport

/// `rolewiz show` against a role made with `rolewiz apply`.
@Suite("rolewiz show", .heavy)
struct ShowCommandTests {
    @Test func textAndJSONDescribeTheRole() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("show")
        let applied = try await rolewiz.run([
            "apply", "--preset", "lookout-equipment", "--role-name", name, "--description", "Shown by tests",
            "--tag", "team=ml", "--yes",
        ])
        #expect(applied.exitCode == 0, "\(applied.stderr)")

        let text = try await rolewiz.run(["show", name])
        #expect(text.exitCode == 0, "\(text.stderr)")
        let lines = text.outputLines
        #expect(lines.contains("Role:         \(name)"))
        #expect(lines.contains("ARN:          arn:aws:iam::123456789012:role/\(name)"))
        #expect(lines.contains("Description:  Shown by tests"))
        #expect(lines.contains("Max session:  3600 s (1 hour)"))
        #expect(lines.contains { $0.hasPrefix("Last used:    ") })
        #expect(lines.contains { $0.contains("\"lookoutequipment.amazonaws.com\"") })
        #expect(lines.contains("Attached policies (3)"))
        #expect(lines.contains { $0.hasPrefix("  AmazonS3FullAccess") && $0.hasSuffix("arn:aws:iam::aws:policy/AmazonS3FullAccess") })
        #expect(lines.contains("Tags (1)"))
        #expect(lines.contains("  team = ml"))

        let json = try await rolewiz.run(["show", name, "--output", "json"])
        #expect(json.exitCode == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["RoleName"] as? String == name)
        #expect(object["Arn"] as? String == "arn:aws:iam::123456789012:role/\(name)")
        #expect(object["Description"] as? String == "Shown by tests")
        #expect(object["MaxSessionDuration"] as? Int == 3600)
        let trust = try #require(object["AssumeRolePolicyDocument"] as? [String: Any])
        #expect(trust["Statement"] != nil)
        let policies = try #require(object["AttachedPolicies"] as? [[String: String]])
        #expect(Set(policies.compactMap { $0["PolicyArn"] }) == Seed.policyArns)
        #expect(policies.allSatisfy { $0["PolicyName"] != nil })
        #expect(object["Tags"] as? [[String: String]] == [["Key": "team", "Value": "ml"]])
        #expect((object["RolePolicyList"] as? [Any])?.isEmpty == true)
        #expect(lines.contains("Inline policies (0)"))
    }

    /// A role whose power is in an inline policy is never shown as having none.
    @Test func inlinePoliciesAreShownInTextAndJSON() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("inline")
        let applied = try await rolewiz.run(["apply", "--preset", "lambda-basic", "--role-name", name, "--yes"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        try await rolewiz.iam().putRolePolicy(roleName: name, policy: InlinePolicy(name: "admin-everything", document: document))

        let text = try await rolewiz.run(["show", name])
        #expect(text.exitCode == 0, "\(text.stderr)")
        let lines = text.outputLines
        #expect(lines.contains("Inline policies (1)"), "\(text.stdout)")
        #expect(lines.contains("  admin-everything"))
        #expect(lines.contains { $0.hasPrefix("    ") && $0.contains(#""Action": "*""#) }, "\(text.stdout)")

        let json = try await rolewiz.run(["show", name, "--output", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let list = try #require(object["RolePolicyList"] as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["PolicyName"] as? String == "admin-everything")
        let statement = try #require(((list.first?["PolicyDocument"] as? [String: Any])?["Statement"] as? [[String: Any]])?.first)
        #expect(statement["Action"] as? String == "*")
    }

    @Test func aMissingRoleIsNoSuchEntity() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let result = try await rolewiz.run(["show", MotoServer.uniqueName("missing")])
        #expect(result.exitCode == 1)
        #expect(result.stderr.hasPrefix("error: NoSuchEntity: "), "\(result.stderr)")
    }
}
