import Foundation
import Testing
import TestSupport

/// `rolewiz presets` and `rolewiz lint`: offline commands, their output and exit codes.
@Suite("rolewiz presets and lint", .heavy)
struct PresetsAndLintCommandTests {
    @Test func presetsListsEveryPresetAligned() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let result = try await rolewiz.run(["presets"], endpoint: false, credentials: false)
        #expect(result.exitCode == 0)
        let names = result.outputLines.filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(names.first?.hasPrefix("lookout-equipment  ") == true)
        // Summaries start in one column, two spaces after the longest name.
        let width = names.map { $0.prefix { $0 != " " }.count }.max() ?? 0
        for line in names.map(Array.init) {
            #expect(line.count > width + 2 && line[width] == " " && line[width + 1] == " " && line[width + 2] != " ", "\(String(line))")
        }
    }

    @Test func onePresetPrintsAsASpecFile() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let yaml = try await rolewiz.run(["presets", "lookout-equipment"], endpoint: false, credentials: false)
        #expect(yaml.exitCode == 0)
        #expect(yaml.outputLines.contains("name: l4e-role"))
        let json = try await rolewiz.run(["presets", "lookout-equipment", "--output", "json"], endpoint: false, credentials: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["spec"] as? [String: Any])?["name"] as? String == "l4e-role")
        let unknown = try await rolewiz.run(["presets", "lambda-basc"], endpoint: false, credentials: false)
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains(#"(did you mean "lambda-basic"?)"#))
    }

    @Test func lintReadsStandardInputAndExitsOneOnErrors() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let good = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let clean = try await rolewiz.run(["lint", "-"], endpoint: false, credentials: false, stdin: Data(good.utf8))
        #expect(clean.exitCode == 0, "\(clean.stdout)\(clean.stderr)")

        let bad = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}"#
        let broken = try await rolewiz.run(["lint", "-"], endpoint: false, credentials: false, stdin: Data(bad.utf8))
        #expect(broken.exitCode == 1)
        #expect(broken.outputLines.contains { $0.hasPrefix("<stdin>:1:") && $0.contains(": error ") }, "\(broken.stdout)")

        let json = try await rolewiz.run(["lint", "-", "--output", "json"], endpoint: false, credentials: false, stdin: Data(bad.utf8))
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(findings.contains { $0["severity"] as? String == "error" && $0["file"] as? String == "<stdin>" })
    }

    @Test func lintTellsAnIdentityPolicyAndTakesKind() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let identity = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjcet","Resource":"*"}]}"#
        let told = try await rolewiz.run(["lint", "-"], endpoint: false, credentials: false, stdin: Data(identity.utf8))
        #expect(told.exitCode == 1)
        #expect(told.outputLines.filter { !$0.isEmpty } == [#"<stdin>:1:65: error ACTION_INVALID: "s3:GetObjcet" is not an action of its service (did you mean s3:GetObject?)"#],
                "\(told.stdout)")
        let asTrust = try await rolewiz.run(["lint", "-", "--kind", "trust"], endpoint: false, credentials: false, stdin: Data(identity.utf8))
        #expect(asTrust.stdout.contains("TRUST_RESOURCE") && asTrust.stdout.contains("TRUST_PRINCIPAL_MISSING"), "\(asTrust.stdout)")
        let unknown = try await rolewiz.run(["lint", "-", "--kind", "scp"], endpoint: false, credentials: false, stdin: Data(identity.utf8))
        #expect(unknown.exitCode == 64 || unknown.exitCode == 2, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("--kind"), "\(unknown.stderr)")
    }

    @Test func lintPointsIntoASpecFile() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let path = try rolewiz.write("""
            name: linted
            trust:
              services: [sagemaker.amazonaws.com]
            tags:
              team: "a#b"
            """, to: "linted.yaml")
        let result = try await rolewiz.run(["lint", path], endpoint: false, credentials: false)
        #expect(result.exitCode == 1)
        #expect(result.outputLines.contains { $0.hasPrefix("\(path):5:9: error ") }, "\(result.stdout)")
        let missing = try await rolewiz.run(["lint", rolewiz.home.appendingPathComponent("nope.json").path], endpoint: false, credentials: false)
        #expect(missing.exitCode == 2, "an unreadable file is an input error")
        #expect(missing.stderr.contains("cannot read: there is no such file"))
    }
}
