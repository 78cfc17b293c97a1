import Foundation
import IAMClient
import Testing
import TestSupport
@testable import Provisioning

/// Roles EC2 may assume, and one it may not, for the tests below.
enum InstanceProfileFixtures {
    static let ec2Trust = TrustedEntity.awsServices(ServiceTrust(services: ["ec2.amazonaws.com"]))
    static let lambdaTrust = TrustedEntity.awsServices(ServiceTrust(services: ["lambda.amazonaws.com"]))
    static let ec2TrustPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#

    /// The seed role, trusted by EC2 and wanting its instance profile.
    static var ec2Role: DesiredRole {
        var role = SeedRole.role
        role.roleName = "web-instance"
        role.path = "/app/"
        role.trustPolicy = ec2TrustPolicy
        role.instanceProfile = true
        return role
    }
}

@Suite("Instance profiles in spec files", .timeLimit(.minutes(10)))
struct InstanceProfileSpecTests {
    @Test func onByDefaultExactlyWhenEC2MayAssumeTheRole() throws {
        #expect(RoleSpec(name: "r", trust: InstanceProfileFixtures.ec2Trust).wantsInstanceProfile)
        #expect(!RoleSpec(name: "r", trust: InstanceProfileFixtures.lambdaTrust).wantsInstanceProfile)
        let custom = RoleSpec(name: "r", trust: .customPolicy(InstanceProfileFixtures.ec2TrustPolicy))
        #expect(custom.wantsInstanceProfile, "a written trust policy naming EC2 counts too")
        #expect(!RoleSpec(name: "r", trust: .awsAccount(AccountTrust(account: .current))).wantsInstanceProfile)
        let desired = try RoleSpec(name: "r", trust: InstanceProfileFixtures.ec2Trust).resolve(accountId: nil)
        #expect(desired.instanceProfile == true)
        #expect(try RoleSpec(name: "r", trust: InstanceProfileFixtures.lambdaTrust).resolve(accountId: nil).instanceProfile == nil,
                "a role EC2 cannot assume leaves profiles unmanaged, prune too")
    }

    @Test(arguments: SpecFormat.allCases)
    func writtenOnlyWhenItDiffersFromTheDefaultAndStableThroughTheFile(format: SpecFormat) throws {
        let off = RoleSpec(name: "r", trust: InstanceProfileFixtures.ec2Trust, instanceProfile: false)
        let text = RoleSpecFile.encode(off, format: format)
        #expect(text.contains("instanceProfile"), "\(text)")
        let loaded = try RoleSpecFile.decode(text).spec
        #expect(loaded == off)
        #expect(RoleSpecFile.encode(loaded, format: format) == text)

        let saidAsDefault = RoleSpec(name: "r", trust: InstanceProfileFixtures.ec2Trust, instanceProfile: true)
        #expect(!RoleSpecFile.encode(saidAsDefault, format: format).contains("instanceProfile"))
    }

    @Test func theDefaultWrittenOutReadsAsNotWritten() throws {
        let loaded = try RoleSpecFile.decode("name: r\ntrust: {services: ec2.amazonaws.com}\ninstanceProfile: true\n")
        #expect(loaded.spec.instanceProfile == nil)
        #expect(loaded.spec.wantsInstanceProfile)
        let off = try RoleSpecFile.decode("name: r\ntrust: {services: ec2.amazonaws.com}\ninstanceProfile: false\n")
        #expect(off.spec.instanceProfile == false)
        #expect(try off.spec.resolve(accountId: nil).instanceProfile == false)
    }

    @Test func trueOnARoleEC2CannotAssumeIsAValidationIssueAtItsLine() throws {
        let loaded = try RoleSpecFile.decode("name: r\ntrust: {services: lambda.amazonaws.com}\ninstanceProfile: true\n")
        let errors = loaded.validationErrors()
        #expect(errors.map(\.field) == ["instanceProfile"])
        #expect(errors.first?.position == SourcePosition(line: 3, column: 18))
        #expect(errors.first?.message.contains("ec2.amazonaws.com") == true)
        #expect(throws: RoleSpecValidationError.self) { try loaded.spec.resolve(accountId: nil) }
    }

    @Test(arguments: [
        ("name: r\ntrust: {services: ec2.amazonaws.com}\ninstanceProfile: yes please\n", "3:18: instanceProfile: must be true or false, found a string"),
        ("name: r\ntrust: {services: ec2.amazonaws.com}\ninstanceProfile: [true]\n", "3:18: instanceProfile: must be true or false, found an array"),
        ("{\"name\": \"r\", \"trust\": {\"services\": \"ec2.amazonaws.com\"},\n \"instanceProfile\": 1}", "2:21: instanceProfile: must be true or false, found a number"),
        ("name: r\ntrust: {services: ec2.amazonaws.com}\ninstanceProfil: true\n", "3:1: instanceProfil: is not a field here (did you mean \"instanceProfile\"?); fields: name, path, description, trust, policies, tags, maxSessionDuration, permissionsBoundary, inlinePolicies, instanceProfile"),
    ])
    func badValuesNameTheFieldAndItsPosition(text: String, expected: String) {
        #expect(throws: (any Error).self) { try RoleSpecFile.decode(text) }
        do {
            _ = try RoleSpecFile.decode(text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func theEC2PresetNoLongerSendsPeopleToMakeAProfile() throws {
        let preset = try #require(RolePreset.named("ec2-instance"))
        #expect(preset.spec.wantsInstanceProfile)
        #expect(preset.summary.contains("instance profile of the same name"), "\(preset.summary)")
    }
}

@Suite("Planning the role's instance profile", .timeLimit(.minutes(10)))
struct InstanceProfilePlanTests {
    static let name = InstanceProfileFixtures.ec2Role.roleName

    /// Every state the same-named profile can be in, as IAM holds it.
    enum ProfileState: CaseIterable, Sendable {
        case absent, empty, holdsRole, holdsAnother
        func profile(path: String = "/app/") -> InstanceProfile? {
            let arn = "arn:aws:iam::123456789012:instance-profile\(path)\(InstanceProfilePlanTests.name)"
            switch self {
            case .absent: return nil
            case .empty: return InstanceProfile(name: InstanceProfilePlanTests.name, arn: arn, path: path, roleNames: [])
            case .holdsRole: return InstanceProfile(name: InstanceProfilePlanTests.name, arn: arn, path: path, roleNames: [InstanceProfilePlanTests.name])
            case .holdsAnother: return InstanceProfile(name: InstanceProfilePlanTests.name, arn: arn, path: path, roleNames: ["someone-else"])
            }
        }
    }

    /// The generated check: for every profile state, wanted or not, pruning or
    /// not, the role existing or not, the plan is what the rules say, and
    /// applying it to a fake IAM in that state leaves nothing more to plan
    /// (or refuses, touching no other role's profile).
    @Test(arguments: ProfileState.allCases, [true, false])
    func everyStateAndWishPlansWhatTheRulesSayAndConverges(state: ProfileState, wanted: Bool) async throws {
        for prune in [false, true] {
            // IAM keeps a role in a profile only while the role exists.
            for roleExists in [false, true] where roleExists || state != .holdsRole {
                var desired = InstanceProfileFixtures.ec2Role
                desired.instanceProfile = wanted
                let iam = FakeIAM()
                if roleExists {
                    var bare = desired
                    bare.instanceProfile = false
                    _ = await Applier(iam: iam).apply(Planner.offlinePlan(for: bare))
                }
                if let profile = state.profile() {
                    await iam.addInstanceProfile(profile.name, roleNames: profile.roleNames, path: profile.path)
                }
                let plan = try await Planner(iam: iam).plan(for: desired, prune: prune)
                let profileChanges = plan.changes.filter(\.concernsInstanceProfile)
                let expected: [Change] =
                    switch (wanted, state) {
                    case (true, .absent): [.createInstanceProfile(name: Self.name, path: "/app/"), .addRoleToInstanceProfile(name: Self.name)]
                    case (true, .empty): [.addRoleToInstanceProfile(name: Self.name)]
                    case (true, .holdsRole): []
                    case (true, .holdsAnother): [.instanceProfileHeldByAnotherRole(name: Self.name, roleNames: ["someone-else"])]
                    case (false, .holdsRole) where prune: [.removeInstanceProfile(name: Self.name)]
                    case (false, _): []
                    }
                #expect(profileChanges == expected, "wanted \(wanted), \(state), prune \(prune), role exists \(roleExists)")

                let result = await Applier(iam: iam).apply(plan)
                let refused = expected.contains { !$0.isSupported }
                #expect(result.status == (refused ? .failed : .succeeded), "\(result.summary)")
                let again = try await Planner(iam: iam).plan(for: desired, prune: prune)
                #expect(again.changes.filter(\.concernsInstanceProfile) == (refused ? expected : []))
                if state == .holdsAnother {
                    #expect(await iam.instanceProfile(Self.name)?.roleNames == ["someone-else"], "another role's profile is never touched")
                }
            }
        }
    }

    @Test func aRoleThatWantsNoProfileMakesNoCallAboutIt() async throws {
        let iam = FakeIAM()
        var desired = InstanceProfileFixtures.ec2Role
        desired.instanceProfile = false
        let plan = try await Planner(iam: iam).plan(for: desired)
        #expect(!plan.changes.contains { $0.concernsInstanceProfile })
        #expect(await !iam.calls.contains { $0.action == "GetInstanceProfile" })
        _ = await Applier(iam: iam).apply(plan)
        #expect(await iam.instanceProfileNames.isEmpty)
    }

    @Test func theOfflinePlanCreatesTheProfileAfterTheRoleAndItsPolicies() {
        let plan = Planner.offlinePlan(for: InstanceProfileFixtures.ec2Role)
        #expect(Array(plan.changes.suffix(2)) == [
            .createInstanceProfile(name: Self.name, path: "/app/"), .addRoleToInstanceProfile(name: Self.name),
        ])
        let steps = Applier.steps(for: plan)
        #expect(steps.first == .createRole(NewRole(InstanceProfileFixtures.ec2Role)))
        #expect(Array(steps.suffix(2)) == [.createInstanceProfile(name: Self.name, path: "/app/"), .addRoleToInstanceProfile(name: Self.name)])
    }

    @Test func aProfileOfAnotherRoleIsRefusedWithTheReasonAndEverythingElseIsDone() async throws {
        let iam = FakeIAM()
        await iam.addInstanceProfile(Self.name, roleNames: ["someone-else"])
        let plan = try await Planner(iam: iam).plan(for: InstanceProfileFixtures.ec2Role)
        #expect(plan.unsupportedChanges == [.instanceProfileHeldByAnotherRole(name: Self.name, roleNames: ["someone-else"])])
        #expect(plan.summary.contains(#"! instance profile "web-instance" already holds role "someone-else"; rolewiz does not take over"#), "\(plan.summary)")
        let result = await Applier(iam: iam).apply(plan)
        #expect(result.status == .failed)
        #expect(result.failures.first?.message.contains("set instanceProfile: false") == true)
        #expect(await iam.storedRole(Self.name) != nil, "the role itself is still made")
        #expect(await !iam.writeCalls.contains { $0.action == "AddRoleToInstanceProfile" })
    }

    @Test func aFailureAfterCreatingTheProfileSaysWhatWasDoneAndARerunConverges() async throws {
        let iam = FakeIAM()
        await iam.inject(.error(AWSError(code: "ServiceFailure", message: "try later", httpStatus: 500)), on: "AddRoleToInstanceProfile")
        let desired = InstanceProfileFixtures.ec2Role
        let first = await Applier(iam: iam).apply(try await Planner(iam: iam).plan(for: desired))
        #expect(first.status == .failed)
        #expect(first.completed.contains(.createInstanceProfile(name: Self.name, path: "/app/")))
        #expect(first.failures.map(\.step) == [.addRoleToInstanceProfile(name: Self.name)])
        #expect(first.summary.contains("create instance profile web-instance"), "\(first.summary)")

        let replan = try await Planner(iam: iam).plan(for: desired)
        #expect(replan.changes == [.addRoleToInstanceProfile(name: Self.name)], "the empty profile made last time is used")
        #expect(await Applier(iam: iam).apply(replan).status == .succeeded)
        #expect(try await Planner(iam: iam).plan(for: desired).isEmpty)
        #expect(await iam.instanceProfile(Self.name)?.roleNames == [Self.name])
    }

    @Test func lostRepliesCountAsDone() async throws {
        let iam = FakeIAM()
        await iam.inject(.lostReplyRetried, on: "CreateInstanceProfile")
        await iam.inject(.lostReplyRetried, on: "AddRoleToInstanceProfile")
        let desired = InstanceProfileFixtures.ec2Role
        let result = await Applier(iam: iam).apply(try await Planner(iam: iam).plan(for: desired))
        #expect(result.status == .succeeded, "\(result.summary)")
        #expect(try await Planner(iam: iam).plan(for: desired).isEmpty)
    }

    @Test func pruningARoleThatWantsNoneRemovesOnlyItsOwnProfile() async throws {
        let iam = FakeIAM()
        let desired = InstanceProfileFixtures.ec2Role
        _ = await Applier(iam: iam).apply(try await Planner(iam: iam).plan(for: desired))
        await iam.addInstanceProfile("shared", roleNames: [])
        try await iam.addRoleToInstanceProfile(instanceProfileName: "shared", roleName: Self.name)
        var off = desired
        off.instanceProfile = false
        #expect(try await Planner(iam: iam).plan(for: off).isEmpty, "without prune the profile stays")
        let pruning = try await Planner(iam: iam).plan(for: off, prune: true)
        #expect(pruning.changes == [.removeInstanceProfile(name: Self.name)])
        #expect(Applier.steps(for: pruning) == [.removeFromInstanceProfile(name: Self.name), .deleteInstanceProfile(name: Self.name)])
        #expect(await Applier(iam: iam).apply(pruning).status == .succeeded)
        #expect(await iam.instanceProfileNames == ["shared"], "a profile someone else made is left alone")
    }

    /// What the editor does: the role read back as a spec, planned with prune.
    @Test(arguments: [(InstanceProfileFixtures.ec2Trust, true), (InstanceProfileFixtures.ec2Trust, false), (InstanceProfileFixtures.lambdaTrust, true)])
    func anExistingRoleReadBackKeepsItsProfilesAsTheyAreEvenWithPrune(trust: TrustedEntity, inProfile: Bool) async throws {
        let iam = FakeIAM()
        let bare = try RoleSpec(name: "existing", trust: trust, instanceProfile: false).resolve(accountId: nil)
        _ = await Applier(iam: iam).apply(Planner.offlinePlan(for: bare))
        if inProfile { await iam.addInstanceProfile("existing", roleName: "existing") }
        let current = try #require(try await Planner(iam: iam).currentRole(named: "existing"))
        let edited = RoleSpec(existing: current, accountId: FakeIAM.account)
        #expect(edited.validate().isEmpty, "\(edited.validate())")
        let plan = try await Planner(iam: iam).plan(for: try edited.resolve(accountId: FakeIAM.account), prune: true)
        #expect(plan.isEmpty, "\(plan.summary)")
    }

    @Test(arguments: [
        Change.createInstanceProfile(name: "web", path: "/app/"), .addRoleToInstanceProfile(name: "web"),
        .instanceProfileHeldByAnotherRole(name: "web", roleNames: ["other"]), .removeInstanceProfile(name: "web"),
    ])
    func changesRoundTripThroughPlanJSON(change: Change) throws {
        let data = try JSONEncoder().encode(change)
        #expect(try JSONDecoder().decode(Change.self, from: data) == change)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["instanceProfileName"] as? String == "web")
        #expect(object["supported"] as? Bool == change.isSupported)
    }

    @Test func aHostileRoleNameFromIAMStaysOneInertLine() {
        let change = Change.instanceProfileHeldByAnotherRole(name: "web", roleNames: ["x\n\u{1B}[2J"])
        #expect(!change.summary.unicodeScalars.contains { $0.value < 0x20 })
    }
}

extension Change {
    var concernsInstanceProfile: Bool {
        switch self {
        case .createInstanceProfile, .addRoleToInstanceProfile, .instanceProfileHeldByAnotherRole, .removeInstanceProfile: true
        default: false
        }
    }
}
