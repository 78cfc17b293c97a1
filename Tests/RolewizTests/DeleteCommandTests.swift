import Foundation
import IAMClient
import Testing
import TestSupport

/// `rolewiz delete` against moto: what must go first goes, nothing without
/// confirmation, never a service-linked role.
@Suite("rolewiz delete", .heavy)
struct DeleteCommandTests {
    @Test func aRoleWithPoliciesAndAnInstanceProfileIsDeletedWithAllOfIt() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("delete")
        let applied = try await rolewiz.run(["apply", "--preset", "lookout-equipment", "--role-name", name,
                                             "--permissions-boundary", "PowerUserAccess", "--yes"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let iam = try rolewiz.iam()
        try await iam.putRolePolicy(roleName: name, policy: InlinePolicy(
            name: "extra", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#))
        try await iam.client.call("CreateInstanceProfile", [("InstanceProfileName", name)])
        try await iam.client.call("AddRoleToInstanceProfile", [("InstanceProfileName", name), ("RoleName", name)])

        // Without a terminal and without --yes nothing is deleted.
        let refused = try await rolewiz.run(["delete", name, "--debug"])
        #expect(refused.exitCode == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("refusing to delete without --yes"))
        #expect(refused.writeActions.isEmpty)
        for line in ["- detach arn:aws:iam::aws:policy/AmazonS3FullAccess", "- delete inline policy extra",
                     "- delete instance profile \(name) (made for this role)", "- its permissions boundary setting"] {
            #expect(refused.stdout.contains(line), "\(refused.stdout)")
        }

        let deleted = try await rolewiz.run(["delete", name, "--yes", "--debug"])
        #expect(deleted.exitCode == 0, "\(deleted.stderr)")
        #expect(deleted.outputLines.contains("Deleted role \(name)."), "\(deleted.stdout)")
        #expect(Set(deleted.writeActions) == ["DetachRolePolicy", "DeleteRolePolicy", "RemoveRoleFromInstanceProfile", "DeleteInstanceProfile", "DeleteRole"])
        #expect(deleted.writeActions.last == "DeleteRole")
        let shown = try await rolewiz.run(["show", name])
        #expect(shown.exitCode == 1 && shown.stderr.contains("NoSuchEntity"), "\(shown.stderr)")
        let profiles = try await iam.listInstanceProfilesForRole(roleName: name).map(\.name)
        #expect(profiles.isEmpty)
        await #expect(throws: AWSError.self) { try await iam.client.call("GetInstanceProfile", [("InstanceProfileName", name)]) }

        let again = try await rolewiz.run(["delete", name, "--yes"])
        #expect(again.exitCode == 1)
        #expect(again.stderr.contains("NoSuchEntity"), "\(again.stderr)")
    }

    @Test func aServiceLinkedRoleIsRefused() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let iam = try rolewiz.iam()
        let suffix = MotoServer.uniqueName("slr")
        let role = try await iam.client.call(
            "CreateServiceLinkedRole", [("AWSServiceName", "elasticbeanstalk.amazonaws.com"), ("CustomSuffix", suffix)]
        ) { $0.child("Role")?.text("RoleName") ?? "" }
        #expect(!role.isEmpty)
        let result = try await rolewiz.run(["delete", role, "--yes", "--debug"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("is a service-linked role"), "\(result.stderr)")
        #expect(result.stderr.contains("aws iam delete-service-linked-role --role-name \(role)"))
        #expect(result.writeActions.isEmpty)
        #expect(try await iam.getRole(name: role).roleName == role)
    }
}
