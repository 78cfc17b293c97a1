import Foundation
import IAMClient
import Testing
import Provisioning
import TestSupport

/// Secrets no test would use by accident, so a grep for them finds only leaks.
enum FakeSecrets {
    static let accessKeyId = "AKIAFAULTPROXYTEST01"
    static let secretAccessKey = "fAuLtPr0xySeCrEtKeyNeverPrintMe0123456789"
    static let sessionToken = "FaultProxySessionTokenNeverPrintMe/AbCdEf0123456789+zz=="

    /// Fails when any of the secrets occurs in `text`.
    static func leaks(in text: String) -> [String] {
        [secretAccessKey, sessionToken].filter { text.contains($0) }
    }
}

/// Temporary credentials with a session token, as an SSO or assumed role gives them.
struct FakeSessionCredentials: CredentialProvider {
    func credentials() async throws -> AWSCredentials {
        AWSCredentials(
            accessKeyId: FakeSecrets.accessKeyId, secretAccessKey: FakeSecrets.secretAccessKey,
            sessionToken: FakeSecrets.sessionToken, source: "test")
    }
}

/// One test's world: moto, a fault proxy in front of it, a session through
/// the proxy with `--debug` logging captured, and a direct session to check
/// what IAM really holds.
struct FaultHarness {
    let moto: MotoServer
    let proxy: FaultProxy
    let session: AWSSession
    let direct: AWSSession
    let debugLog: DebugLog
    let desired: DesiredRole

    /// The seed preset under a unique name, with one tag so tagging is covered.
    static func seedRole() throws -> DesiredRole {
        var spec = RolePreset.lookoutEquipment.spec
        spec.name = MotoServer.uniqueName("fault-l4e")
        var role = try spec.resolve(accountId: "123456789012")
        role.tags = [RoleTag(key: "purpose", value: "fault-test")]
        return role
    }

    static func start(
        rules: [FaultRule], timeout: TimeInterval = 10, maxAttempts: Int = 5,
        credentials: (any CredentialProvider)? = FakeSessionCredentials(),
        environment extra: [String: String] = [:], profile: String? = nil
    ) async throws -> FaultHarness {
        let moto = try await MotoServer.sharedOrSkip()
        let proxy = try await FaultProxy.start(upstream: moto, rules: rules)
        let debugLog = DebugLog()
        var environment = ["AWS_EC2_METADATA_DISABLED": "true"]
        environment.merge(extra) { _, new in new }
        let session = try AWSSession.resolve(ClientOptions(
            profile: profile, region: "us-east-1", endpointURL: proxy.endpoint.absoluteString, maxAttempts: maxAttempts,
            debug: true, environment: environment, logSink: { debugLog.append($0) }, timeout: timeout,
            profiles: extra.isEmpty ? ProfileStore() : nil, credentialProvider: credentials, sleep: { _ in }))
        session.addObserver(Applier.requestObserver)
        let direct = try AWSSession.resolve(ClientOptions(
            region: "us-east-1", endpointURL: moto.endpoint.absoluteString, environment: ["AWS_EC2_METADATA_DISABLED": "true"],
            profiles: ProfileStore(), credentialProvider: FakeSessionCredentials(), sleep: { _ in }))
        return FaultHarness(
            moto: moto, proxy: proxy, session: session, direct: direct, debugLog: debugLog, desired: try seedRole())
    }

    /// Plans and applies through the proxy, as `rolewiz apply` does; the
    /// outcome as text (the result summary or the planning error) for the
    /// secret check.
    func apply() async -> ApplyOutcome {
        let events = DebugLog()
        do {
            let plan = try await Planner(iam: session.iam).plan(for: desired)
            let result = await Applier(iam: session.iam).apply(plan) { events.append("\($0)") }
            return .applied(result, events: events.lines)
        } catch {
            return .planFailed(String(describing: error))
        }
    }

    /// True when IAM holds exactly the desired role: nothing left to plan
    /// (pruning included) and each policy attached once.
    func isConverged() async throws -> Bool {
        let plan = try await Planner(iam: direct.iam).plan(for: desired, prune: true)
        let attached = try await direct.iam.listAttachedRolePolicies(roleName: desired.roleName)
        return plan.isEmpty && attached.map(\.policyArn).sorted() == desired.policyArns.sorted()
    }

    /// Clears the faults and applies again: a plain re-run.
    func rerunWithoutFaults() async throws -> ApplyOutcome {
        try await proxy.setRules([])
        return await apply()
    }
}

enum ApplyOutcome {
    case applied(ApplyResult, events: [String])
    case planFailed(String)

    var succeeded: Bool {
        if case .applied(let result, _) = self { return result.status == .succeeded }
        return false
    }

    /// What a person would read: the summary (failures name step, action and AWS code) or the error.
    var text: String {
        switch self {
        case .applied(let result, let events): (events + [result.summary]).joined(separator: "\n")
        case .planFailed(let message): message
        }
    }

    var failures: [StepFailure] {
        if case .applied(let result, _) = self { return result.failures }
        return []
    }
}

/// Lines collected from any task.
final class DebugLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) {
        lock.withLock { stored.append(line) }
    }

    var lines: [String] { lock.withLock { stored } }
    var text: String { lines.joined(separator: "\n") }
}
