import Foundation
import IAMClient
import Testing
import TestSupport
@testable import Provisioning

/// The role's instance profile against moto through the real signed client,
/// where IAM's own answers decide: lost replies on both profile calls, and a
/// failure after CreateInstanceProfile that the next plan picks up.
@Suite("Instance profiles against moto", .heavy)
struct InstanceProfileMotoTests {
    private func ec2Role(_ prefix: String) -> DesiredRole {
        var role = InstanceProfileFixtures.ec2Role
        role.roleName = MotoServer.uniqueName(prefix)
        return role
    }

    @Test func lostRepliesOnBothProfileCallsStillConverge() async throws {
        let moto = try MotoApplySession(
            try await MotoServer.sharedOrSkip(), faults: ["CreateInstanceProfile": .loseReply, "AddRoleToInstanceProfile": .loseReply])
        let desired = ec2Role("ip-lost")
        let plan = try await Planner(iam: moto.iam).plan(for: desired)
        let result = await Applier(iam: moto.iam).apply(plan)
        #expect(result.status == .succeeded, "\(result.summary)")
        let profile = try await moto.iam.getInstanceProfile(name: desired.roleName)
        #expect(profile.roleNames == [desired.roleName])
        #expect(profile.path == desired.path)
        #expect(try await Planner(iam: moto.iam).plan(for: desired, prune: true).isEmpty)
    }

    @Test func aFailedAddIsPickedUpByTheNextPlan() async throws {
        let moto = try MotoApplySession(try await MotoServer.sharedOrSkip())
        let desired = ec2Role("ip-rerun")
        var plan = try await Planner(iam: moto.iam).plan(for: desired)
        // Stop after the profile is made, as a failure or Ctrl-C would.
        plan.changes.removeAll { $0 == .addRoleToInstanceProfile(name: desired.roleName) }
        #expect(await Applier(iam: moto.iam).apply(plan).status == .succeeded)
        #expect(try await moto.iam.getInstanceProfile(name: desired.roleName).roleNames.isEmpty)

        let replan = try await Planner(iam: moto.iam).plan(for: desired)
        #expect(replan.changes == [.addRoleToInstanceProfile(name: desired.roleName)])
        #expect(await Applier(iam: moto.iam).apply(replan).status == .succeeded)
        #expect(try await Planner(iam: moto.iam).plan(for: desired).isEmpty)
    }
}
