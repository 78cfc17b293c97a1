import Foundation
import IAMClient
import Provisioning
import Testing
import TestSupport

/// Credentials that expire during an apply, from a `credential_process`
/// profile as SSO helpers and vaults provide them.
@Suite("Apply with expiring credentials", .heavy)
struct FaultCredentialTests {
    /// A credential_process that hands out a first set expiring in two
    /// seconds, then fresh ones valid for an hour; it counts its runs in a file.
    static let processScript = #"""
        import datetime, json, os, sys
        counter = sys.argv[1]
        runs = int(open(counter).read()) if os.path.exists(counter) else 0
        open(counter, "w").write(str(runs + 1))
        first = runs == 0
        expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=2 if first else 3600)
        print(json.dumps({
            "Version": 1,
            "AccessKeyId": "AKIAEXPIRINGFIRST001" if first else "AKIAREFRESHEDSECOND1",
            "SecretAccessKey": sys.argv[2],
            "SessionToken": sys.argv[3],
            "Expiration": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }))
        """#

    @Test func firstCredentialsExpireQuicklyTheyAreRefreshedAndTheApplyContinues() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("rolewiz-creds"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("issue.py")
        let counter = directory.appendingPathComponent("runs")
        try Self.processScript.write(to: script, atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("config")
        try """
            [profile expiring]
            credential_process = python3 \(script.path) \(counter.path) \(FakeSecrets.secretAccessKey) \(FakeSecrets.sessionToken)
            """.write(to: config, atomically: true, encoding: .utf8)
        let credentialsFile = directory.appendingPathComponent("credentials")
        try "".write(to: credentialsFile, atomically: true, encoding: .utf8)

        // Requests still signed with the first key after the five concurrent
        // reads (which share it) are answered as IAM answers an expired token.
        let world = try await FaultHarness.start(
            rules: [FaultRule(action: "*", fault: .expiredToken, times: -1, skip: 5, accessKey: "AKIAEXPIRINGFIRST001")],
            credentials: nil,
            environment: [
                "AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": credentialsFile.path,
                "HOME": directory.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            ],
            profile: "expiring")
        defer { world.proxy.stop() }

        let outcome = await world.apply()
        #expect(outcome.succeeded, "\(outcome.text)")
        #expect(try await world.isConverged())
        let stats = try await world.proxy.stats()
        #expect(stats.keys["AKIAREFRESHEDSECOND1", default: 0] > 0, "keys: \(stats.keys)")
        #expect(stats.injected.isEmpty, "requests went out with expired credentials: \(stats.log)")
        let runs = Int(try String(contentsOf: counter, encoding: .utf8)) ?? 0
        #expect(runs >= 2)
        #expect(FakeSecrets.leaks(in: world.debugLog.text + outcome.text).isEmpty)
    }
}
