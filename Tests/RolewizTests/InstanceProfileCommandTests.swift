import Foundation
import IAMClient
import Testing
import TestSupport

/// The instance profile of a role EC2 may assume, from a spec file through
/// `plan`, `apply`, `show` and `delete`, against moto through the built binary.
@Suite("rolewiz instance profiles", .heavy)
struct InstanceProfileCommandTests {
    static func spec(name: String, instanceProfile: Bool? = nil) -> String {
        var text = """
            name: \(name)
            path: /app/
            trust:
              services: ec2.amazonaws.com
            policies: [AmazonSSMManagedInstanceCore]

            """
        if let instanceProfile { text += "instanceProfile: \(instanceProfile)\n" }
        return text
    }

    @Test func applyMakesTheProfileShowListsItReplanIsEmptyAndDeleteTakesItAway() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("ec2-profile")
        let file = try rolewiz.write(Self.spec(name: name), to: "\(name).yaml")

        let plan = try await rolewiz.run(["plan", "--spec", file, "--detailed-exitcode"])
        #expect(plan.exitCode == 2, "\(plan.stderr)")
        #expect(plan.section("Instance profile") == [
            "  + create instance profile \"\(name)\" (path \"/app/\")", "  + add the role to instance profile \"\(name)\"",
        ], "\(plan.stdout)")

        let applied = try await rolewiz.run(["apply", "--spec", file, "--yes", "--debug"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(applied.writeActions == ["CreateRole", "AttachRolePolicy", "CreateInstanceProfile", "AddRoleToInstanceProfile"])

        let shown = try await rolewiz.run(["show", name])
        #expect(shown.exitCode == 0, "\(shown.stderr)")
        #expect(shown.outputLines.contains("Instance profiles (1)"), "\(shown.stdout)")
        #expect(shown.outputLines.contains { $0.hasPrefix("  \(name)  arn:aws:iam::123456789012:instance-profile/app/\(name)") }, "\(shown.stdout)")
        let json = try await rolewiz.run(["show", name, "--output", "json"])
        let role = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let profiles = try #require(role["InstanceProfileList"] as? [[String: Any]])
        #expect(profiles.map { $0["InstanceProfileName"] as? String } == [name])
        #expect(profiles.first?["Path"] as? String == "/app/")
        #expect(profiles.first?["Roles"] as? [String] == [name])

        let again = try await rolewiz.run(["plan", "--spec", file, "--prune", "--detailed-exitcode"])
        #expect(again.exitCode == 0, "\(again.stdout)\(again.stderr)")

        let deleted = try await rolewiz.run(["delete", name, "--yes", "--debug"])
        #expect(deleted.exitCode == 0, "\(deleted.stderr)")
        let iam = try rolewiz.iam()
        await #expect(throws: (any Error).self) { _ = try await iam.getInstanceProfile(name: name) }
        await #expect(throws: (any Error).self) { _ = try await iam.getRole(name: name) }
    }

    @Test func falseMakesNoneAndTurningItOffKeepsItUnlessPruning() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("ec2-noprofile")
        let off = try rolewiz.write(Self.spec(name: name, instanceProfile: false), to: "\(name)-off.yaml")
        let none = try await rolewiz.run(["apply", "--spec", off, "--yes", "--debug"])
        #expect(none.exitCode == 0, "\(none.stderr)")
        #expect(!none.writeActions.contains { $0.contains("InstanceProfile") }, "\(none.writeActions)")
        let iam = try rolewiz.iam()
        #expect(try await iam.listInstanceProfilesForRole(roleName: name).isEmpty)

        let on = try rolewiz.write(Self.spec(name: name), to: "\(name).yaml")
        #expect(try await rolewiz.run(["apply", "--spec", on, "--yes"]).exitCode == 0)
        #expect(try await iam.listInstanceProfilesForRole(roleName: name).map(\.name) == [name])
        let kept = try await rolewiz.run(["plan", "--spec", off, "--detailed-exitcode"])
        #expect(kept.exitCode == 0, "turning it off removes nothing without --prune: \(kept.stdout)")
        let pruned = try await rolewiz.run(["apply", "--spec", off, "--prune", "--yes", "--debug"])
        #expect(pruned.exitCode == 0, "\(pruned.stderr)")
        #expect(pruned.writeActions == ["RemoveRoleFromInstanceProfile", "DeleteInstanceProfile"])
        await #expect(throws: (any Error).self) { _ = try await iam.getInstanceProfile(name: name) }
    }

    @Test func aProfileOfAnotherRoleIsRefusedAndLeftAlone() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("ec2-taken")
        let iam = try rolewiz.iam()
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        _ = try await iam.createRole(CreateRoleInput(roleName: "holder-" + name, path: "/", assumeRolePolicyDocument: trust))
        _ = try await iam.createInstanceProfile(name: name, path: "/")
        try await iam.addRoleToInstanceProfile(instanceProfileName: name, roleName: "holder-" + name)

        let file = try rolewiz.write(Self.spec(name: name), to: "\(name).yaml")
        let plan = try await rolewiz.run(["plan", "--spec", file])
        #expect(plan.stdout.contains("! instance profile \"\(name)\" already holds role \"holder-\(name)\""), "\(plan.stdout)")
        let applied = try await rolewiz.run(["apply", "--spec", file, "--yes", "--debug"])
        #expect(applied.exitCode != 0)
        #expect((applied.stdout + applied.stderr).contains("does not take over another role's profile"), "\(applied.stdout)\(applied.stderr)")
        #expect(!applied.writeActions.contains("AddRoleToInstanceProfile"))
        #expect(try await iam.getInstanceProfile(name: name).roleNames == ["holder-" + name])
    }
}
