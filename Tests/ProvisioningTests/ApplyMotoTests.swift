import Foundation
import IAMClient
import Testing
import TestSupport
@testable import Provisioning

/// Plan and apply against moto's IAM through the real signed client: what
/// the fake shows, shown again where IAM's own behaviour decides.
@Suite("Plan and apply against moto", .heavy)
struct ApplyMotoTests {
    /// The seed role under a name no other test uses.
    private func seedRole(_ prefix: String = "l4e-role") -> DesiredRole {
        var role = SeedRole.role
        role.roleName = MotoServer.uniqueName(prefix)
        return role
    }

    private func converge(
        _ moto: MotoApplySession, _ desired: DesiredRole, prune: Bool = false,
        recorder: ApplyEventRecorder = ApplyEventRecorder()
    ) async throws -> (Plan, ApplyResult) {
        let plan = try await Planner(iam: moto.iam).plan(for: desired, prune: prune)
        let result = await Applier(iam: moto.iam).apply(plan, onEvent: recorder.record)
        return (plan, result)
    }

    private func expectConverged(_ moto: MotoApplySession, _ desired: DesiredRole, prune: Bool = false) async throws {
        let plan = try await Planner(iam: moto.iam).plan(for: desired, prune: prune)
        #expect(plan.isEmpty, "left to do: \(plan.summary)")
    }

    @Test func seedRoleFromScratchThenASecondApplyWritesNothing() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip())
        let desired = seedRole()
        let (plan, result) = try await converge(moto, desired)
        #expect(plan.createsRole)
        #expect(result.status == .succeeded, "\(result.summary)")
        #expect(result.roleArn == "arn:aws:iam::123456789012:role/\(desired.roleName)")
        #expect(moto.writeAttempts.map(\.action) == ["CreateRole"] + Array(repeating: "AttachRolePolicy", count: 3))

        let details = try await RoleDetails.load(roleName: desired.roleName, from: moto.iam)
        #expect(trustPoliciesAreEquivalent(details.role.assumeRolePolicyDocument, SeedRole.trustPolicy))
        #expect(Set(details.attachedPolicies.map(\.policyArn)) == Set(SeedRole.policyArns))

        moto.requests.clear()
        let (again, second) = try await converge(moto, desired, prune: true)
        #expect(again.isEmpty)
        #expect(second.status == .succeeded)
        #expect(moto.writeAttempts.isEmpty, "writes: \(moto.writeAttempts.map(\.action))")
    }

    @Test func driftIsRepaired() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip())
        let desired = seedRole()
        _ = try await converge(moto, desired)
        // Behind rolewiz's back: another trust policy, one policy detached.
        try await moto.iam.updateAssumeRolePolicy(
            roleName: desired.roleName,
            policyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        )
        try await moto.iam.detachRolePolicy(roleName: desired.roleName, policyArn: SeedRole.policyArns[1])
        moto.requests.clear()

        let (plan, result) = try await converge(moto, desired)
        #expect(plan.changes == [
            .updateTrustPolicy(from: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#, to: desired.trustPolicy),
            .attachPolicy(arn: SeedRole.policyArns[1]),
        ])
        #expect(result.status == .succeeded)
        #expect(moto.writeAttempts.map(\.action) == ["UpdateAssumeRolePolicy", "AttachRolePolicy"])
        try await expectConverged(moto, desired, prune: true)
    }

    @Test func extrasAreRemovedOnlyWithPrune() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip())
        var desired = seedRole()
        desired.tags = [RoleTag(key: "team", value: "ml")]
        _ = try await converge(moto, desired)
        try await moto.iam.attachRolePolicy(roleName: desired.roleName, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess")
        try await moto.iam.tagRole(name: desired.roleName, tags: [Tag(key: "owner", value: "someone")])
        moto.requests.clear()

        let (kept, _) = try await converge(moto, desired)
        #expect(kept.isEmpty)
        #expect(moto.writeAttempts.isEmpty)

        let (pruned, result) = try await converge(moto, desired, prune: true)
        #expect(pruned.changes == [
            .detachPolicy(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess"),
            .removeTag(RoleTag(key: "owner", value: "someone")),
        ])
        #expect(result.status == .succeeded)
        try await expectConverged(moto, desired, prune: true)
    }

    /// moto's IAM decides what a boundary call does: set on create, replaced,
    /// removed, each with the one call it needs and nothing after.
    @Test func aBoundaryIsSetChangedAndRemovedInIAM() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip())
        var desired = seedRole("boundary")
        desired.permissionsBoundaryArn = "arn:aws:iam::aws:policy/PowerUserAccess"
        _ = try await converge(moto, desired)
        #expect(try await moto.iam.getRole(name: desired.roleName).permissionsBoundaryArn == "arn:aws:iam::aws:policy/PowerUserAccess")

        desired.permissionsBoundaryArn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        desired.description = "changed with the boundary"
        moto.requests.clear()
        let (changed, result) = try await converge(moto, desired)
        #expect(changed.unsupportedChanges.isEmpty)
        #expect(result.status == .succeeded, "\(result.summary)")
        #expect(moto.writeAttempts.map(\.action) == ["UpdateRole", "PutRolePermissionsBoundary"])
        #expect(try await moto.iam.getRole(name: desired.roleName).permissionsBoundaryArn == "arn:aws:iam::aws:policy/ReadOnlyAccess")
        try await expectConverged(moto, desired, prune: true)

        // A spec without a boundary keeps it, even with prune; asked to, the removal is one call.
        desired.permissionsBoundaryArn = nil
        try await expectConverged(moto, desired, prune: true)
        desired.removesPermissionsBoundary = true
        moto.requests.clear()
        let (_, removal) = try await converge(moto, desired)
        #expect(removal.status == .succeeded, "\(removal.summary)")
        #expect(moto.writeAttempts.map(\.action) == ["DeleteRolePermissionsBoundary"])
        #expect(try await moto.iam.getRole(name: desired.roleName).permissionsBoundaryArn == nil)
        try await expectConverged(moto, desired, prune: true)
    }

    @Test func badPolicyArnFailsMidApplyAndFixingTheSpecFinishesTheJob() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip())
        var desired = seedRole()
        let bad = "arn:aws:iam::aws:policy/RolewizNoSuchPolicy"
        desired.policyArns.insert(bad, at: 1)
        // Planning finds the missing policy before any write ...
        await #expect(throws: UnattachablePoliciesError(arns: [bad])) { try await Planner(iam: moto.iam).plan(for: desired) }
        // ... and one deleted between plan and apply fails only its own step.
        let result = await Applier(iam: moto.iam).apply(Planner.plan(for: desired, current: nil, prune: false))
        #expect(result.status == .failed)
        let failure = try #require(result.failures.first)
        #expect(failure.step == .attachPolicy(arn: bad))
        #expect(failure.code == "NoSuchEntity")
        #expect(failure.description.contains("(AttachRolePolicy) failed: NoSuchEntity"))
        #expect(result.completed.first == .createRole(NewRole(desired)))

        desired.policyArns.removeAll { $0 == bad }
        let (plan, rerun) = try await converge(moto, desired)
        #expect(!plan.createsRole)
        #expect(rerun.status == .succeeded)
        try await expectConverged(moto, desired)
    }

    @Test func awkwardDescriptionAndTagsArriveExactly() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip())
        var desired = seedRole()
        desired.description = #"Größe & café: a=b+c/d ~e* "quoted" <tag> 100% ñ"#
        desired.maxSessionDuration = 7200
        desired.tags = [
            RoleTag(key: "team name", value: "Data Ops"),
            RoleTag(key: "Grüße", value: "Zoë Ærø"),
            RoleTag(key: "a:b/c=d+e@f", value: "x:/=+@ y"),
        ]
        let (_, result) = try await converge(moto, desired)
        #expect(result.status == .succeeded, "\(result.summary)")

        let details = try await RoleDetails.load(roleName: desired.roleName, from: moto.iam)
        #expect(details.role.description == desired.description)
        #expect(details.role.maxSessionDuration == 7200)
        #expect(Set(details.tags) == Set(desired.tags))
        try await expectConverged(moto, desired)

        let json = try JSONSerialization.jsonObject(with: Data(try details.jsonText().utf8)) as? [String: Any]
        #expect(json?["Description"] as? String == desired.description)
    }

    @Test func createRoleWhoseReplyWasLostIsReadBackAndContinues() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip(), faults: ["CreateRole": .loseReply])
        var desired = seedRole()
        desired.tags = [RoleTag(key: "team", value: "ml")]
        let recorder = ApplyEventRecorder()
        let (_, result) = try await converge(moto, desired, recorder: recorder)
        #expect(result.status == .succeeded, "\(result.summary)")
        let create = ApplyStep.createRole(NewRole(desired))
        #expect(recorder.events.prefix(3) == [
            .started(create), .retried(create, attempt: 2, reason: "no response (connectionLost)"), .succeeded(create),
        ])
        // The client's second CreateRole met EntityAlreadyExists; the role read
        // back matched, so no update was needed.
        #expect(moto.requests.events.first { $0.action == "CreateRole" && $0.attempt == 2 }?.errorCode == "EntityAlreadyExists")
        #expect(!moto.writeAttempts.contains { $0.action == "UpdateAssumeRolePolicy" || $0.action == "TagRole" })
        try await expectConverged(moto, desired)
    }

    @Test func throttledCallsShowAsRetriedEventsOfTheirStep() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip(), faults: ["AttachRolePolicy": .throttle])
        let desired = seedRole()
        let recorder = ApplyEventRecorder()
        let (_, result) = try await converge(moto, desired, recorder: recorder)
        #expect(result.status == .succeeded)
        let retries = recorder.events.compactMap { event -> (ApplyStep, Int, String)? in
            if case .retried(let step, let attempt, let reason) = event { (step, attempt, reason) } else { nil }
        }
        #expect(retries.count == 1)
        #expect(retries.first.map { SeedRole.policyArns.map { ApplyStep.attachPolicy(arn: $0) }.contains($0.0) } == true)
        #expect(retries.first?.1 == 2)
        #expect(retries.first?.2 == "Throttling")
        try await expectConverged(moto, desired)
    }

    @Test func offlinePlanAppliedToAnExistingRoleConverges() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip())
        var desired = seedRole()
        _ = try await converge(moto, desired)
        desired.description = "set later"
        desired.tags = [RoleTag(key: "env", value: "prod")]
        let result = await Applier(iam: moto.iam).apply(Planner.offlinePlan(for: desired))
        #expect(result.status == .succeeded, "\(result.summary)")
        try await expectConverged(moto, desired)
    }
}
