import IAMClient
import Provisioning

/// The wiring plan and apply share: the role the inputs describe, checked
/// before any AWS call, resolved against the session's partition and account,
/// and planned against IAM.
struct RoleTarget {
    let session: AWSSession
    let input: RoleInput
    let desired: DesiredRole

    /// Loads and validates the input (no AWS call), resolves the session,
    /// then the role; STS is asked for the account only when the trust
    /// names "this account" and --account-id was not given.
    static func prepare(global: GlobalOptions, role options: RoleInputOptions) async throws -> RoleTarget {
        let input = try options.load()
        let session = try global.makeSession()
        let desired = try await input.resolve(partition: session.partition.name, accountId: options.accountId) {
            try await session.sts.getCallerIdentity().account
        }
        return RoleTarget(session: session, input: input, desired: desired)
    }

    /// What lint finds in the trust policy and managed policies (offline).
    var findings: [LintFinding] {
        TrustPolicyLinter().lint(trustPolicy: desired.trustPolicy, managedPolicyArns: desired.policyArns)
    }

    /// Reads IAM and plans. With `offlineFallback`, no credentials at all
    /// gives the offline plan (everything to create) instead of an error.
    func plan(prune: Bool, offlineFallback: Bool) async throws -> Plan {
        do {
            return try await Planner(iam: session.iam).plan(for: desired, prune: prune)
        } catch is NoCredentialsError where offlineFallback {
            return Planner.offlinePlan(for: desired)
        }
    }
}
