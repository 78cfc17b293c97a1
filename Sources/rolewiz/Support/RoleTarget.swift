import IAMClient
import Provisioning

/// What plan and apply share: the role the inputs describe, checked before
/// any AWS call, and the `RoleService` (live, or offline when there are no
/// credentials) that resolves, lints, plans and applies it.
struct RoleTarget {
    let service: RoleService
    let input: RoleInput
    let desired: DesiredRole

    /// Loads and validates the input (no AWS call), connects, then resolves
    /// the role; STS is asked for the account only when the trust names
    /// "this account" and --account-id was not given.
    static func prepare(global: GlobalOptions, role options: RoleInputOptions) async throws -> RoleTarget {
        let input = try options.load()
        let service = await RoleService.connect(session: try global.makeSession())
        let desired = try await input.resolve(partition: service.partition, accountId: options.accountId) {
            try await service.identity().account
        }
        return RoleTarget(service: service, input: input, desired: desired)
    }

    /// The plan and what lint finds, read together: the role's reads and the
    /// account's quotas (GetAccountSummary) go out at once, so a re-apply is
    /// one round trip and a new role three (reads, create, attachments).
    /// Offline, everything is to be created and IAM's default quotas apply.
    func review(prune: Bool) async throws -> (plan: Plan, findings: [LintFinding]) {
        async let findings = service.lint(desired)
        let plan = try await service.plan(desired, prune: prune)
        return (plan, await findings)
    }

    /// Why IAM could not be read, with the credential sources tried, when offline.
    var offlineExplanation: String? { service.offlineExplanation }
}

extension RoleService {
    /// Why IAM could not be read, with the credential sources tried, when offline.
    var offlineExplanation: String? {
        guard let reason = offlineReason else { return nil }
        let tried = reason.triedSources.isEmpty ? "" : " Tried: " + reason.triedSources.joined(separator: ", ") + "."
        return reason.message + tried
    }
}

/// A command that must reach IAM found no usable credentials.
struct OfflineError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
