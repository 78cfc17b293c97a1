import Foundation
import IAMClient
import Testing
@testable import Provisioning

/// Deleting a role: everything IAM needs gone first, listed, then done in
/// order; an interrupted delete is finished by running it again.
@Suite("Role deletion", .timeLimit(.minutes(10)))
struct RoleDeletionTests {
    private static let everything = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#

    /// The seed role with `inline` inline policies and instance profiles named `profiles`.
    private func roleWithExtras(inline: Int, profiles: [String], boundary: String? = nil) async throws -> FakeIAM {
        let iam = FakeIAM()
        var desired = SeedRole.fullRole
        desired.permissionsBoundaryArn = boundary
        _ = await Applier(iam: iam).apply(Planner.offlinePlan(for: desired))
        for index in 0..<inline {
            try await iam.putRolePolicy(roleName: desired.roleName, policy: InlinePolicy(name: "inline-\(index)", document: Self.everything))
        }
        for profile in profiles { await iam.addInstanceProfile(profile, roleName: desired.roleName) }
        await iam.resetCalls()
        return iam
    }

    @Test func everythingThatMustGoFirstIsListedAndGoesInIAMsOrder() async throws {
        let iam = try await roleWithExtras(inline: 2, profiles: ["l4e-role", "shared-profile"], boundary: "arn:aws:iam::aws:policy/ReadOnlyAccess")
        let deletion = try await RoleDeletion.load(roleName: "l4e-role", from: iam)
        #expect(deletion.refusal == nil)
        #expect(deletion.instanceProfilesToDelete == ["l4e-role"], "only the profile made for the role is deleted")
        // Attachments were made concurrently, so IAM lists them in any order.
        #expect(Set(deletion.steps.prefix(3)) == Set(SeedRole.policyArns.map { ApplyStep.detachPolicy(arn: $0) }))
        #expect(Array(deletion.steps.dropFirst(3)) == [.deleteInlinePolicy(name: "inline-0"), .deleteInlinePolicy(name: "inline-1"),
               .removeFromInstanceProfile(name: "l4e-role"), .removeFromInstanceProfile(name: "shared-profile"),
               .deleteInstanceProfile(name: "l4e-role"), .deleteRole] as [ApplyStep])
        let summary = deletion.summary.joined(separator: "\n")
        for line in ["- detach arn:aws:iam::aws:policy/AmazonS3FullAccess", "- delete inline policy inline-1",
                     "- delete instance profile l4e-role (made for this role)",
                     "- remove from instance profile shared-profile (the profile itself is kept)",
                     "- its permissions boundary setting (arn:aws:iam::aws:policy/ReadOnlyAccess); the policy itself is kept",
                     "- the role, with its trust policy and tags"] {
            #expect(summary.contains(line), "\(summary)")
        }

        let result = await Applier(iam: iam).run(deletion.steps, roleName: "l4e-role", roleArn: deletion.role.arn)
        #expect(result.status == .succeeded, "\(result.summary)")
        await #expect(throws: AWSError.self) { try await iam.getRole(name: "l4e-role") }
        #expect(await iam.instanceProfileNames == ["shared-profile"])
        #expect(await iam.writeCalls.last?.action == "DeleteRole")
    }

    /// Any mix of attachments, inline policies and profiles is deleted
    /// completely, with one call per thing and the role last.
    @Test(arguments: [(0, 0, 0), (0, 1, 0), (1, 0, 1), (3, 3, 2), (0, 0, 2), (3, 10, 1)])
    func anyMixIsDeletedCompletely(attached: Int, inline: Int, profiles: Int) async throws {
        let iam = try await roleWithExtras(inline: inline, profiles: (0..<profiles).map { $0 == 0 ? "l4e-role" : "other-\($0)" })
        let deletion = try await RoleDeletion.load(roleName: "l4e-role", from: iam)
        let kept = Array(SeedRole.policyArns.prefix(attached))
        for arn in SeedRole.policyArns where !kept.contains(arn) { try await iam.detachRolePolicy(roleName: "l4e-role", policyArn: arn) }
        let fresh = try await RoleDeletion.load(roleName: "l4e-role", from: iam)
        #expect(deletion.steps.count >= fresh.steps.count)
        await iam.resetCalls()
        let result = await Applier(iam: iam).run(fresh.steps, roleName: "l4e-role", roleArn: fresh.role.arn)
        #expect(result.status == .succeeded, "\(result.summary)")
        #expect(await iam.writeCalls.count == attached + inline + profiles + min(profiles, 1) + 1)
        await #expect(throws: AWSError.self) { try await iam.getRole(name: "l4e-role") }
        #expect(await iam.instanceProfileNames == (1..<max(1, profiles)).map { "other-\($0)" })
    }

    @Test func aFailedDeleteSaysWhatIsLeftAndRunningItAgainFinishes() async throws {
        let iam = try await roleWithExtras(inline: 1, profiles: ["l4e-role"])
        await iam.inject(.error(AWSError(code: "ServiceFailure", message: "try later", httpStatus: 500)), on: "DeleteRolePolicy")
        let first = try await RoleDeletion.load(roleName: "l4e-role", from: iam)
        let failed = await Applier(iam: iam).run(first.steps, roleName: "l4e-role", roleArn: first.role.arn)
        #expect(failed.status == .failed)
        #expect(failed.failures.map(\.step) == [.deleteInlinePolicy(name: "inline-0")])
        #expect(failed.notStarted.contains(.deleteRole), "nothing after a failure starts")
        #expect(try await iam.getRole(name: "l4e-role").roleName == "l4e-role")
        let words = RoleDeletion.unfinished(failed)
        #expect(words.first == "DeleteRolePolicy failed (delete inline policy inline-0): ServiceFailure: try later")
        #expect(words.contains { $0.hasPrefix("Done: detach arn:aws:iam::aws:policy/") })
        #expect(words.contains { $0.hasPrefix("Not done: ") && $0.contains("delete the role") })
        #expect(words.last == "The role still exists. Delete it again to finish the job.")

        let again = try await RoleDeletion.load(roleName: "l4e-role", from: iam)
        #expect(again.attachedPolicyArns.isEmpty, "the detachments that were done stay done")
        let finished = await Applier(iam: iam).run(again.steps, roleName: "l4e-role", roleArn: again.role.arn)
        #expect(finished.status == .succeeded, "\(finished.summary)")
        await #expect(throws: AWSError.self) { try await iam.getRole(name: "l4e-role") }
    }

    /// Stopped between emptying the role's own profile and deleting it, the
    /// next delete no longer finds the profile through the role; it still
    /// deletes it, so nothing is left behind.
    @Test func aProfileEmptiedByAnEarlierDeleteIsDeletedOnTheRerun() async throws {
        let iam = try await roleWithExtras(inline: 0, profiles: ["l4e-role"])
        try await iam.removeRoleFromInstanceProfile(instanceProfileName: "l4e-role", roleName: "l4e-role")
        let deletion = try await RoleDeletion.load(roleName: "l4e-role", from: iam)
        #expect(deletion.instanceProfiles.isEmpty)
        #expect(deletion.instanceProfilesToDelete == ["l4e-role"])
        #expect(deletion.summary.contains("  - delete instance profile l4e-role (made for this role, left empty by an earlier delete)"))
        let result = await Applier(iam: iam).run(deletion.steps, roleName: "l4e-role", roleArn: deletion.role.arn)
        #expect(result.status == .succeeded, "\(result.summary)")
        #expect(await iam.instanceProfileNames.isEmpty)
    }

    /// A profile named like the role that holds another role is not this role's to delete.
    @Test func aSameNamedProfileHoldingAnotherRoleIsLeftAlone() async throws {
        let iam = try await roleWithExtras(inline: 0, profiles: [])
        await iam.addInstanceProfile("l4e-role", roleName: "someone-else")
        let deletion = try await RoleDeletion.load(roleName: "l4e-role", from: iam)
        #expect(deletion.instanceProfilesToDelete.isEmpty)
        _ = await Applier(iam: iam).run(deletion.steps, roleName: "l4e-role", roleArn: deletion.role.arn)
        #expect(await iam.instanceProfileNames == ["l4e-role"])
    }

    @Test func aStopRequestLeavesTheRoleAndSaysWhatWasNotDone() async throws {
        let iam = try await roleWithExtras(inline: 0, profiles: [])
        let deletion = try await RoleDeletion.load(roleName: "l4e-role", from: iam)
        let cancellation = ApplyCancellation()
        cancellation.cancel()
        let result = await Applier(iam: iam).run(deletion.steps, roleName: "l4e-role", roleArn: deletion.role.arn, cancellation: cancellation)
        #expect(result.status == .cancelled)
        #expect(result.notStarted.last == .deleteRole)
        #expect(await iam.writeCalls.isEmpty)
    }

    @Test func aServiceLinkedRoleIsRefusedWithTheRightAPI() throws {
        let role = ExistingRole(
            roleName: "AWSServiceRoleForElasticBeanstalk", roleId: "AROA1",
            arn: "arn:aws:iam::1:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk",
            path: "/aws-service-role/elasticbeanstalk.amazonaws.com/", assumeRolePolicyDocument: "{}")
        let deletion = RoleDeletion(role: role, attachedPolicyArns: [], inlinePolicyNames: [], instanceProfiles: [])
        let refusal = try #require(deletion.refusal)
        #expect(refusal.contains("service-linked role"))
        #expect(refusal.contains("elasticbeanstalk.amazonaws.com"))
        #expect(refusal.contains("aws iam delete-service-linked-role --role-name AWSServiceRoleForElasticBeanstalk"))
    }
}
