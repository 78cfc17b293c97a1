import Foundation
import Testing
import TestSupport

/// `rolewiz export` of several spec files or a folder, and `--format
/// stackset`: offline, one file holding every role, every bad input
/// reported at once.
@Suite("rolewiz export of a set and of a StackSet", .heavy)
struct ExportSetCommandTests {
    /// A folder of three specs: one trusting "this account", one EC2 role, one Lambda role.
    private func folder(_ rolewiz: RolewizRunner) throws -> String {
        let folder = rolewiz.home.appendingPathComponent("roles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let specs = [
            "a-admin.yaml": "name: app-admin\ntrust: {account: self, requireMFA: true}\npolicies: [ReadOnlyAccess]\n",
            "b-worker.yaml": "name: app.worker\ntrust:\n  services: [ec2.amazonaws.com]\n",
            "c-fn.yml": "name: app-fn\ntrust:\n  services: [lambda.amazonaws.com]\npolicies: [service-role/AWSLambdaBasicExecutionRole]\n",
        ]
        for (name, text) in specs {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    private func export(_ rolewiz: RolewizRunner, _ arguments: [String]) async throws -> ProcessResult {
        try await rolewiz.run(["export"] + arguments, endpoint: false, credentials: false)
    }

    @Test func aFolderIsOneCloudFormationTemplateThatPassesCfnLint() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let result = try await export(rolewiz, ["--format", "cloudformation", "--spec", try folder(rolewiz), "--account-id", "123456789012"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "Type: AWS::IAM::Role\n").count == 4)
        for id in ["AppAdmin:", "AppWorker:", "AppWorkerInstanceProfile:", "AppFn:", "AppAdminArn:", "AppWorkerInstanceProfileArn:", "AppFnArn:"] {
            #expect(result.stdout.contains("  \(id)\n"), "no \(id)")
        }
        guard let cfnLint = Processes.which("cfn-lint") else {
            try MissingTool.stop("cfn-lint", install: "pip install cfn-lint")
        }
        let path = try rolewiz.write(result.stdout, to: "roles.yaml")
        let lint = try await Processes.run(cfnLint, arguments: [path], environment: Processes.minimalEnvironment())
        #expect(lint.exitCode == 0, "\(lint.stdout)\(lint.stderr)")
    }

    @Test func severalSpecFilesAreOneTerraformConfigurationAndOneScript() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let folder = try folder(rolewiz)
        let files = ["--spec", folder + "/b-worker.yaml", "--spec", folder + "/c-fn.yml"]
        let terraform = try await export(rolewiz, ["--format", "terraform"] + files)
        #expect(terraform.exitCode == 0, "\(terraform.stderr)")
        #expect(terraform.stdout.contains(#"resource "aws_iam_role" "app_worker""#) && terraform.stdout.contains(#"resource "aws_iam_role" "app-fn""#))
        let script = try await export(rolewiz, ["--format", "cli"] + files)
        #expect(script.exitCode == 0, "\(script.stderr)")
        #expect(script.stdout.components(separatedBy: "iam create-role ").count == 3)
        let path = try rolewiz.write(script.stdout, to: "roles.sh")
        let check = try await Processes.run(URL(fileURLWithPath: "/bin/sh"), arguments: ["-n", path], environment: Processes.minimalEnvironment())
        #expect(check.exitCode == 0, "\(check.stderr)")
    }

    @Test func jsonOfASetIsRefused() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let result = try await export(rolewiz, ["--format", "json", "--spec", try folder(rolewiz)])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("error: --format json writes one role's spec file"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func everyBadFileAndTheMissingAccountAreReportedAtOnce() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let folder = try folder(rolewiz)
        try "name: bad name!\ntrust:\n  services: [lambda.amazonaws.com]\n".write(toFile: folder + "/d-bad.yaml", atomically: true, encoding: .utf8)
        try "name: app-fn\ntrust:\n  services: [lambda.amazonaws.com]\n".write(toFile: folder + "/e-again.yaml", atomically: true, encoding: .utf8)
        let result = try await export(rolewiz, ["--format", "terraform", "--spec", folder])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("d-bad.yaml:1:7: name:"), "\(result.stderr)")
        #expect(result.stderr.contains("e-again.yaml: name: role app-fn is also in"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)

        try FileManager.default.removeItem(atPath: folder + "/d-bad.yaml")
        try FileManager.default.removeItem(atPath: folder + "/e-again.yaml")
        let noAccount = try await export(rolewiz, ["--format", "terraform", "--spec", folder])
        #expect(noAccount.exitCode == 2)
        #expect(noAccount.stderr.contains("--account-id: the trust in \(folder)/a-admin.yaml names \"this account\""), "\(noAccount.stderr)")
    }

    @Test func aStackSetNeedsNoAccountAndMakesThisAccountEachMemberAccount() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let path = rolewiz.home.appendingPathComponent("roles.stackset.yaml").path
        let result = try await export(rolewiz, [
            "--format", "stackset", "--spec", try folder(rolewiz), "--ou", "ou-ab12-cd34ef56", "--ou", "r-ab12",
            "--region", "eu-west-1", "--stack-set-name", "team-roles", "--output-file", path,
        ])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# A CloudFormation StackSet that makes the 3 IAM roles in every account of ou-ab12-cd34ef56, r-ab12\n"))
        #expect(text.contains("#   aws cloudformation create-stack-instances --stack-set-name team-roles --deployment-targets OrganizationalUnitIds=ou-ab12-cd34ef56,r-ab12 --regions eu-west-1 "))
        #expect(text.contains("Type: AWS::CloudFormation::StackSet"))
        #expect(text.contains("Fn::Sub: arn:aws:iam::${AWS::AccountId}:root"))
        #expect(text.contains("PermissionModel: SERVICE_MANAGED"))
    }

    @Test func theOUsAreCheckedNamingTheFlag() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let folder = try folder(rolewiz)
        let bad = try await export(rolewiz, ["--format", "stackset", "--spec", folder, "--ou", "ou-ab12", "--ou", "123456789012", "--account-id", "123456789012"])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("error: --ou ou-ab12: not an organizational unit ID"), "\(bad.stderr)")
        #expect(bad.stderr.contains("error: --ou 123456789012: not an organizational unit ID"), "\(bad.stderr)")
        #expect(bad.stderr.contains("error: --account-id: in a stack set \"this account\" is each member account"), "\(bad.stderr)")

        try "name: bad name!\ntrust: {account: self}\n".write(toFile: folder + "/d-bad.yaml", atomically: true, encoding: .utf8)
        let together = try await export(rolewiz, ["--format", "stackset", "--spec", folder, "--ou", "ou-x", "--stack-set-name", "9"])
        #expect(together.exitCode == 2)
        #expect(together.stderr.contains("error: --ou ou-x:") && together.stderr.contains("error: --stack-set-name 9:")
                && together.stderr.contains("d-bad.yaml:1:7: name:"), "the flags' and the files' problems at once: \(together.stderr)")
        try FileManager.default.removeItem(atPath: folder + "/d-bad.yaml")

        let missing = try await export(rolewiz, ["--format", "stackset", "--spec", folder])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("--format stackset needs --ou ID"), "\(missing.stderr)")

        let stray = try await export(rolewiz, ["--format", "cloudformation", "--spec", folder, "--ou", "r-ab12"])
        #expect(stray.exitCode == 2)
        #expect(stray.stderr.contains("--ou and --stack-set-name are for --format stackset"), "\(stray.stderr)")
    }

    @Test func theHelpNamesTheStackSetFormatAndItsOptions() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let help = try await rolewiz.run(["export", "--help"], endpoint: false, credentials: false)
        #expect(help.exitCode == 0)
        for text in ["cli, cloudformation, terraform, stackset or json", "--ou <id>", "--stack-set-name <name>", "Several --spec files"] {
            #expect(help.stdout.contains(text), "export --help lacks \(text)")
        }
    }
}
