/// The account quotas lint checks against. The defaults are IAM's; pass the
/// account's own from GetAccountSummary when known (both can be raised).
public struct LintQuotas: Sendable, Hashable {
    /// Characters of a trust policy, without whitespace (`AssumeRolePolicySizeQuota`).
    public var trustPolicySize: Int
    /// Managed policies attached to one role (`AttachedPoliciesPerRoleQuota`).
    public var attachedPoliciesPerRole: Int

    /// IAM's default trust policy size quota, in characters without whitespace.
    public static let defaultTrustPolicySize = 2048
    /// IAM's default quota of managed policies per role.
    public static let defaultAttachedPoliciesPerRole = 10

    /// Quotas given directly; the defaults are IAM's for an account that never raised them.
    public init(
        trustPolicySize: Int = LintQuotas.defaultTrustPolicySize,
        attachedPoliciesPerRole: Int = LintQuotas.defaultAttachedPoliciesPerRole
    ) {
        self.trustPolicySize = trustPolicySize
        self.attachedPoliciesPerRole = attachedPoliciesPerRole
    }

    /// From GetAccountSummary's `SummaryMap`; missing entries keep the defaults.
    public init(accountSummary: [String: Int]) {
        self.init(
            trustPolicySize: accountSummary["AssumeRolePolicySizeQuota"] ?? Self.defaultTrustPolicySize,
            attachedPoliciesPerRole: accountSummary["AttachedPoliciesPerRoleQuota"] ?? Self.defaultAttachedPoliciesPerRole)
    }
}
