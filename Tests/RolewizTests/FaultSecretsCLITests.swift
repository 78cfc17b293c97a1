import Foundation
import Testing
import TestSupport

/// The built `rolewiz` with `--debug` through the fault proxy: whatever the
/// network does, the secret key and the session token never appear in its
/// output, and each failure is a message, not a crash. (`rolewiz apply` is
/// not merged on this branch; the apply faults are covered in-process by
/// FaultApplyTests, whose debug logs are checked the same way.)
@Suite("rolewiz --debug never prints secrets, whatever the network does", .heavy)
struct FaultSecretsCLITests {
    static let faults: [FaultRule.Fault?] = [nil] + FaultRule.Fault.allCases

    @Test(arguments: faults)
    func whoamiWithDebug(_ fault: FaultRule.Fault?) async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let rules = fault.map { [FaultRule(action: "GetCallerIdentity", fault: $0, times: -1, seconds: 2)] } ?? []
        let proxy = try await FaultProxy.start(upstream: moto, rules: rules)
        defer { proxy.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("rolewiz-home"))
        let environment = Processes.minimalEnvironment([
            "HOME": home.path,
            "AWS_CONFIG_FILE": home.path + "/config", "AWS_SHARED_CREDENTIALS_FILE": home.path + "/credentials",
            "AWS_ACCESS_KEY_ID": FakeSecrets.accessKeyId, "AWS_SECRET_ACCESS_KEY": FakeSecrets.secretAccessKey,
            "AWS_SESSION_TOKEN": FakeSecrets.sessionToken, "AWS_MAX_ATTEMPTS": "2",
        ])
        let result = try await Processes.run(
            try Processes.rolewizExecutable(),
            arguments: ["whoami", "--debug", "--endpoint-url", proxy.endpoint.absoluteString],
            environment: environment, timeout: 60)
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
}
