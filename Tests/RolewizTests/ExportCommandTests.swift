import Foundation
import Testing
import TestSupport

/// `rolewiz export`: offline, without credentials or an endpoint; the
/// outputs are checked with the tools that would consume them.
@Suite("rolewiz export", .heavy)
struct ExportCommandTests {
    static let base = ["--preset", "lookout-equipment", "--role-name", "exported-role", "--tag", "team=ml", "--debug"]

    func export(_ format: String, _ rolewiz: RolewizRunner, extra: [String] = []) async throws -> ProcessResult {
        let result = try await rolewiz.run(["export", "--format", format] + Self.base + extra, endpoint: false, credentials: false)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "export makes no AWS calls")
        return result
    }

    @Test func cliScriptPassesShellSyntaxCheck() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let path = rolewiz.home.appendingPathComponent("role.sh").path
        _ = try await export("cli", rolewiz, extra: ["--output-file", path])
        let script = try String(contentsOfFile: path, encoding: .utf8)
        #expect(script.contains("iam create-role"))
        #expect(script.contains("exported-role"))
        let sh = try #require(Processes.which("sh"))
        let check = try await Processes.run(sh, arguments: ["-n", path], environment: Processes.minimalEnvironment())
        #expect(check.exitCode == 0, "\(check.stderr)")
    }

    @Test func cloudFormationPassesCfnLint() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let template = try await export("cloudformation", rolewiz).stdout
        #expect(template.contains("AWS::IAM::Role"))
        guard let cfnLint = Processes.which("cfn-lint") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("cfn-lint is required under CI=true") }
            print("Skipping cfn-lint: not installed (pip install cfn-lint)")
            return
        }
        let path = try rolewiz.write(template, to: "role.yaml")
        let lint = try await Processes.run(cfnLint, arguments: [path], environment: Processes.minimalEnvironment())
        #expect(lint.exitCode == 0, "\(lint.stdout)\(lint.stderr)")
    }

    @Test func terraformNamesTheRoleAndItsAttachments() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let text = try await export("terraform", rolewiz).stdout
        #expect(text.contains("resource \"aws_iam_role\""))
        #expect(text.contains("\"exported-role\""))
        #expect(text.contains("resource \"aws_iam_role_policy_attachment\""))
        for arn in Seed.policyArns { #expect(text.contains("\"\(arn)\"")) }
        guard let terraform = Processes.which("terraform") else {
            print("Skipping terraform fmt: terraform is not installed")
            return
        }
        let path = try rolewiz.write(text, to: "role.tf")
        let format = try await Processes.run(terraform, arguments: ["fmt", "-check", path], environment: Processes.minimalEnvironment())
        #expect(format.exitCode == 0, "terraform fmt would change the file: \(format.stdout)\(format.stderr)")
    }

    @Test func jsonIsTheSpecFileAndLoadsBackAsTheSameRole() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let json = try await export("json", rolewiz).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "exported-role")
        #expect(object["tags"] as? [String: String] == ["team": "ml"])
        let path = try rolewiz.write(json, to: "exported.json")
        for format in ["json", "cli", "cloudformation", "terraform"] {
            let fromPreset = try await export(format, rolewiz).stdout
            let fromFile = try await rolewiz.run(["export", "--format", format, "--spec", path], endpoint: false, credentials: false)
            #expect(fromFile.exitCode == 0, "\(fromFile.stderr)")
            #expect(fromFile.stdout == fromPreset, "\(format) differs after a round trip through the spec file")
        }
    }

    @Test func anUnknownFormatIsAUsageError() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let result = try await rolewiz.run(["export", "--preset", "lambda-basic", "--format", "pulumi"], endpoint: false, credentials: false)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--format"))
    }
}
