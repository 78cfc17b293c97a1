import Foundation
import IAMClient

/// A role as IAM holds it, with its attached and inline policies and tags, loaded with
/// concurrent reads: what `show` prints and what the planner compares.
/// As JSON (`json`) with the keys IAM's API uses (`RoleName`, `Arn`, ...),
/// the trust policy as an object rather than escaped text.
public struct RoleDetails: Sendable, Hashable {
    /// The role as GetRole returned it (description, max session, boundary,
    /// last used, trust policy text).
    public var role: Role
    /// The managed policies attached to the role, in IAM's order.
    public var attachedPolicies: [AttachedPolicy]
    /// The policies embedded in the role, by name: never left out of what is
    /// shown, since an inline `*:*` grants as much as any attached policy.
    public var inlinePolicies: [InlinePolicy]
    /// The role's tags as ListRoleTags returned them.
    public var tags: [Tag]
    /// The instance profiles holding the role: how EC2 instances get it, so
    /// shown with the role (and the planner's view of its own profile).
    public var instanceProfiles: [InstanceProfile]

    /// Usually made by `load(roleName:from:)`; tests build one directly.
    public init(
        role: Role, attachedPolicies: [AttachedPolicy], inlinePolicies: [InlinePolicy] = [], tags: [Tag],
        instanceProfiles: [InstanceProfile] = []
    ) {
        self.role = role
        self.attachedPolicies = attachedPolicies
        self.inlinePolicies = inlinePolicies
        self.tags = tags
        self.instanceProfiles = instanceProfiles
    }

    /// GetRole, ListAttachedRolePolicies, ListRolePolicies (then GetRolePolicy
    /// for each), ListRoleTags and ListInstanceProfilesForRole at once. A missing role is IAM's
    /// NoSuchEntity error (GetRole's, which is awaited first).
    public static func load(roleName: String, from iam: any IAMOperations) async throws -> RoleDetails {
        async let role = iam.getRole(name: roleName)
        async let policies = iam.listAttachedRolePolicies(roleName: roleName)
        async let inline = loadInlinePolicies(roleName: roleName, from: iam)
        async let tags = iam.listRoleTags(name: roleName)
        async let profiles = iam.listInstanceProfilesForRole(roleName: roleName)
        return try await RoleDetails(
            role: role, attachedPolicies: policies, inlinePolicies: inline, tags: tags, instanceProfiles: profiles)
    }

    /// Every inline policy's document, at most four reads in flight, in IAM's order of names.
    private static func loadInlinePolicies(roleName: String, from iam: any IAMOperations) async throws -> [InlinePolicy] {
        let names = try await iam.listRolePolicies(roleName: roleName)
        return try await withThrowingTaskGroup(of: (Int, InlinePolicy).self) { group in
            var waiting = names.enumerated().makeIterator()
            var policies: [(Int, InlinePolicy)] = []
            for _ in 0..<4 {
                guard let (index, name) = waiting.next() else { break }
                group.addTask { (index, try await iam.getRolePolicy(roleName: roleName, policyName: name)) }
            }
            for try await policy in group {
                policies.append(policy)
                if let (index, name) = waiting.next() {
                    group.addTask { (index, try await iam.getRolePolicy(roleName: roleName, policyName: name)) }
                }
            }
            return policies.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The trust policy text in reading order (`PolicyDocument.readingText`),
    /// or the text as IAM holds it when it is not JSON.
    public var trustPolicyText: String {
        PolicyDocument.readingText(role.assumeRolePolicyDocument)
    }
}
