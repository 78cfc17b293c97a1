import Foundation
@testable import IAMClient

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var readCount = 0

    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = start
    }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        readCount += 1
        return current
    }

    /// How many times the time was read, so a test can tell when callers got somewhere.
    var reads: Int {
        lock.lock()
        defer { lock.unlock() }
        return readCount
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        current += seconds
        lock.unlock()
    }

    var function: @Sendable () -> Date { { self.now } }
}

/// STS as the chain sees it: records each call and the credentials its client
/// was signed with, and answers with made-up temporary credentials.
final class FakeSTS: @unchecked Sendable {
    struct AssumeRoleCall: Sendable {
        var roleArn: String
        var sessionName: String
        var externalId: String?
        var durationSeconds: Int?
        /// The MFA device and code sent, if any.
        var mfa: MFAToken? = nil
        /// The credentials the client was built on (nil for an unsigned client).
        var signedWith: AWSCredentials?
    }

    struct WebIdentityCall: Sendable {
        var roleArn: String
        var sessionName: String
        var token: String
        var durationSeconds: Int?
        var signed: Bool
    }

    private let lock = NSLock()
    private var assumeRoleLog: [AssumeRoleCall] = []
    private var webIdentityLog: [WebIdentityCall] = []
    private var issued = 0
    let clock: TestClock
    let lifetime: TimeInterval
    /// Role ARNs that answer AccessDenied.
    let denied: Set<String>

    init(clock: TestClock = TestClock(), lifetime: TimeInterval = 3600, denied: Set<String> = []) {
        self.clock = clock
        self.lifetime = lifetime
        self.denied = denied
    }

    var assumeRoleCalls: [AssumeRoleCall] { locked { assumeRoleLog } }
    var webIdentityCalls: [WebIdentityCall] { locked { webIdentityLog } }

    var makeSTS: @Sendable ((any CredentialProvider)?) -> any STSOperations {
        { source in Client(sts: self, source: source) }
    }

    /// Secret keys this fake hands out all contain this, so tests can check they leak nowhere.
    static let secretMarker = "STS-SECRET"

    private func issue(for roleArn: String) -> AWSCredentials {
        let serial = locked { () -> Int in
            issued += 1
            return issued
        }
        let roleName = roleArn.split(separator: "/").last.map(String.init) ?? roleArn
        return AWSCredentials(
            accessKeyId: "ASIA\(roleName.uppercased())\(serial)", secretAccessKey: "\(Self.secretMarker)-\(serial)",
            sessionToken: "STS-TOKEN-\(serial)", expiration: clock.now + lifetime, source: "fake sts"
        )
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private struct Client: STSOperations {
        let sts: FakeSTS
        let source: (any CredentialProvider)?

        func getCallerIdentity() async throws -> CallerIdentity {
            CallerIdentity(account: "123456789012", arn: "arn:aws:iam::123456789012:user/test", userId: "AIDTEST")
        }

        func assumeRole(roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?) async throws -> AWSCredentials {
            try await assumeRole(roleArn: roleArn, sessionName: sessionName, externalId: externalId, durationSeconds: durationSeconds, mfa: nil)
        }

        func assumeRole(
            roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?, mfa: MFAToken?
        ) async throws -> AWSCredentials {
            let signedWith = try await source?.credentials()
            sts.locked {
                sts.assumeRoleLog.append(AssumeRoleCall(
                    roleArn: roleArn, sessionName: sessionName, externalId: externalId,
                    durationSeconds: durationSeconds, mfa: mfa, signedWith: signedWith
                ))
            }
            if sts.denied.contains(roleArn) {
                throw AWSError(
                    code: "AccessDenied", message: "not authorized to perform sts:AssumeRole on \(roleArn)",
                    httpStatus: 403, action: "AssumeRole"
                )
            }
            return sts.issue(for: roleArn)
        }

        func assumeRoleWithWebIdentity(roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?) async throws -> AWSCredentials {
            sts.locked {
                sts.webIdentityLog.append(WebIdentityCall(
                    roleArn: roleArn, sessionName: sessionName, token: webIdentityToken,
                    durationSeconds: durationSeconds, signed: source != nil
                ))
            }
            return sts.issue(for: roleArn)
        }
    }
}

/// A scratch home directory holding `.aws/config` and `.aws/credentials`, and
/// the environment that points at them. The environment always disables
/// instance metadata; IMDS tests turn it back on explicitly.
final class ScratchAWSHome: @unchecked Sendable {
    let directory: URL

    init(config: String? = nil, credentials: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-creds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        if let config { try write(".aws/config", config) }
        if let credentials { try write(".aws/credentials", credentials) }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var configPath: String { directory.appendingPathComponent(".aws/config").path }
    var credentialsPath: String { directory.appendingPathComponent(".aws/credentials").path }

    /// Writes a file under the scratch home and returns its path.
    @discardableResult
    func write(_ relativePath: String, _ text: String, executable: Bool = false) throws -> String {
        let url = directory.appendingPathComponent(relativePath)
        try Data(text.utf8).write(to: url)
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return url.path
    }

    func path(_ relativePath: String) -> String { directory.appendingPathComponent(relativePath).path }

    /// HOME and the two file variables, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": directory.path,
            "PATH": "/usr/bin:/bin",
            "AWS_CONFIG_FILE": configPath,
            "AWS_SHARED_CREDENTIALS_FILE": credentialsPath,
            "AWS_EC2_METADATA_DISABLED": "true",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// The standard chain over these files, with test doubles for STS and HTTP.
    func chain(
        profile: String? = nil, environment extra: [String: String] = [:], sts: FakeSTS = FakeSTS(),
        transport: any HTTPTransport = RefusingTransport(), clock: TestClock? = nil,
        containerHost: String = "http://127.0.0.1:9", instanceMetadataEndpoint: String = "http://127.0.0.1:9",
        mfaPrompt: MFACodePrompt? = nil
    ) -> CredentialChain {
        let environment = environment(extra)
        return CredentialChain.standard(
            profileName: profile, environment: environment, profiles: ProfileStore.load(environment: environment),
            makeSTS: sts.makeSTS, transport: transport,
            tuning: ChainTuning(
                now: (clock ?? sts.clock).function, containerHost: containerHost, containerRetryPause: 0,
                instanceMetadataEndpoint: instanceMetadataEndpoint
            ),
            mfaPrompt: mfaPrompt
        )
    }
}

/// Formats a date the way credential documents carry it.
func iso8601(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}
