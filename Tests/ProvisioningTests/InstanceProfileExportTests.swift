import Foundation
import IAMClient
import Testing
import TestSupport
import Yams
@testable import Provisioning

/// A role EC2 may assume, exported in each format with its instance profile,
/// checked by the tools that consume it: cfn-lint, `terraform fmt` and an
/// evaluation of the profile block, and the CLI script run by the real AWS
/// CLI against moto (twice, then against a profile of another role).
@Suite("Instance profiles in exports", .heavy)
struct InstanceProfileExportTests {
    static func ec2Role(_ name: String = "web-instance") -> DesiredRole {
        var role = InstanceProfileFixtures.ec2Role
        role.roleName = name
        role.policyArns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
        return role
    }

    @Test func aRoleWithoutOneExportsNoProfile() throws {
        var role = Self.ec2Role()
        role.instanceProfile = false
        for format in [ExportFormat.cli, .cloudformation, .terraform] {
            let text = try Exporter().export(role, as: format)
            #expect(!["instance-profile", "InstanceProfile", "instance_profile"].contains { text.contains($0) }, "\(format): \(text)")
        }
    }

    @Test func cloudFormationHasTheProfileHoldingTheRole() throws {
        let template = try #require(try Yams.load(yaml: try Exporter().export(Self.ec2Role(), as: .cloudformation)) as? [String: Any])
        let resources = try #require(template["Resources"] as? [String: Any])
        let profile = try #require(resources["InstanceProfile"] as? [String: Any])
        #expect(profile["Type"] as? String == "AWS::IAM::InstanceProfile")
        let properties = try #require(profile["Properties"] as? [String: Any])
        #expect(properties["InstanceProfileName"] as? String == "web-instance")
        #expect(properties["Path"] as? String == "/app/")
        #expect(properties["Roles"] as? [[String: String]] == [["Ref": "Role"]])
    }

    @Test(.enabled(if: ExportTestTools.find("cfn-lint") != nil || ExportTestTools.toolsRequired, "cfn-lint is not installed (pip install cfn-lint)"))
    func cloudFormationPassesCfnLint() async throws {
        let cfnLint = try #require(ExportTestTools.find("cfn-lint"), "cfn-lint is required under CI=true")
        let directory = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(directory) }
        let template = directory.appendingPathComponent("template.yaml")
        try Exporter().export(Self.ec2Role(), as: .cloudformation).write(to: template, atomically: true, encoding: .utf8)
        let result = try await Processes.run(cfnLint, arguments: [template.path], environment: Processes.minimalEnvironment())
        #expect(result.exitCode == 0, "cfn-lint: \(result.stdout)\(result.stderr)")
    }

    @Test(.enabled(if: ExportTestTools.find("terraform") != nil, "terraform is not installed"))
    func terraformIsFormattedAndTheProfileEvaluatesToTheRolesNameAndPath() async throws {
        let terraform = try #require(ExportTestTools.find("terraform"))
        let text = try Exporter().export(Self.ec2Role(), as: .terraform)
        let formatted = try await Processes.run(
            terraform, arguments: ["fmt", "-no-color", "-"], environment: Self.terraformEnvironment, stdin: Data(text.utf8))
        #expect(formatted.exitCode == 0, "terraform fmt: \(formatted.stderr)")
        #expect(formatted.stdout == text)

        let block = try #require(text.components(separatedBy: "\n}\n").first { $0.contains(#"resource "aws_iam_instance_profile" "web-instance""#) })
        #expect(block.contains("role = aws_iam_role.web-instance.name"), "\(block)")
        // Its attributes but the role reference, evaluated without a provider.
        let attributes = block.split(separator: "\n").dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("role ") }
        let configuration = "output \"profile\" {\n  value = {\n\(attributes.joined(separator: "\n"))\n  }\n}\n"
        let directory = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(directory) }
        try configuration.write(to: directory.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
        for arguments in [["init", "-input=false", "-no-color"], ["apply", "-auto-approve", "-input=false", "-no-color"]] {
            let step = try await Processes.run(terraform, arguments: ["-chdir=\(directory.path)"] + arguments, environment: Self.terraformEnvironment)
            #expect(step.exitCode == 0, "terraform \(arguments[0]): \(step.stdout)\(step.stderr)")
        }
        let output = try await Processes.run(terraform, arguments: ["-chdir=\(directory.path)", "output", "-json"], environment: Self.terraformEnvironment)
        let values = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [String: Any]])
        #expect(values["profile"]?["value"] as? [String: String] == ["name": "web-instance", "path": "/app/"])
    }

    @Test(.enabled(if: ExportTestTools.find("aws") != nil, "the AWS CLI is not installed"))
    func theCLIScriptMakesTheProfileOnceAndNeverTakesAnotherRolesProfile() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let role = Self.ec2Role(MotoServer.uniqueName("cli-profile"))
        let directory = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(directory) }
        let script = directory.appendingPathComponent("role.sh")
        try Exporter().export(role, as: .cli).write(to: script, atomically: true, encoding: .utf8)
        let environment = Self.awsEnvironment(moto, home: directory)
        let shell = URL(fileURLWithPath: "/bin/sh")

        let syntax = try await Processes.run(shell, arguments: ["-n", script.path], environment: environment)
        #expect(syntax.exitCode == 0, "sh -n: \(syntax.stderr)")
        for run in 1...2 {
            let result = try await Processes.run(shell, arguments: [script.path], environment: environment)
            #expect(result.exitCode == 0, "run \(run): \(result.stderr)")
        }
        let iam = try MotoApplySession(moto).iam
        let profile = try await iam.getInstanceProfile(name: role.roleName)
        #expect(profile.roleNames == [role.roleName])
        #expect(profile.path == "/app/")
        #expect(try await Planner(iam: iam).plan(for: role).isEmpty, "what the script made is what rolewiz plans")

        // Another role's profile of this name: the script stops and says so.
        let other = Self.ec2Role(MotoServer.uniqueName("cli-taken"))
        _ = try await iam.createInstanceProfile(name: other.roleName, path: "/")
        _ = try await iam.createRole(CreateRoleInput(roleName: "holder-" + other.roleName, path: "/", assumeRolePolicyDocument: other.trustPolicy))
        try await iam.addRoleToInstanceProfile(instanceProfileName: other.roleName, roleName: "holder-" + other.roleName)
        try Exporter().export(other, as: .cli).write(to: script, atomically: true, encoding: .utf8)
        let refused = try await Processes.run(shell, arguments: [script.path], environment: environment)
        #expect(refused.exitCode != 0)
        #expect(refused.stderr.contains("holds role holder-\(other.roleName); it is not taken over"), "\(refused.stderr)")
        #expect(try await iam.listInstanceProfilesForRole(roleName: other.roleName).isEmpty, "never added to another role's profile")
        #expect(try await iam.getInstanceProfile(name: other.roleName).roleNames == ["holder-" + other.roleName])
    }

    /// The real AWS CLI pointed at moto, with no configuration of the user's.
    private static func awsEnvironment(_ moto: MotoServer, home: URL) -> [String: String] {
        Processes.minimalEnvironment([
            "HOME": home.path, "AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "AWS_ACCESS_KEY_ID": "AKIAROLEWIZCLITEST",
            "AWS_SECRET_ACCESS_KEY": "moto-test-secret", "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": home.appendingPathComponent("none").path,
            "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent("none").path,
            // A pyenv shim finds its Python under the real home.
            "PYENV_ROOT": ProcessInfo.processInfo.environment["PYENV_ROOT"] ?? NSHomeDirectory() + "/.pyenv",
        ])
    }

    private static let terraformEnvironment = Processes.minimalEnvironment([
        "HOME": FileManager.default.temporaryDirectory.path, "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1",
    ])
}
