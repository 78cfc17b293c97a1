import Foundation
import IAMClient
import Testing
import TestSupport
import Yams
@testable import Provisioning

/// Several roles exported as one file: each format holds every role under
/// names no two roles share, and the tools that consume the file accept it.
@Suite("Export of a set of roles", .heavy)
struct ExportSetTests {
    /// Three roles whose names clash once made identifiers (`app-deploy` and
    /// `app.deploy`), one with an instance profile and inline policies whose
    /// Terraform names would clash across roles, one with `${` in its text.
    static var roles: [DesiredRole] {
        var deploy = SeedRole.role
        deploy.roleName = "app-deploy"
        deploy.inlinePolicies = [RoleInlinePolicy(name: "b_c", document: #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}"#)]
        var dotted = DesiredRole(
            roleName: "app.deploy", trustPolicy: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            description: "costs ${x}", instanceProfile: true)
        dotted.inlinePolicies = [RoleInlinePolicy(name: "c", document: #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#)]
        var runner = SeedRole.role
        runner.roleName = "app-deploy_b"
        runner.inlinePolicies = [RoleInlinePolicy(name: "c", document: #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}}"#)]
        return [deploy, dotted, runner]
    }

    @Test func oneRoleIsExportedExactlyAsAlone() throws {
        for format in [ExportFormat.cli, .cloudformation, .terraform] {
            #expect(try Exporter().export([SeedRole.role], as: format) == Exporter().export(SeedRole.role, as: format))
        }
    }

    @Test func jsonAndStackSetWithoutTargetsAreRefusedForASet() {
        for format in [ExportFormat.json, .stackset] {
            let error = #expect(throws: ExportError.self) { try Exporter().export(Self.roles, as: format) }
            #expect(error?.field == "format")
        }
    }

    // MARK: CloudFormation

    @Test func cloudFormationHasEveryRoleUnderItsOwnLogicalIdAndOneOutputEach() throws {
        let template = try #require(try Yams.load(yaml: try Exporter().export(Self.roles, as: .cloudformation)) as? [String: Any])
        let resources = try #require(template["Resources"] as? [String: [String: Any]])
        #expect(Set(resources.keys) == ["AppDeploy", "AppDeploy2", "AppDeploy2InstanceProfile", "AppDeployB"])
        let names = resources.mapValues { ($0["Properties"] as? [String: Any])?["RoleName"] as? String }
        #expect(names["AppDeploy"] == "app-deploy")
        #expect(names["AppDeploy2"] == "app.deploy")
        #expect(names["AppDeployB"] == "app-deploy_b")
        let profile = resources["AppDeploy2InstanceProfile"]?["Properties"] as? [String: Any]
        #expect((profile?["Roles"] as? [[String: String]]) == [["Ref": "AppDeploy2"]])
        let outputs = try #require(template["Outputs"] as? [String: [String: Any]])
        #expect(Set(outputs.keys) == ["AppDeployArn", "AppDeploy2Arn", "AppDeploy2InstanceProfileArn", "AppDeployBArn"])
        #expect(outputs["AppDeploy2InstanceProfileArn"]?["Value"] as? [String: [String]] == ["Fn::GetAtt": ["AppDeploy2InstanceProfile", "Arn"]])
    }

    @Test(arguments: [
        ("ci+deploy@x.y", "CiDeployXY"), ("9lives", "Role9lives"), ("a", "A"), ("my_role-Name", "MyRoleName"),
    ])
    func logicalIdsAreTheNamesLettersAndDigitsInCamelCase(_ name: String, _ expected: String) {
        #expect(CloudFormationLogicalIds.camelCase(name) == expected)
    }

    @Test func logicalIdCollisionsGoToTheLaterRoleAndAvoidInstanceProfileIds() {
        let ids = CloudFormationLogicalIds.forSet(["x", "x-instance-profile", "X.", "ab", "a-b"])
        #expect(ids.map(\.role) == ["X", "XInstanceProfile2", "X2", "Ab", "AB2"])
        #expect(Set(ids.flatMap { [$0.role.lowercased(), $0.instanceProfile.lowercased()] }).count == 10)
        #expect(CloudFormationLogicalIds.forSet(["x", "x-instance-profile", "X.", "ab", "a-b"]) == ids, "the same set gets the same IDs")
    }

    @Test func cloudFormationTemplateOfASetPassesCfnLint() async throws {
        try await ExportTestTools.expectCfnLintClean([("roles.yaml", try Exporter().export(Self.roles, as: .cloudformation))])
    }

    // MARK: Terraform

    @Test func terraformNamesNoTwoRolesOrInlinePoliciesAlike() throws {
        let text = try Exporter().export(Self.roles, as: .terraform)
        let roles = Self.headers(in: text, type: "aws_iam_role")
        #expect(roles == ["app-deploy", "app_deploy", "app-deploy_b"])
        // app-deploy's b_c and app-deploy_b's c are both app-deploy_b_c made names.
        #expect(Self.headers(in: text, type: "aws_iam_role_policy") == ["app-deploy_b_c", "app_deploy_c", "app-deploy_b_c_2"])
        #expect(text.contains(#"output "app_deploy_arn""#))
        #expect(text.contains(#"resource "aws_iam_instance_profile" "app_deploy""#))
    }

    @Test func terraformNamesThatOnlyIdentifiersShareGetASuffix() throws {
        let a = DesiredRole(roleName: "a.b", trustPolicy: SeedRole.trustPolicy)
        let b = DesiredRole(roleName: "a_b", trustPolicy: SeedRole.trustPolicy)
        let text = try Exporter().export([a, b], as: .terraform)
        #expect(Self.headers(in: text, type: "aws_iam_role") == ["a_b", "a_b_2"])
    }

    /// `terraform init` from the provider mirror, then `terraform validate`:
    /// every reference between the roles' blocks resolves and no name repeats.
    @Test func terraformConfigurationOfASetValidates() async throws {
        let run = try TerraformRun(try TerraformRun.find())
        defer { ExportTestTools.remove(run.directory) }
        let text = TerraformRun.versions + "\n" + (try Exporter().export(Self.roles, as: .terraform))
        try text.write(to: run.directory.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
        for arguments in [["init", "-input=false", "-no-color"], ["validate", "-no-color"]] {
            let result = try await Processes.run(
                run.terraform, arguments: ["-chdir=\(run.directory.path)"] + arguments, environment: run.environment, timeout: 180)
            #expect(result.exitCode == 0, "terraform \(arguments[0]): \(result.stdout)\(result.stderr)")
            if result.exitCode != 0 { break }
        }
    }

    // MARK: AWS CLI script

    @Test func cliScriptOfASetMakesEveryRoleInTurnAndPassesTheSyntaxCheck() async throws {
        let script = Exporter().exportScript(Self.roles)
        #expect(script.components(separatedBy: "iam create-role ").count == 4)
        let created = Self.roles.map { script.range(of: "# \($0.roleName)\nif ! iam get-role")?.lowerBound }
        #expect(created.allSatisfy { $0 != nil } && created == created.sorted { $0! < $1! }, "each role's calls, in order")
        #expect(script.components(separatedBy: "\niam() {").count == 2, "the helper is defined once")
        let directory = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(directory) }
        let path = directory.appendingPathComponent("roles.sh")
        try script.write(to: path, atomically: true, encoding: .utf8)
        let result = try await Processes.run(URL(fileURLWithPath: "/bin/sh"), arguments: ["-n", path.path], environment: Processes.minimalEnvironment())
        #expect(result.exitCode == 0, "sh -n: \(result.stderr)")
    }

    /// The names of the resources of `type`, in order.
    static func headers(in text: String, type: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let prefix = "resource \"\(type)\" \""
            guard line.hasPrefix(prefix) else { return nil }
            return String(line.dropFirst(prefix.count).prefix { $0 != "\"" })
        }
    }
}

private extension Exporter {
    func exportScript(_ roles: [DesiredRole]) -> String {
        (try? export(roles, as: .cli)) ?? ""
    }
}
