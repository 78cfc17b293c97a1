import Foundation
import IAMClient
import Testing
@testable import Provisioning

@Suite("Planner", .timeLimit(.minutes(10)))
struct PlanTests {
    /// Creates the seed role in the fake and forgets the calls that took.
    private func fakeWithSeedRole(_ role: DesiredRole = SeedRole.fullRole) async -> FakeIAM {
        let iam = FakeIAM()
        _ = await Applier(iam: iam).apply(Planner.offlinePlan(for: role))
        await iam.resetCalls()
        return iam
    }

    @Test func missingRoleIsPlannedAsOneCreateThenAttachments() async throws {
        let iam = FakeIAM()
        let plan = try await Planner(iam: iam).plan(for: SeedRole.fullRole)
        #expect(plan.createsRole)
        #expect(plan.roleArn == nil)
        #expect(plan.changes == [.createRole(NewRole(SeedRole.fullRole))] + SeedRole.policyArns.map { .attachPolicy(arn: $0) })
        #expect(await iam.writeCalls.isEmpty)
        #expect(await Set(iam.calls.map(\.action)) == ["GetRole", "ListAttachedRolePolicies", "ListRolePolicies", "ListRoleTags", "ListInstanceProfilesForRole"])
    }

    @Test func offlinePlanNeedsNoIAMAndCreatesEverything() {
        let plan = Planner.offlinePlan(for: SeedRole.fullRole)
        #expect(plan.offline)
        #expect(plan.createsRole)
        #expect(plan.changes.count == 4)
        #expect(plan.summary.contains("planned offline"))
    }

    @Test func unchangedRoleGivesEmptyPlan() async throws {
        let iam = await fakeWithSeedRole()
        let plan = try await Planner(iam: iam).plan(for: SeedRole.fullRole, prune: true)
        #expect(plan.isEmpty)
        #expect(plan.roleArn == "arn:aws:iam::123456789012:role/l4e-role")
        #expect(plan.summary == "Role l4e-role is up to date: nothing to do.")
    }

    @Test func trustPolicyWrittenDifferentlyButMeaningTheSameIsNoChange() async throws {
        let iam = await fakeWithSeedRole()
        var desired = SeedRole.fullRole
        desired.trustPolicy = """
            {"Statement":{"Action":["sts:AssumeRole"],"Principal":{"Service":["lookoutequipment.amazonaws.com","sagemaker.amazonaws.com"]},"Effect":"Allow"},
             "Version":"2012-10-17"}
            """
        #expect(try await Planner(iam: iam).plan(for: desired).isEmpty)
    }

    @Test func trustDescriptionAndSessionChangesAreListed() async throws {
        let iam = await fakeWithSeedRole()
        var desired = SeedRole.fullRole
        desired.trustPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        desired.description = "new words"
        desired.maxSessionDuration = 3600
        let plan = try await Planner(iam: iam).plan(for: desired)
        #expect(plan.changes == [
            .updateTrustPolicy(from: SeedRole.trustPolicy, to: desired.trustPolicy),
            .updateDescription(from: "Lookout for Equipment access", to: "new words"),
            .updateMaxSessionDuration(from: 7200, to: 3600),
        ])
    }

    @Test func unmanagedFieldsAreLeftAlone() async throws {
        let iam = await fakeWithSeedRole()
        var desired = SeedRole.fullRole
        desired.description = nil
        desired.maxSessionDuration = nil
        #expect(try await Planner(iam: iam).plan(for: desired, prune: true).isEmpty)
    }

    @Test func policiesAndTagsAreOnlyRemovedWithPrune() async throws {
        let iam = await fakeWithSeedRole()
        await iam.tamper(with: "l4e-role") { stored in
            stored.attached.append("arn:aws:iam::aws:policy/ReadOnlyAccess")
            stored.role.tags.append(Tag(key: "owner", value: "someone"))
        }
        var desired = SeedRole.fullRole
        desired.tags = [RoleTag(key: "team", value: "ml"), RoleTag(key: "env", value: "prod"), RoleTag(key: "cost", value: "42")]
        let expectedWithoutPrune: [Change] = [
            .changeTag(key: "team", from: "data", to: "ml"),
            .addTag(RoleTag(key: "cost", value: "42")),
        ]
        let planner = Planner(iam: iam)
        #expect(try await planner.plan(for: desired).changes == expectedWithoutPrune)
        let pruned = try await planner.plan(for: desired, prune: true)
        #expect(pruned.changes == [
            .detachPolicy(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess"),
            .changeTag(key: "team", from: "data", to: "ml"),
            .addTag(RoleTag(key: "cost", value: "42")),
            .removeTag(RoleTag(key: "owner", value: "someone")),
        ])
    }

    @Test func aPathChangeIsReportedAsUnsupported() throws {
        let role = ExistingRole(
            roleName: "r", roleId: "AROA1", arn: "arn:aws:iam::1:role/old/r", path: "/old/",
            assumeRolePolicyDocument: SeedRole.trustPolicy
        )
        let current = RoleDetails(role: role, attachedPolicies: [], tags: [])
        let desired = DesiredRole(roleName: "r", path: "/new/", trustPolicy: SeedRole.trustPolicy)
        let plan = Planner.plan(for: desired, current: current, prune: false)
        #expect(plan.unsupportedChanges == [.changePath(from: "/old/", to: "/new/")])
        #expect(plan.summary.contains("cannot be applied by rolewiz"))
    }

    /// A boundary is set and changed like any other field; one that the spec
    /// does not name is kept, even with prune, unless its removal is asked
    /// for; an unchanged one is never in a plan.
    @Test func boundaryIsSetChangedAndRemovedOnlyWhenAsked() throws {
        let boundary = "arn:aws:iam::1:policy/Boundary"
        let role = ExistingRole(
            roleName: "r", roleId: "AROA1", arn: "arn:aws:iam::1:role/r", path: "/",
            assumeRolePolicyDocument: SeedRole.trustPolicy, permissionsBoundaryArn: boundary
        )
        let current = RoleDetails(role: role, attachedPolicies: [], tags: [])
        var desired = DesiredRole(roleName: "r", trustPolicy: SeedRole.trustPolicy)
        #expect(Planner.plan(for: desired, current: current, prune: false).isEmpty, "a boundary the spec does not name is kept")
        #expect(Planner.plan(for: desired, current: current, prune: true).isEmpty, "prune never removes a boundary")

        desired.removesPermissionsBoundary = true
        let removal = Planner.plan(for: desired, current: current, prune: false)
        #expect(removal.changes == [.changePermissionsBoundary(from: boundary, to: nil)])
        #expect(removal.unsupportedChanges.isEmpty)
        #expect(removal.summary.contains("- permissions boundary: \(boundary) -> none"))

        desired.removesPermissionsBoundary = false
        desired.permissionsBoundaryArn = "arn:aws:iam::1:policy/Other"
        let changed = Planner.plan(for: desired, current: current, prune: false)
        #expect(changed.changes == [.changePermissionsBoundary(from: boundary, to: "arn:aws:iam::1:policy/Other")])
        #expect(changed.summary.contains("~ permissions boundary"))

        desired.permissionsBoundaryArn = boundary
        desired.description = ""
        #expect(Planner.plan(for: desired, current: current, prune: true).isEmpty, "nothing changed, nothing planned")

        var unbounded = current
        unbounded.role.permissionsBoundaryArn = nil
        #expect(Planner.plan(for: desired, current: unbounded, prune: false).changes == [.changePermissionsBoundary(from: nil, to: boundary)])
        #expect(Planner.plan(for: desired, current: unbounded, prune: false).summary.contains("+ permissions boundary: none -> "))
    }

    @Test func duplicateArnsAndTagKeysCollapse() {
        var desired = SeedRole.role
        desired.policyArns += [SeedRole.policyArns[0]]
        desired.tags = [RoleTag(key: "a", value: "1"), RoleTag(key: "a", value: "2")]
        let plan = Planner.plan(for: desired, current: nil, prune: false)
        guard case .createRole(let new) = plan.changes.first else {
            Issue.record("no createRole first")
            return
        }
        #expect(new.tags == [RoleTag(key: "a", value: "2")])
        #expect(plan.changes.count == 1 + SeedRole.policyArns.count)
    }

    @Test func readFailuresOtherThanNoSuchEntityPropagate() async throws {
        let iam = FakeIAM()
        await iam.inject(.error(AWSError(code: "AccessDenied", message: "no", httpStatus: 403)), on: "GetRole")
        await #expect(throws: AWSError.self) { try await Planner(iam: iam).plan(for: SeedRole.role) }
    }

    @Test func planRoundTripsThroughFlatJSON() throws {
        let role = ExistingRole(
            roleName: "l4e-role", roleId: "AROA1", arn: "arn:aws:iam::1:role/l4e-role", assumeRolePolicyDocument: "{}",
            maxSessionDuration: 3600, permissionsBoundaryArn: "arn:aws:iam::1:policy/B", tags: [RoleTag(key: "x", value: "1"), RoleTag(key: "team", value: "a")]
        )
        let current = RoleDetails(role: role, attachedPolicies: [AttachedManagedPolicy(policyName: "P", policyArn: "arn:aws:iam::1:policy/P")], tags: role.tags)
        var desired = SeedRole.fullRole
        desired.path = "/other/"
        desired.removesPermissionsBoundary = true  // prune alone keeps a boundary
        for plan in [Planner.plan(for: desired, current: current, prune: true), Planner.offlinePlan(for: SeedRole.fullRole)] {
            let data = try JSONEncoder().encode(plan)
            #expect(try JSONDecoder().decode(Plan.self, from: data) == plan)
        }
        let plan = Planner.plan(for: desired, current: current, prune: true)
        let kinds = Set(plan.changes.map { String(describing: $0).prefix { $0 != "(" } })
        #expect(kinds.count == 10, "every kind but createRole is in this plan: \(kinds)")

        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(plan)) as? [String: Any])
        #expect(object["roleName"] as? String == "l4e-role")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == plan.changes.count)
        let tagChange = try #require(changes.first { $0["change"] as? String == "changeTag" })
        #expect(tagChange["key"] as? String == "team")
        #expect(tagChange["from"] as? String == "a")
        #expect(tagChange["to"] as? String == "data")
        #expect(tagChange["summary"] as? String == "~ tag team: \"a\" -> \"data\"")
        #expect(tagChange["supported"] as? Bool == true)
        let pathChange = try #require(changes.first { $0["change"] as? String == "changePath" })
        #expect(pathChange["supported"] as? Bool == false)
    }

    @Test func summaryListsEveryChangeWithItsMarker() {
        let plan = Planner.offlinePlan(for: SeedRole.fullRole)
        let lines = plan.summary.split(separator: "\n")
        #expect(lines.count == 1 + plan.changes.count)
        #expect(lines[1].hasPrefix("  + create role l4e-role (path /; description \"Lookout for Equipment access\"; max session 7200 s; team=data, env=prod)"))
        #expect(lines[2] == "  + attach arn:aws:iam::aws:policy/AmazonS3FullAccess")
    }
}
