import Foundation
import IAMClient
import Testing
import TestSupport

/// `plan` and `apply` across accounts, against an organization in moto
/// (each test makes its own, in a moto of its own): a role assumed in every
/// member account with the caller's credentials, the caller's own account
/// reached with its own session, and one account whose AssumeRole is
/// refused (by a fault proxy, since moto lets every AssumeRole through)
/// failing alone.
@Suite("rolewiz plan and apply across accounts", .heavy)
struct MultiAccountCommandTests {
    /// Two roles: one trusting Lambda, one trusting "this account" (which must become each account's own ID).
    /// No managed policies: moto then makes each account in a moment, instead of loading its ~1,400 AWS policies.
    private func specs(_ rolewiz: RolewizRunner, prefix: String) throws -> String {
        let folder = rolewiz.home.appendingPathComponent("roles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "name: \(prefix)-lambda\ntrust:\n  services: [lambda.amazonaws.com]\ntags:\n  team: platform\n"
            .write(to: folder.appendingPathComponent("lambda.yaml"), atomically: true, encoding: .utf8)
        try "name: \(prefix)-admin\ntrust:\n  account: self\n  requireMFA: true\nmaxSessionDuration: 7200\n"
            .write(to: folder.appendingPathComponent("admin.yaml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    /// IAM as `account` sees it: the caller's own, or through its OrganizationAccountAccessRole.
    private func iam(in account: String, moto: MotoServer, management: String) throws -> IAMService {
        let caller = try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString,
            environment: ["AWS_ACCESS_KEY_ID": RolewizRunner.accessKey, "AWS_SECRET_ACCESS_KEY": RolewizRunner.secret, "AWS_EC2_METADATA_DISABLED": "true"],
            profiles: ProfileStore()))
        if account == management { return caller.iam }
        return caller.assumingRole("arn:aws:iam::\(account):role/OrganizationAccountAccessRole", sessionName: "rolewiz-check").iam
    }

    private func roleNames(in account: String, moto: MotoServer, management: String, prefix: String) async throws -> Set<String> {
        let roles = try await iam(in: account, moto: moto, management: management).listRoles(pathPrefix: nil)
        return Set(roles.map(\.roleName).filter { $0.hasPrefix(prefix) })
    }

    @Test func anOrganizationOfFiveAccountsWithOneUnreachableIsPlannedAppliedAndConverges() async throws {
        let moto = try await MotoServer.startOrSkip(environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "false"])
        defer { moto.stop() }
        let organization = try await MotoOrganization.create(in: moto, members: 5, closed: 1)
        let active = [organization.management] + organization.activeMembers
        #expect(active.count == 5)
        let unreachable = organization.activeMembers[1]
        let refusal = FaultRule(
            action: "AssumeRole", fault: .accessDenied, times: -1, bodyContains: "\(unreachable):role/OrganizationAccountAccessRole")
        let proxy = try await FaultProxy.start(upstream: moto, rules: [refusal])
        defer { proxy.stop() }
        let rolewiz = try RolewizRunner(moto: moto)
        let prefix = MotoServer.uniqueName("org")
        let folder = try specs(rolewiz, prefix: prefix)
        let through = ["--endpoint-url", proxy.endpoint.absoluteString]

        let plan = try await rolewiz.run(["plan", "--organization", "--spec", folder, "--no-color"] + through, endpoint: false)
        #expect(plan.exitCode == 1, "an unreachable account is a failure: \(plan.stderr)")
        #expect(plan.outputLines.contains("8 roles in 5 accounts: 8 to create, 0 to change, 0 up to date, 1 account not reached; 8 changes."), "\(plan.stdout)")
        for account in active where account != unreachable {
            #expect(plan.stdout.contains("Account \(account)"), "\(plan.stdout)")
        }
        let heading = try #require(plan.outputLines.firstIndex { $0.hasPrefix("Account \(unreachable)") })
        #expect(plan.outputLines[heading + 1].contains("the caller's credentials (profile default): AssumeRole of"), "\(plan.outputLines[heading + 1])")
        #expect(plan.outputLines[heading + 1].contains("AccessDenied"))
        #expect(plan.outputLines[heading + 1].contains("arn:aws:iam::\(unreachable):role/OrganizationAccountAccessRole"))
        #expect(plan.stderr.contains("Left out 1 account that is not active: \(organization.closed[0]) (SUSPENDED)"), "\(plan.stderr)")
        #expect(!plan.stdout.contains("Account \(organization.closed[0])"))
        // The management account is the caller's own: no role is assumed there.
        let assumed = try await proxy.stats().seen["AssumeRole"] ?? 0
        #expect(assumed == 4, "AssumeRole once per member, none for the management account: \(assumed)")

        let apply = try await rolewiz.run(["apply", "--organization", "--spec", folder, "--yes", "--output", "json"] + through, endpoint: false)
        #expect(apply.exitCode == 1, "\(apply.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(apply.stdout.utf8)) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        let failed = results.filter { $0["account"] as? String == unreachable }
        #expect(failed.count == 1 && failed[0]["error"] != nil, "\(failed)")
        let succeeded = results.filter { $0["status"] as? String == "succeeded" }
        #expect(succeeded.count == 8, "\(results)")
        for account in active where account != unreachable {
            #expect(try await roleNames(in: account, moto: moto, management: organization.management, prefix: prefix)
                == ["\(prefix)-lambda", "\(prefix)-admin"], "account \(account)")
            let admin = try await iam(in: account, moto: moto, management: organization.management).getRole(name: "\(prefix)-admin")
            let trust = admin.assumeRolePolicyDocument
            #expect(trust.contains("arn:aws:iam::\(account):root"), "each account trusts itself: \(trust)")
        }
        #expect(try await roleNames(in: unreachable, moto: moto, management: organization.management, prefix: prefix).isEmpty)

        // The account becomes reachable: a re-run creates its roles only, then all is converged.
        try await proxy.setRules([])
        let rerun = try await rolewiz.run(["apply", "--organization", "--spec", folder, "--yes", "--debug", "--no-color"] + through, endpoint: false)
        #expect(rerun.exitCode == 0, "\(rerun.stderr)")
        #expect(rerun.outputLines.contains("10 roles in 5 accounts: 2 created, 0 changed, 8 already up to date; 2 changes made."), "\(rerun.stdout)")
        #expect(rerun.writeActions.filter { $0 == "CreateRole" }.count == 2)
        #expect(try await roleNames(in: unreachable, moto: moto, management: organization.management, prefix: prefix)
            == ["\(prefix)-lambda", "\(prefix)-admin"])
        let converged = try await rolewiz.run(["plan", "--organization", "--spec", folder, "--detailed-exitcode"] + through, endpoint: false)
        #expect(converged.exitCode == 0, "\(converged.stdout)\(converged.stderr)")
    }

    @Test func unitsAccountsAndProfilesChooseTheAccounts() async throws {
        let moto = try await MotoServer.startOrSkip(environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "false"])
        defer { moto.stop() }
        let organization = try await MotoOrganization.create(in: moto, members: 3, inUnit: 1, inNested: 1)
        let rolewiz = try RolewizRunner(moto: moto)
        let prefix = MotoServer.uniqueName("pick")
        let spec = try rolewiz.write("name: \(prefix)\ntrust:\n  services: [ec2.amazonaws.com]\n", to: "one.yaml")

        // --ou: the unit and the unit inside it, not the root's accounts.
        let unit = try await rolewiz.run(["plan", "--ou", organization.unit, "--spec", spec, "--output", "json"])
        #expect(unit.exitCode == 0, "\(unit.stderr)")
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(unit.stdout.utf8)) as? [String: Any])["plans"] as? [[String: Any]]
        #expect(Set((plans ?? []).compactMap { $0["account"] as? String }) == Set(organization.inUnit + organization.inNested))

        // --accounts with its own role name and external ID, and the management account itself.
        let external = try await FaultProxy.start(upstream: moto, rules: [
            FaultRule(action: "AssumeRole", fault: .accessDenied, times: -1, bodyContains: "role/team/Deployer&RoleSessionName=rolewiz-"),
        ])
        defer { external.stop() }
        let member = organization.members[2]
        let listed = try await rolewiz.run(
            ["plan", "--accounts", "\(member),\(organization.management)", "--assume-role", "team/Deployer", "--external-id", "ext-4711",
             "--spec", spec, "--no-color", "--endpoint-url", external.endpoint.absoluteString], endpoint: false)
        #expect(listed.exitCode == 1, "\(listed.stdout)")
        #expect(listed.stdout.contains("arn:aws:iam::\(member):role/team/Deployer"), "\(listed.stdout)")
        #expect(listed.outputLines.contains("1 role in 2 accounts: 1 to create, 0 to change, 0 up to date, 1 account not reached; 3 changes."), "\(listed.stdout)")
        let stats = try await external.stats()
        #expect(stats.seen["AssumeRole"] == 1)
        #expect(stats.injected == ["access_denied"], "the AssumeRole asked for team/Deployer")

        // --profiles: each profile's own credentials; the role profile assumes into the member.
        try """
            [profile admin]
            region = us-east-1
            [profile member]
            role_arn = arn:aws:iam::\(member):role/OrganizationAccountAccessRole
            source_profile = admin
            """.write(toFile: rolewiz.home.path + "/config", atomically: true, encoding: .utf8)
        try "[admin]\naws_access_key_id = \(RolewizRunner.accessKey)\naws_secret_access_key = \(RolewizRunner.secret)\n"
            .write(toFile: rolewiz.home.path + "/credentials", atomically: true, encoding: .utf8)
        let profiles = try await rolewiz.run(["apply", "--profiles", "admin,member", "--spec", spec, "--yes", "--no-color"], credentials: false)
        #expect(profiles.exitCode == 0, "\(profiles.stderr)")
        #expect(profiles.stdout.contains("Account profile admin") && profiles.stdout.contains("Account profile member"), "\(profiles.stdout)")
        #expect(profiles.outputLines.contains("2 roles in 2 accounts: 2 created, 0 changed, 0 already up to date; 6 changes made."), "\(profiles.stdout)")
        #expect(try await roleNames(in: member, moto: moto, management: organization.management, prefix: prefix) == [prefix])
        #expect(try await roleNames(in: organization.management, moto: moto, management: organization.management, prefix: prefix) == [prefix])
        let missing = try await rolewiz.run(["plan", "--profiles", "admin,nobody", "--spec", spec], credentials: false)
        #expect(missing.exitCode == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("'nobody'"), "\(missing.stderr)")
    }

    @Test(arguments: [
        (["--accounts", "12345"], "--accounts: '12345' is not an account ID (12 digits)."),
        (["--accounts", "111122223333", "--organization"], "Give one of --accounts, --organization and --profiles."),
        (["--ou", "ou-nope"], "--ou: 'ou-nope' is not an organizational unit ID"),
        (["--assume-role", "Admin"], "--assume-role goes with --accounts or --organization."),
        (["--organization", "--assume-role", "bad name!"], "--assume-role: 'bad name!' is not a role name"),
        (["--organization", "--external-id", "x"], "--external-id: must be 2 to 1224"),
        (["--profiles", "a", "--external-id", "xy"], "--external-id goes with --accounts or --organization."),
        (["--accounts", "111122223333", "--account-id", "111122223333"], "--account-id: with --accounts, --organization or --profiles"),
        (["--profiles", "a,b", "--profile", "c"], "--profile: with --profiles, each profile gives its own credentials"),
        (["--accounts", " , "], "--accounts: give at least one account ID."),
    ])
    func badAccountFlagsAreUsageErrorsBeforeAnyCall(flags: [String], message: String) async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let spec = try rolewiz.write("name: flags\ntrust:\n  services: [ec2.amazonaws.com]\n", to: "one.yaml")
        let result = try await rolewiz.run(["plan", "--spec", spec, "--debug"] + flags, endpoint: false)
        #expect(result.exitCode == 2, "\(flags): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(flags): \(result.stderr)")
        #expect(result.calledActions.isEmpty, "\(result.calledActions)")
    }

    /// AWS answers AWSOrganizationsNotInUseException (its advice is in
    /// WizardErrorWordsTests); moto lists no accounts, which is refused too.
    @Test func anAccountInNoOrganizationIsRefusedNamingTheFlag() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let spec = try rolewiz.write("name: noorg\ntrust:\n  services: [ec2.amazonaws.com]\n", to: "one.yaml")
        let result = try await rolewiz.run(["plan", "--organization", "--spec", spec])
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--organization: the organization has no active account"), "\(result.stderr)")
    }

    @Test func withoutCredentialsAMultiAccountRunSaysWhatItNeeds() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let spec = try rolewiz.write("name: nocreds\ntrust:\n  services: [ec2.amazonaws.com]\n", to: "one.yaml")
        let result = try await rolewiz.run(["plan", "--organization", "--spec", spec], endpoint: false, credentials: false)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("--organization needs AWS credentials to assume a role in each account."), "\(result.stderr)")
    }
}
