/// A managed policy as the pickers list it: what ListPolicies says of it,
/// without the wire type, so the wizard depends on Provisioning alone.
public struct ManagedPolicySummary: Sendable, Hashable {
    /// The name a person picks it by (`ReadOnlyAccess`).
    public var policyName: String
    /// What a role attaches, and what the spec holds.
    public var arn: String
    /// The author's words, when the policy has any.
    public var description: String?

    /// For tests; the service makes them from ListPolicies.
    public init(policyName: String, arn: String, description: String? = nil) {
        self.policyName = policyName
        self.arn = arn
        self.description = description
    }

    /// True for AWS managed policies (`arn:PARTITION:iam::aws:policy/...`):
    /// the pickers' filter between AWS's and the account's own.
    public var isAWSManaged: Bool { arn.contains(":iam::aws:policy/") }
}
