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

    /// On a terminal the role's name must be typed; anything else deletes nothing.
    @Test func onATerminalTheNameMustBeTyped() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let rolewiz = try RolewizRunner(moto: moto)
        let name = MotoServer.uniqueName("typed")
        let applied = try await rolewiz.run(["apply", "--preset", "lambda-basic", "--role-name", name, "--yes"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let home = try WizardEndToEndTests.emptyHome()
        let arguments = ["delete", name, "--endpoint-url", moto.endpoint.absoluteString]
        let environment = WizardEndToEndTests.environment(moto, home: home)

        let wrong = try WizardPane.start(arguments, environment: environment)
        defer { wrong.close() }
        // The question goes to standard error (a file here): the list is on the screen.
        try await wrong.waitFor("the role, with its trust policy and tags")
        wrong.tmux.type("y")
        wrong.tmux.send("Enter")
        #expect(try await wrong.waitForExit() == 1)
        #expect(wrong.read("stderr")?.contains("Type the role's name to delete it:") == true)
        #expect(wrong.read("stderr")?.contains("Delete cancelled: the name did not match, nothing was changed.") == true)
        #expect(try await rolewiz.iam().getRole(name: name).roleName == name)

        let typed = try WizardPane.start(arguments, environment: environment)
        defer { typed.close() }
        try await typed.waitFor("the role, with its trust policy and tags")
        typed.tmux.type(name)
        typed.tmux.send("Enter")
        try await typed.waitFor("Deleted role \(name).")
        #expect(try await typed.waitForExit() == 0)
        let (before, after) = typed.sttyBeforeAndAfter
        #expect(before == after)
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
