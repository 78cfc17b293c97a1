/// A managed policy attached to a role, as `show`, the edit screen and the
/// planner see it: the name for people, the ARN that identifies it. Its own
/// type, so `RoleDetails` names nothing of IAMClient (issue 15).
public struct AttachedManagedPolicy: Sendable, Hashable, Codable {
    /// The policy's name, shown to people.
    public var policyName: String
    /// What a plan detaches and a spec names.
    public var policyArn: String

    /// Usually read from IAM by `RoleDetails.load`; tests build one directly.
    public init(policyName: String, policyArn: String) {
        self.policyName = policyName
        self.policyArn = policyArn
    }
}
