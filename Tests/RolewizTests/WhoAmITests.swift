import Foundation
import Testing
import TestSupport

/// Runs the built `rolewiz whoami` against moto, as a user would.
@Suite("rolewiz whoami", .heavy)
struct WhoAmITests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/CLI-SECRET-NEVER-PRINTED"
    static let token = "CLI-SESSION-TOKEN-NEVER-PRINTED"

    /// Keys in the environment, and an empty HOME so no developer config is read.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-home-\(UUID().uuidString)").path
        return Processes.minimalEnvironment([
            "HOME": home,
            "AWS_CONFIG_FILE": home + "/config", "AWS_SHARED_CREDENTIALS_FILE": home + "/credentials",
            "AWS_ACCESS_KEY_ID": "AKIAWHOAMITEST", "AWS_SECRET_ACCESS_KEY": Self.secret,
        ].merging(extra) { _, new in new })
    }

    func rolewiz(_ arguments: [String], environment: [String: String]) async throws -> ProcessResult {
        try await Processes.run(try Processes.rolewizExecutable(), arguments: arguments, environment: environment, timeout: 60)
    }

    @Test func textOutputShowsIdentityRegionPartitionAndSource() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let result = try await rolewiz(
            ["whoami", "--endpoint-url", moto.endpoint.absoluteString], environment: environment(["AWS_REGION": "eu-west-1"]))
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("Account:     123456789012"))
        #expect(lines.contains { $0.hasPrefix("Arn:         arn:aws:sts::123456789012:") })
        #expect(lines.contains { $0.hasPrefix("UserId:      ") && $0.count > "UserId:      ".count })
        #expect(lines.contains("Region:      eu-west-1 (from AWS_REGION)"))
        #expect(lines.contains("Partition:   aws"))
        #expect(lines.contains { $0.hasPrefix("Credentials: ") && $0.count > "Credentials: ".count })
        #expect(lines.contains("Endpoint:    \(moto.endpoint.absoluteString) (from --endpoint-url)"))
        #expect(result.stderr.isEmpty)
    }

    @Test func jsonOutputMatchesTheAWSCLI() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let result = try await rolewiz(
            ["whoami", "--endpoint-url", moto.endpoint.absoluteString, "--output", "json"], environment: environment())
        #expect(result.exitCode == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String])
        #expect(Set(object.keys) == ["Account", "Arn", "UserId"])
        #expect(object["Account"] == "123456789012")
        #expect(object["Arn"]?.hasPrefix("arn:aws:sts::123456789012:") == true)
        #expect(result.stdout.hasPrefix("{\n    \"Account\": \"123456789012\",\n    \"Arn\": \""))
    }

    @Test func debugLogsEachAttemptWithoutSecrets() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let result = try await rolewiz(
            ["whoami", "--endpoint-url", moto.endpoint.absoluteString, "--debug"],
            environment: environment(["AWS_SESSION_TOKEN": Self.token]))
        #expect(result.exitCode == 0, "\(result.stderr)")
        let debugLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("[rolewiz debug]") }
        #expect(debugLines.count == 1)
        #expect(debugLines.first?.contains("sts GetCallerIdentity | attempt 1 | HTTP 200") == true)
        #expect(debugLines.first?.contains("X-Amz-Security-Token=<redacted>") == true)
        for output in [result.stdout, result.stderr] {
            #expect(!output.contains(Self.secret))
            #expect(!output.contains(Self.token))
        }
    }

    @Test func plainHTTPToANonLoopbackHostIsRefusedBeforeConnecting() async throws {
        let result = try await rolewiz(["whoami", "--endpoint-url", "http://example.com", "--debug"], environment: environment())
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("http://example.com"))
        #expect(result.stderr.contains("loopback"))
        // The debug observer reports every attempt; there was none.
        #expect(!result.stderr.contains("[rolewiz debug]"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnreachableEndpointIsARuntimeFailure() async throws {
        let result = try await rolewiz(
            ["whoami", "--endpoint-url", "http://127.0.0.1:1", "--max-attempts", "2"], environment: environment())
        #expect(result.exitCode == 1)
        #expect(result.stderr.hasPrefix("error: Could not reach AWS: cannot connect to 127.0.0.1:1"))
    }

    @Test func badUsageExitsWithTwo() async throws {
        let badOutput = try await rolewiz(["whoami", "--output", "yaml"], environment: environment())
        #expect(badOutput.exitCode == 2)
        #expect(badOutput.stderr.contains("--output"))
        let badRegion = try await rolewiz(["whoami", "--region", "not a region"], environment: environment())
        #expect(badRegion.exitCode == 2)
        #expect(badRegion.stderr.contains("not a region"))
    }
}
