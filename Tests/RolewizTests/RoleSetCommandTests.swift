import Foundation
import IAMClient
import Testing
import TestSupport

/// `plan` and `apply` over a folder of spec files, against moto: all
/// checked before any call, applied together, one failure kept to its role.
@Suite("rolewiz plan and apply over a set of roles", .heavy)
struct RoleSetCommandTests {
    /// A folder of spec files, one role each, named `PREFIX-N`.
    private func folder(_ rolewiz: RolewizRunner, prefix: String, count: Int, policy: String = "arn:aws:iam::aws:policy/ReadOnlyAccess") throws -> String {
        let folder = rolewiz.home.appendingPathComponent("roles-\(prefix)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 1...count {
            let text = "name: \(prefix)-\(index)\ntrust:\n  services: [lambda.amazonaws.com]\npolicies: [\(policy)]\ntags:\n  set: \(prefix)\n"
            try text.write(to: folder.appendingPathComponent(String(format: "role-%03d.yaml", index)), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    @Test func aFolderIsAppliedRoleByRoleThenReplansWithNothingToDo() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let prefix = MotoServer.uniqueName("set")
        let folder = try folder(rolewiz, prefix: prefix, count: 6)

        let plan = try await rolewiz.run(["plan", "--spec", folder, "--detailed-exitcode", "--no-color"])
        #expect(plan.exitCode == 2, "\(plan.stderr)")
        #expect(plan.outputLines.contains("6 roles: 6 to create, 0 to change, 0 up to date; 12 changes."), "\(plan.stdout)")
        for index in 1...6 { #expect(plan.stdout.contains("Role \(prefix)-\(index) will be created.")) }

        let apply = try await rolewiz.run(["apply", "--spec", folder, "--yes", "--concurrency", "3", "--debug", "--no-color"])
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        #expect(apply.outputLines.contains("6 roles: 6 created, 0 changed, 0 already up to date; 12 changes made."), "\(apply.stdout)")
        #expect(apply.writeActions.filter { $0 == "CreateRole" }.count == 6)
        let iam = try rolewiz.iam()
        for index in 1...6 {
            let attached = try await iam.listAttachedRolePolicies(roleName: "\(prefix)-\(index)")
            #expect(attached.map(\.policyArn) == ["arn:aws:iam::aws:policy/ReadOnlyAccess"])
        }

        let again = try await rolewiz.run(["plan", "--spec", folder, "--detailed-exitcode", "--no-color"])
        #expect(again.exitCode == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.outputLines.contains("6 roles: 0 to create, 0 to change, 6 up to date; 0 changes."))
        let reapply = try await rolewiz.run(["apply", "--spec", folder, "--yes", "--debug"])
        #expect(reapply.exitCode == 0)
        #expect(reapply.writeActions.isEmpty, "a converged set wrote: \(reapply.writeActions)")
    }

    @Test func oneBadFileAmongGoodOnesStopsTheWholeSetBeforeAnyCall() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let prefix = MotoServer.uniqueName("bad")
        let folder = try folder(rolewiz, prefix: prefix, count: 3)
        try "name: \(prefix) 4!\ntrust:\n  services: [lambda.amazonaws.com]\n".write(
            toFile: folder + "/role-004.yaml", atomically: true, encoding: .utf8)
        try "name: \(prefix)-1\ntrust:\n  services: [ec2.amazonaws.com]\n".write(
            toFile: folder + "/role-005.yml", atomically: true, encoding: .utf8)
        try "not a spec".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)

        let apply = try await rolewiz.run(["apply", "--spec", folder, "--yes", "--debug"])
        #expect(apply.exitCode == 2, "\(apply.stdout)")
        #expect(apply.stderr.contains("\(folder)/role-004.yaml:1:7: name: "), "\(apply.stderr)")
        #expect(apply.stderr.contains("\(folder)/role-005.yml: name: role \(prefix)-1 is also in \(folder)/role-001.yaml"), "\(apply.stderr)")
        #expect(!apply.stderr.contains("README"))
        #expect(apply.calledActions.isEmpty, "the set was refused after calls: \(apply.calledActions)")
        #expect(try await rolewiz.iam().listRoles(pathPrefix: nil).allSatisfy { !$0.roleName.hasPrefix(prefix) })
    }

    @Test func aRoleThatFailsDoesNotStopTheOthersAndTheExitCodeSaysSo() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let prefix = MotoServer.uniqueName("part")
        let good = try folder(rolewiz, prefix: prefix, count: 3)
        let missing = "arn:aws:iam::123456789012:policy/\(prefix)-not-made-yet"
        let bad = try folder(rolewiz, prefix: prefix + "x", count: 1, policy: missing)

        let apply = try await rolewiz.run(["apply", "--spec", good, "--spec", bad, "--yes", "--output", "json"])
        #expect(apply.exitCode == 1, "\(apply.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(apply.stdout.utf8)) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: results.map { ($0["roleName"] as? String ?? "", $0["status"] as? String ?? "") })
        #expect(status == ["\(prefix)-1": "succeeded", "\(prefix)-2": "succeeded", "\(prefix)-3": "succeeded", "\(prefix)x-1": "notPlanned"], "\(results)")
        #expect((report["summary"] as? [String: Any])?["failed"] as? Int == 1)
        #expect(apply.stderr.contains(missing), "the failure names the policy: \(apply.stderr)")

        // Once the policy exists, the same command finishes the job.
        let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}"#
        try await rolewiz.iam().client.call("CreatePolicy", [("PolicyName", "\(prefix)-not-made-yet"), ("PolicyDocument", document)]) { @Sendable _ in () }
        let again = try await rolewiz.run(["apply", "--spec", good, "--spec", bad, "--yes", "--debug", "--no-color"])
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.outputLines.contains("4 roles: 1 created, 0 changed, 3 already up to date; 2 changes made."), "\(again.stdout)")
    }

    @Test func theSetRefusesWhatOnlyOneRoleCanTake() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let folder = try folder(rolewiz, prefix: "offline", count: 2)
        let named = try await rolewiz.run(["plan", "--spec", folder, "--role-name", "x"], endpoint: false)
        #expect(named.exitCode == 2)
        #expect(named.stderr.contains("--role-name names one role"))
        let export = try await rolewiz.run(["export", "--spec", folder, "--format", "json"], endpoint: false)
        #expect(export.exitCode == 2)
        #expect(export.stderr.contains("--format json writes one role's spec file"), "\(export.stderr)")
        let empty = rolewiz.home.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let nothing = try await rolewiz.run(["plan", "--spec", empty], endpoint: false)
        #expect(nothing.exitCode == 2)
        #expect(nothing.stderr.contains("the folder holds no spec files"))
        // Offline, the set is planned as to be created, as one role is.
        let offline = try await rolewiz.run(["plan", "--spec", folder, "--no-color"], endpoint: false, credentials: false)
        #expect(offline.exitCode == 0, "\(offline.stderr)")
        #expect(offline.outputLines.contains("2 roles: 2 to create, 0 to change, 0 up to date; 4 changes."), "\(offline.stdout)")
    }
}
