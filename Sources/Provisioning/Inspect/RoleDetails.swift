import Foundation
import IAMClient

/// A role as IAM holds it, with its attached and inline policies and tags, loaded with
/// concurrent reads: what `show` prints and what the planner compares.
/// Encodes to JSON with the keys IAM's API uses (`RoleName`, `Arn`, ...),
/// the trust policy as an object rather than escaped text.
public struct RoleDetails: Sendable, Hashable {
    /// The role as GetRole returned it (description, max session, boundary,
    /// last used, trust policy text).
    public var role: Role
    public var attachedPolicies: [AttachedPolicy]
    /// The policies embedded in the role, by name: never left out of what is
    /// shown, since an inline `*:*` grants as much as any attached policy.
    public var inlinePolicies: [InlinePolicy]
    public var tags: [Tag]
    /// The instance profiles holding the role: how EC2 instances get it, so
    /// shown with the role (and the planner's view of its own profile).
    public var instanceProfiles: [InstanceProfile]

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

    /// The trust policy text, pretty-printed with sorted keys, or the text as
    /// IAM holds it when it is not JSON.
    public var trustPolicyText: String {
        guard let document = try? PolicyJSON(parsing: role.assumeRolePolicyDocument),
              let data = try? Self.jsonEncoder.encode(document)
        else { return role.assumeRolePolicyDocument }
        return String(decoding: data, as: UTF8.self)
    }

    /// Pretty-printed JSON with sorted keys (`JSONEncoder` keeps no order
    /// otherwise), so the output is the same from run to run.
    public func jsonText() throws -> String {
        String(decoding: try Self.jsonEncoder.encode(self), as: UTF8.self)
    }

    private static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension RoleDetails: Encodable {
    private enum Key: String, CodingKey {
        case RoleName, Arn, RoleId, Path, CreateDate, AssumeRolePolicyDocument, Description
        case MaxSessionDuration, PermissionsBoundary, AttachedPolicies, RolePolicyList, Tags, RoleLastUsed
        case InstanceProfileList
    }

    private enum BoundaryKey: String, CodingKey { case PermissionsBoundaryType, PermissionsBoundaryArn }
    private enum PolicyKey: String, CodingKey { case PolicyName, PolicyArn }
    /// As in GetAccountAuthorizationDetails' `RolePolicyList`.
    private enum InlineKey: String, CodingKey { case PolicyName, PolicyDocument }
    /// As in GetAccountAuthorizationDetails' `InstanceProfileList`, roles by name.
    private enum ProfileKey: String, CodingKey { case InstanceProfileName, Arn, Path, Roles }
    private enum LastUsedKey: String, CodingKey { case LastUsedDate, Region }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(role.roleName, forKey: .RoleName)
        try container.encode(role.arn, forKey: .Arn)
        try container.encode(role.roleId, forKey: .RoleId)
        try container.encode(role.path, forKey: .Path)
        try container.encodeIfPresent(role.createDate.map(Self.timestamp), forKey: .CreateDate)
        if let document = try? PolicyJSON(parsing: role.assumeRolePolicyDocument) {
            try container.encode(document, forKey: .AssumeRolePolicyDocument)
        } else {
            try container.encode(role.assumeRolePolicyDocument, forKey: .AssumeRolePolicyDocument)
        }
        try container.encodeIfPresent(role.description, forKey: .Description)
        try container.encodeIfPresent(role.maxSessionDuration, forKey: .MaxSessionDuration)
        if let boundary = role.permissionsBoundaryArn {
            var nested = container.nestedContainer(keyedBy: BoundaryKey.self, forKey: .PermissionsBoundary)
            try nested.encode("Policy", forKey: .PermissionsBoundaryType)
            try nested.encode(boundary, forKey: .PermissionsBoundaryArn)
        }
        var policies = container.nestedUnkeyedContainer(forKey: .AttachedPolicies)
        for policy in attachedPolicies {
            var nested = policies.nestedContainer(keyedBy: PolicyKey.self)
            try nested.encode(policy.policyName, forKey: .PolicyName)
            try nested.encode(policy.policyArn, forKey: .PolicyArn)
        }
        var inline = container.nestedUnkeyedContainer(forKey: .RolePolicyList)
        for policy in inlinePolicies {
            var nested = inline.nestedContainer(keyedBy: InlineKey.self)
            try nested.encode(policy.name, forKey: .PolicyName)
            if let document = try? PolicyJSON(parsing: policy.document) {
                try nested.encode(document, forKey: .PolicyDocument)
            } else {
                try nested.encode(policy.document, forKey: .PolicyDocument)
            }
        }
        try container.encode(tags.map(APITag.init), forKey: .Tags)
        var profiles = container.nestedUnkeyedContainer(forKey: .InstanceProfileList)
        for profile in instanceProfiles {
            var nested = profiles.nestedContainer(keyedBy: ProfileKey.self)
            try nested.encode(profile.name, forKey: .InstanceProfileName)
            try nested.encode(profile.arn, forKey: .Arn)
            try nested.encode(profile.path, forKey: .Path)
            try nested.encode(profile.roleNames, forKey: .Roles)
        }
        var lastUsed = container.nestedContainer(keyedBy: LastUsedKey.self, forKey: .RoleLastUsed)
        try lastUsed.encodeIfPresent(role.roleLastUsed?.lastUsedDate.map(Self.timestamp), forKey: .LastUsedDate)
        try lastUsed.encodeIfPresent(role.roleLastUsed?.region, forKey: .Region)
    }

    /// ISO 8601 in UTC, as IAM writes dates.
    private static func timestamp(_ date: Date) -> String {
        AWSTimestamp.format(date)
    }
}
