import IAMClient

/// What IAM holds for a role right now: GetRole, ListAttachedRolePolicies
/// and ListRoleTags, read together.
public struct CurrentRole: Sendable, Hashable {
    public var role: Role
    public var attachedPolicies: [AttachedPolicy]
    public var tags: [Tag]

    public init(role: Role, attachedPolicies: [AttachedPolicy], tags: [Tag]) {
        self.role = role
        self.attachedPolicies = attachedPolicies
        self.tags = tags
    }
}
