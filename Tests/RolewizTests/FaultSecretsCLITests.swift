import Foundation
import Testing
import TestSupport

/// The built `rolewiz` with `--debug` through the fault proxy: whatever the
/// network does, the secret key and the session token never appear in its
/// output, and each failure is a message, not a crash: for a read
/// (`whoami`) and for the writes of `apply` (FaultApplyTests covers the
/// apply faults in-process too, with the same checks on its debug log).
@Suite("rolewiz --debug never prints secrets, whatever the network does", .heavy)
struct FaultSecretsCLITests {
    static let faults: [FaultRule.Fault?] = [nil] + FaultRule.Fault.allCases

    @Test(arguments: faults)
    func whoamiWithDebug(_ fault: FaultRule.Fault?) async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let rules = fault.map { [FaultRule(action: "GetCallerIdentity", fault: $0, times: -1, seconds: 2)] } ?? []
        let proxy = try await FaultProxy.start(upstream: moto, rules: rules)
        defer { proxy.stop() }
        let result = try await Self.runDebug(["whoami"], through: proxy)
        #expect(!result.timedOut)
        #expect(FakeSecrets.leaks(in: result.stdout + result.stderr).isEmpty, "\(fault?.rawValue ?? "no fault") leaked a secret")
        #expect(result.stderr.contains("[rolewiz debug]"), "no debug lines: \(result.stderr)")
        if let fault {
            // Every attempt meets the fault: a message and exit 1, not a crash.
            #expect(result.exitCode == 1, "\(fault.rawValue): exit \(result.exitCode)\n\(result.stderr)")
            let message = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("[rolewiz debug]") }
            #expect(!message.isEmpty, "\(fault.rawValue): no message")
        } else {
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
    }

    /// The faults IAM's answer carries. A stall or a dropped connection may
    /// wait out the 30 s attempt time-out, twice: whoami above covers their
    /// debug lines, FaultApplyTests what apply does after them.
    static let quickFaults = faults.filter { ![.stall, .dropAfter, .dropBefore].contains($0) }

    @Test(arguments: quickFaults)
    func applyWithDebug(_ fault: FaultRule.Fault?) async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let rules = fault.map { [FaultRule(action: "CreateRole", fault: $0, times: -1, seconds: 2)] } ?? []
        let proxy = try await FaultProxy.start(upstream: moto, rules: rules)
        defer { proxy.stop() }
        let name = MotoServer.uniqueName("debug-apply")
        let result = try await Self.runDebug(["apply", "--preset", "lambda-basic", "--role-name", name, "--yes"], through: proxy)
        #expect(!result.timedOut)
        #expect(FakeSecrets.leaks(in: result.stdout + result.stderr).isEmpty, "\(fault?.rawValue ?? "no fault") leaked a secret")
        #expect(result.stderr.contains("[rolewiz debug]"), "no debug lines: \(result.stderr)")
        if let fault {
            // A reply lost after IAM acted may end either way; what matters is a message, never a crash.
            #expect([0, 1].contains(result.exitCode), "\(fault.rawValue): exit \(result.exitCode)\n\(result.stderr)")
            if result.exitCode == 1 {
                #expect(result.stderr.contains("CreateRole") || result.stdout.contains("create role"), "\(fault.rawValue): the failed step is not named\n\(result.stderr)")
            }
        } else {
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
    }

    /// `rolewiz ARGUMENTS --debug` against the proxy, with fake secrets in a throwaway home.
    static func runDebug(_ arguments: [String], through proxy: FaultProxy) async throws -> ProcessResult {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("rolewiz-home"))
        let environment = Processes.minimalEnvironment([
            "HOME": home.path,
            "AWS_CONFIG_FILE": home.path + "/config", "AWS_SHARED_CREDENTIALS_FILE": home.path + "/credentials",
            "AWS_ACCESS_KEY_ID": FakeSecrets.accessKeyId, "AWS_SECRET_ACCESS_KEY": FakeSecrets.secretAccessKey,
            "AWS_SESSION_TOKEN": FakeSecrets.sessionToken, "AWS_MAX_ATTEMPTS": "2",
        ])
        return try await Processes.run(
            try Processes.rolewizExecutable(),
            arguments: arguments + ["--debug", "--endpoint-url", proxy.endpoint.absoluteString],
            environment: environment, timeout: 60)
    }
}
