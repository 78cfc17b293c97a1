import Foundation
import IAMClient
import Testing
import TestSupport
import Yams
@testable import Provisioning

/// `export --format stackset`: the outer template and the roles' template
/// inside it both pass cfn-lint, "this account" becomes each member
/// account, bad targets are refused naming the field, and the AWS CLI
/// commands the file prints make the roles in a member account of moto's
/// Organization.
@Suite("StackSet export", .heavy)
struct StackSetExportTests {
    static let target = StackSetTarget(stackSetName: "rolewiz-test", organizationalUnitIds: ["ou-ab12-cd34ef56", "r-ab12"], region: "us-east-1")

    /// A role trusted by "this account" (MFA required), one whose service
    /// trust is limited to "this account", and one trusting a named account.
    static func roles() throws -> [AccountRelativeRole] {
        let specs = [
            RoleSpec(name: "admin-from-self", trust: .awsAccount(AccountTrust(account: .current, requireMFA: true)), managedPolicies: [PolicyReference("ReadOnlyAccess")]),
            RoleSpec(name: "ec2-worker", description: "costs ${x}", trust: .awsServices(ServiceTrust(services: ["ec2.amazonaws.com"], sourceAccount: .current))),
            RoleSpec(name: "audit", trust: .awsAccount(AccountTrust(account: .id("210987654321"), externalId: "abc"))),
        ]
        return try specs.map { try $0.resolveInEachAccount() }
    }

    static func template(_ roles: [AccountRelativeRole], target: StackSetTarget = target) throws -> (text: String, properties: [String: Any]) {
        let text = try Exporter().exportStackSet(roles, target: target)
        let loaded = try #require(try Yams.load(yaml: text) as? [String: Any])
        let stackSet = try #require((loaded["Resources"] as? [String: Any])?["StackSet"] as? [String: Any])
        #expect(stackSet["Type"] as? String == "AWS::CloudFormation::StackSet")
        return (text, try #require(stackSet["Properties"] as? [String: Any]))
    }

    @Test func theStackSetIsServiceManagedAutoDeployedToTheOUsInOneRegion() throws {
        let (_, properties) = try Self.template(try Self.roles())
        #expect(properties["StackSetName"] as? String == "rolewiz-test")
        #expect(properties["PermissionModel"] as? String == "SERVICE_MANAGED")
        #expect(properties["AutoDeployment"] as? [String: Bool] == ["Enabled": true, "RetainStacksOnAccountRemoval": false])
        #expect(properties["Capabilities"] as? [String] == ["CAPABILITY_NAMED_IAM"])
        #expect(properties["CallAs"] as? String == "SELF")
        #expect(properties["OperationPreferences"] as? [String: Int] == ["FailureTolerancePercentage": 10, "MaxConcurrentPercentage": 25])
        let group = try #require((properties["StackInstancesGroup"] as? [[String: Any]])?.first)
        #expect((group["DeploymentTargets"] as? [String: [String]])?["OrganizationalUnitIds"] == ["ou-ab12-cd34ef56", "r-ab12"])
        #expect(group["Regions"] as? [String] == ["us-east-1"])
    }

    @Test func theTemplateBodyIsTheRolesTemplateWithThisAccountAsEachMemberAccount() throws {
        let roles = try Self.roles()
        let (_, properties) = try Self.template(roles)
        let body = try #require(properties["TemplateBody"] as? String)
        #expect(body == (try CloudFormationExport(roles: roles).text()))
        let resources = try #require((try Yams.load(yaml: body) as? [String: Any])?["Resources"] as? [String: [String: Any]])
        func trust(_ id: String) -> [String: Any]? {
            let document = (resources[id]?["Properties"] as? [String: Any])?["AssumeRolePolicyDocument"] as? [String: Any]
            return (document?["Statement"] as? [[String: Any]])?.first
        }
        #expect((trust("AdminFromSelf")?["Principal"] as? [String: Any])?["AWS"] as? [String: String] == ["Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"])
        let condition = trust("Ec2Worker")?["Condition"] as? [String: [String: Any]]
        #expect(condition?["StringEquals"]?["aws:SourceAccount"] as? [String: String] == ["Fn::Sub": "${AWS::AccountId}"])
        #expect((trust("Audit")?["Principal"] as? [String: Any])?["AWS"] as? String == "arn:aws:iam::210987654321:root", "a named account stays as written")
        #expect(!body.contains("000000000000"), "the stand-in account never reaches the template")
    }

    @Test func aTrustThatNamesNoAccountOfItsOwnIsWrittenAsItIs() throws {
        let spec = RoleSpec(name: "x", trust: .awsServices(ServiceTrust(services: ["ec2.amazonaws.com"], sourceAccount: .id("000000000000"))))
        #expect(try spec.resolveInEachAccount().standInAccountId == nil)
        let text = try CloudFormationExport(roles: [try spec.resolveInEachAccount()]).text()
        #expect(text.contains("aws:SourceAccount: '000000000000'"), "\(text)")
        let mixed = RoleSpec(name: "y", trust: .customPolicy(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}]}"#))
        #expect(try mixed.resolveInEachAccount().standInAccountId == nil)
    }

    @Test func theCommentLinesHoldTheSameStackSetAsAWSCLICommands() throws {
        let (text, _) = try Self.template(try Self.roles())
        let commands = Self.commands(in: text)
        #expect(commands == [
            "aws cloudformation create-stack-set --stack-set-name rolewiz-test --template-body file://rolewiz-test.template.yaml --permission-model SERVICE_MANAGED --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false --capabilities CAPABILITY_NAMED_IAM",
            "aws cloudformation create-stack-instances --stack-set-name rolewiz-test --deployment-targets OrganizationalUnitIds=ou-ab12-cd34ef56,r-ab12 --regions us-east-1 --operation-preferences FailureTolerancePercentage=10,MaxConcurrentPercentage=25",
        ])
        #expect(text.split(separator: "\n").prefix { $0.hasPrefix("#") }.count == 6, "the comments come first, then the template")
    }

    @Test(arguments: [
        ("ou-ab12-cd34ef56", true), ("r-ab12", true), ("ou-abcd1234efgh-abcdefgh12345678", true),
        ("ou-ab1-cd34ef56", false), ("ou-ab12-cd34ef5", false), ("OU-AB12-CD34EF56", false), ("r-ab1", false),
        ("ou-ab12", false), ("ou-ab12-cd34ef56-x", false), ("123456789012", false), ("", false), ("ou-ab12-cd34ef56 ", false),
    ])
    func organizationalUnitIdsAreCheckedAgainstCloudFormationsPattern(_ id: String, _ valid: Bool) {
        #expect(StackSetTarget.isOrganizationalUnitId(id) == valid)
    }

    @Test func aBadTargetIsRefusedNamingTheField() throws {
        let roles = try Self.roles()
        let cases: [(StackSetTarget, String)] = [
            (StackSetTarget(stackSetName: "ok", organizationalUnitIds: [], region: "us-east-1"), "organizationalUnitIds"),
            (StackSetTarget(stackSetName: "ok", organizationalUnitIds: ["ou-x"], region: "us-east-1"), "organizationalUnitIds"),
            (StackSetTarget(stackSetName: "9-lives", organizationalUnitIds: ["r-ab12"], region: "us-east-1"), "stackSetName"),
            (StackSetTarget(stackSetName: "ok", organizationalUnitIds: ["r-ab12"], region: "us-east-1; rm -rf /"), "region"),
        ]
        for (target, field) in cases {
            let error = #expect(throws: ExportError.self) { try Exporter().exportStackSet(roles, target: target) }
            #expect(error?.field == field)
        }
    }

    @Test func textWithTheStandInAndATemplateOpenerIsJoinedAroundTheAccountRef() throws {
        let node = CloudFormationNode.accountRelative("a${b}:000000000000:c", standIn: "000000000000")
        let loaded = try #require(try Yams.load(yaml: try YAMLTree.emit(node)) as? [String: Any])
        let join = try #require(loaded["Fn::Join"] as? [Any])
        #expect(join.first as? String == "")
        let parts = try #require(join.last as? [Any])
        #expect(parts.count == 4)
        #expect(parts[0] as? String == "a$" && parts[1] as? String == "{b}:" && parts[3] as? String == ":c")
        #expect(parts[2] as? [String: String] == ["Ref": "AWS::AccountId"])
    }

    @Test func aSetPastCloudFormationsQuotasIsRefused() throws {
        let many = (1...201).map { AccountRelativeRole(role: DesiredRole(roleName: "r\($0)", trustPolicy: SeedRole.trustPolicy)) }
        let error = #expect(throws: ExportError.self) { try CloudFormationExport(roles: many).text() }
        #expect(error?.field == "roles")
        #expect(error?.message.contains("201 outputs") == true, "\(String(describing: error))")
        let long = (1...60).map {
            AccountRelativeRole(role: DesiredRole(roleName: "r\($0)", trustPolicy: SeedRole.trustPolicy, description: String(repeating: "d", count: 1000)))
        }
        let body = #expect(throws: ExportError.self) { try Exporter().exportStackSet(long, target: Self.target) }
        #expect(body?.message.contains("TemplateBody takes at most 51200") == true, "\(String(describing: body))")
    }

    @Test func theFormatIsListedAndWritesYAML() {
        #expect(ExportFormat.allCases.contains(.stackset))
        #expect(ExportFormat.stackset.fileExtension == "yaml")
        #expect(StackSetTarget.defaultStackSetName(roleNames: ["ci+deploy@x.y"]) == "rolewiz-ci-deploy-x-y")
        #expect(StackSetTarget.defaultStackSetName(roleNames: ["a", "b"]) == "rolewiz-roles")
    }

    @Test func theOuterTemplateAndItsTemplateBodyBothPassCfnLint() async throws {
        let (text, properties) = try Self.template(try Self.roles())
        try await ExportTestTools.expectCfnLintClean([
            ("stackset.yaml", text), ("body.yaml", try #require(properties["TemplateBody"] as? String)),
        ])
    }

    /// In moto: an Organization in an account of its own, an OU holding a
    /// new member account; the file's two AWS CLI commands, run by the shell
    /// as printed, make every role in the member account, trusting itself.
    @Test func thePrintedCommandsMakeTheRolesInAMemberAccount() async throws {
        let aws = try ExportRoundTripTests.tool("aws", install: "pip install awscli")
        let moto = try await MotoServer.sharedOrSkip()
        let management = try await MotoAccount.assume(String(Int.random(in: 100_000_000_000...999_999_999_999)), on: moto)
        let home = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(home) }
        let environment = ToolEnvironment.aws(account: management, moto: moto, home: home, awsDirectory: aws.deletingLastPathComponent())
        func call(_ arguments: [String]) async throws -> [String: Any] {
            let result = try await Processes.run(aws, arguments: arguments + ["--output", "json"], environment: environment)
            try #require(result.exitCode == 0, "aws \(arguments.prefix(2).joined(separator: " ")): \(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        _ = try await call(["organizations", "create-organization", "--feature-set", "ALL"])
        let root = try #require(((try await call(["organizations", "list-roots"]))["Roots"] as? [[String: Any]])?.first?["Id"] as? String)
        let unit = try await call(["organizations", "create-organizational-unit", "--parent-id", root, "--name", "rolewiz-members"])
        let ou = try #require((unit["OrganizationalUnit"] as? [String: Any])?["Id"] as? String)
        let created = try await call(["organizations", "create-account", "--email", "member@example.com", "--account-name", "member"])
        let member = try #require((created["CreateAccountStatus"] as? [String: Any])?["AccountId"] as? String)
        let moved = try await Processes.run(aws, arguments: [
            "organizations", "move-account", "--account-id", member, "--source-parent-id", root, "--destination-parent-id", ou,
        ], environment: environment)
        try #require(moved.exitCode == 0, "move-account: \(moved.stderr)")

        let roles = try Self.roles()
        let target = StackSetTarget(stackSetName: MotoServer.uniqueName("rolewiz-ss"), organizationalUnitIds: [ou], region: "us-east-1")
        let (text, properties) = try Self.template(roles, target: target)
        try #require(properties["TemplateBody"] as? String).write(
            to: home.appendingPathComponent("\(target.stackSetName).template.yaml"), atomically: true, encoding: .utf8)
        for command in Self.commands(in: text) {
            let result = try await Processes.run(
                URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "cd \"$1\" && \(command)", "sh", home.path], environment: environment)
            #expect(result.exitCode == 0, "\(command): \(result.stdout)\(result.stderr)")
        }

        let inMember = try await MotoAccount.assume(member, on: moto)
        for entry in roles {
            let role = try await inMember.session.iam.getRole(name: entry.role.roleName)
            let expected = entry.standInAccountId.map { entry.role.trustPolicy.replacingOccurrences(of: $0, with: member) } ?? entry.role.trustPolicy
            #expect(Exact.sameTrustPolicy(role.assumeRolePolicyDocument, expected), "\(entry.role.roleName): \(role.assumeRolePolicyDocument)")
        }
    }

    /// The AWS CLI command lines at the top of the file, without their `#`.
    static func commands(in text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("#   aws ") }.map { String($0.dropFirst("#   ".count)) }
    }
}
