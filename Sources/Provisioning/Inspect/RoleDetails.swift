import Foundation

/// A role as IAM holds it, with its attached and inline policies and tags, loaded with
/// concurrent reads: what `show` prints and what the planner compares.
/// As JSON (`json`) with the keys IAM's API uses (`RoleName`, `Arn`, ...),
/// the trust policy as an object rather than escaped text.
public struct RoleDetails: Sendable, Hashable {
    /// The role as GetRole returned it (description, max session, boundary,
    /// last used, trust policy text).
    public var role: ExistingRole
    /// The managed policies attached to the role, in IAM's order.
    public var attachedPolicies: [AttachedManagedPolicy]
    /// The policies embedded in the role, by name: never left out of what is
    /// shown, since an inline `*:*` grants as much as any attached policy.
    public var inlinePolicies: [RoleInlinePolicy]
    /// The role's tags as ListRoleTags returned them.
    public var tags: [RoleTag]
    /// The instance profiles holding the role: how EC2 instances get it, so
    /// shown with the role (and the planner's view of its own profile).
    public var instanceProfiles: [InstanceProfileSummary]

    /// Usually made by `load(roleName:from:)`; tests build one directly.
    public init(
        role: ExistingRole, attachedPolicies: [AttachedManagedPolicy], inlinePolicies: [RoleInlinePolicy] = [], tags: [RoleTag],
        instanceProfiles: [InstanceProfileSummary] = []
    ) {
        self.role = role
        self.attachedPolicies = attachedPolicies
        self.inlinePolicies = inlinePolicies
        self.tags = tags
        self.instanceProfiles = instanceProfiles
    }

    /// The trust policy text in reading order (`PolicyDocument.readingText`),
    /// or the text as IAM holds it when it is not JSON.
    public var trustPolicyText: String {
        PolicyDocument.readingText(role.assumeRolePolicyDocument)
    }
}
