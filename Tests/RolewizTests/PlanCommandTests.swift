import Foundation
import Testing
import TestSupport

/// `rolewiz plan`: the human diff, JSON, exit codes, offline plans and bad input.
@Suite("rolewiz plan", .heavy)
struct PlanCommandTests {
    @Test func detailedExitcodeIsTwoWithChangesAndZeroWithout() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("plan")
        let before = try await rolewiz.run(["plan", "--preset", "lookout-equipment", "--role-name", name, "--detailed-exitcode", "--debug"])
        #expect(before.exitCode == 2, "\(before.stderr)")
        #expect(before.writeActions.isEmpty)
        let lines = before.outputLines
        #expect(lines.first == "Role \(name) will be created.")
        #expect(lines.contains("  + create role \(name)"))
        #expect(lines.contains("Trust policy"))
        #expect(lines.contains { $0.hasPrefix("  + ") && $0.contains("\"lookoutequipment.amazonaws.com\"") })
        #expect(lines.contains("Managed policies"))
        for arn in Seed.policyArns { #expect(lines.contains("  + \(arn)")) }
        #expect(lines.contains("Findings"))
        #expect(lines.contains { $0.hasPrefix("  security warning  ") })
        #expect(lines.last { !$0.isEmpty } == "Plan: 4 changes (4 to add, 0 to change, 0 to remove).")
        #expect(!before.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")

        let applied = try await rolewiz.run(["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let after = try await rolewiz.run(["plan", "--preset", "lookout-equipment", "--role-name", name, "--detailed-exitcode"])
        #expect(after.exitCode == 0, "\(after.stderr)")
        #expect(after.outputLines.first == "Role \(name) is up to date: nothing to do.")
        let plain = try await rolewiz.run(["plan", "--preset", "lookout-equipment", "--role-name", MotoServer.uniqueName("plan")])
        #expect(plain.exitCode == 0, "without --detailed-exitcode changes exit 0")
    }

    @Test func jsonOutputListsChangesAndFindings() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("planjson")
        let result = try await rolewiz.run(["plan", "--preset", "lookout-equipment", "--role-name", name, "--tag", "team=ml", "--output", "json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["roleName"] as? String == name)
        #expect(object["offline"] as? Bool == false)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["change"] as? String } == ["createRole", "attachPolicy", "attachPolicy", "attachPolicy"])
        let tags = try #require(changes.first?["tags"] as? [[String: String]])
        #expect(tags.contains { $0["key"] == "team" && $0["value"] == "ml" })
        let findings = try #require(object["findings"] as? [[String: String]])
        #expect(findings.allSatisfy { $0["severity"] != nil && $0["code"] != nil && $0["message"] != nil })
    }

    @Test func withoutCredentialsThePlanIsMadeOffline() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let name = MotoServer.uniqueName("offline")
        let result = try await rolewiz.run(
            ["plan", "--preset", "lookout-equipment", "--role-name", name, "--detailed-exitcode", "--debug"], credentials: false)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.calledActions.isEmpty)
        #expect(result.outputLines.first == "Note: No AWS credentials were found, so rolewiz cannot read or change IAM. This plan assumes the role does not exist yet.")

        let apply = try await rolewiz.run(["apply", "--preset", "lookout-equipment", "--yes", "--debug"], credentials: false)
        #expect(apply.exitCode == 1)
        #expect(apply.stderr.hasPrefix("error: apply needs to read and change IAM. No AWS credentials were found"), "\(apply.stderr)")
        #expect(apply.calledActions.isEmpty)
        #expect(result.outputLines.contains("  + create role \(name)"))

        let json = try await rolewiz.run(["plan", "--preset", "lookout-equipment", "--output", "json"], credentials: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["offline"] as? Bool == true)
    }

    @Test func anUnknownPresetListsThePresetsWithASuggestion() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let result = try await rolewiz.run(["plan", "--preset", "lookout-equipmnt"], credentials: false)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(#"there is no preset "lookout-equipmnt" (did you mean "lookout-equipment"?); presets: lookout-equipment, "#))
    }

    @Test func badTagSyntaxNamesTheFlag() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let result = try await rolewiz.run(["plan", "--preset", "lookout-equipment", "--tag", "no-equals-sign"], credentials: false)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(#"--tag "no-equals-sign": expected KEY=VALUE"#))
    }

    /// The console's Details fields as flags: path, session length in hours
    /// and the boundary, set, kept and removed through plan and apply.
    @Test func detailsFlagsSetPathSessionDurationAndBoundary() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("details")
        let flags = ["--preset", "lambda-basic", "--role-name", name, "--path", "/svc/", "--max-session-duration", "12h",
                     "--permissions-boundary", "PowerUserAccess"]
        let planned = try await rolewiz.run(["plan"] + flags)
        #expect(planned.exitCode == 0, "\(planned.stderr)")
        #expect(planned.outputLines.contains { $0.contains("path") && $0.contains("/svc/") }, "\(planned.stdout)")
        #expect(planned.outputLines.contains { $0.contains("max session") && $0.contains("43200 s") })
        #expect(planned.outputLines.contains { $0.contains("boundary") && $0.contains("arn:aws:iam::aws:policy/PowerUserAccess") })
        let applied = try await rolewiz.run(["apply", "--yes"] + flags)
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let again = try await rolewiz.run(["plan", "--detailed-exitcode"] + flags)
        #expect(again.exitCode == 0, "\(again.stdout)")
        let kept = try await rolewiz.run(["plan", "--detailed-exitcode", "--preset", "lambda-basic", "--role-name", name, "--path", "/svc/"])
        #expect(kept.exitCode == 0, "fields the spec does not name are kept: \(kept.stdout)")

        let removing = ["--preset", "lambda-basic", "--role-name", name, "--path", "/svc/", "--max-session-duration", "43200", "--no-permissions-boundary"]
        let removal = try await rolewiz.run(["plan"] + removing)
        #expect(removal.outputLines.contains("  - permissions boundary: arn:aws:iam::aws:policy/PowerUserAccess -> none"), "\(removal.stdout)")
        let removed = try await rolewiz.run(["apply", "--yes", "--debug"] + removing)
        #expect(removed.exitCode == 0, "\(removed.stderr)")
        #expect(removed.writeActions == ["DeleteRolePermissionsBoundary"], "\(removed.writeActions)")
        let shown = try await rolewiz.run(["show", name, "--output", "json"])
        #expect(!shown.stdout.contains("PermissionsBoundary\": {"), "\(shown.stdout)")
    }

    @Test func badDetailsFlagsNameTheFlag() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let cases: [([String], String)] = [
            (["--max-session-duration", "13h"], "--max-session-duration: maxSessionDuration: 46800 seconds is outside IAM's range"),
            (["--max-session-duration", "half a day"], #"--max-session-duration "half a day": expected seconds"#),
            (["--path", "svc"], #"--path: path: "svc" must start and end with "/""#),
            (["--permissions-boundary", "NoSuchPolicyXYZ"], #"--permissions-boundary: permissionsBoundary: there is no AWS managed policy named "NoSuchPolicyXYZ""#),
            (["--permissions-boundary", "PowerUserAccess", "--no-permissions-boundary"], "not both"),
        ]
        for (flags, message) in cases {
            let result = try await rolewiz.run(["plan", "--preset", "lambda-basic"] + flags, credentials: false)
            #expect(result.exitCode == 2, "\(flags)")
            #expect(result.stderr.contains(message), "\(flags): \(result.stderr)")
        }
    }

    @Test func presetOrSpecIsRequiredButNotBoth() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let neither = try await rolewiz.run(["plan"], credentials: false)
        #expect(neither.exitCode == 2)
        #expect(neither.stderr.contains("--preset NAME or --spec FILE"))
        let both = try await rolewiz.run(["plan", "--preset", "lambda-basic", "--spec", "x.yaml"], credentials: false)
        #expect(both.exitCode == 2)
        #expect(both.stderr.contains("not both"))
    }

    @Test func specFileErrorsCarryFileLineAndColumn() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let path = try rolewiz.write("""
            name: file-role
            trust:
              services: [sagemaker.amazonaws.com]
            polices: [AmazonS3FullAccess]
            """, to: "typo.yaml")
        let typo = try await rolewiz.run(["plan", "--spec", path], credentials: false)
        #expect(typo.exitCode == 2)
        #expect(typo.stderr.hasPrefix("error: \(path):4:1: "), "\(typo.stderr)")
        #expect(typo.stderr.contains("policies"))

        let invalid = try rolewiz.write("""
            name: file role
            trust:
              services: [sagemaker.amazonaws.com]
            tags:
              team: "a#b"
            """, to: "invalid.yaml")
        let result = try await rolewiz.run(["plan", "--spec", invalid], credentials: false)
        #expect(result.exitCode == 2)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.contains { $0.hasPrefix("error: \(invalid):1:7: name: ") })
        #expect(errors.contains { $0.hasPrefix("error: \(invalid):5:9: tags[0].value: ") })
    }
}
