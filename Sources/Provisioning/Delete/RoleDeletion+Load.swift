public import IAMClient

/// Reading what a deletion takes from IAM: the one part of `RoleDeletion`
/// that names IAMClient, since the composition root hands it the connection.
extension RoleDeletion {
    /// GetRole, ListAttachedRolePolicies, ListRolePolicies,
    /// ListInstanceProfilesForRole and GetInstanceProfile of the role's own
    /// name at once. A missing role is NoSuchEntity.
    public static func load(roleName: String, from iam: any IAMOperations) async throws -> RoleDeletion {
        async let role = iam.getRole(name: roleName)
        async let attached = iam.listAttachedRolePolicies(roleName: roleName)
        async let inline = iam.listRolePolicies(roleName: roleName)
        async let profiles = iam.listInstanceProfilesForRole(roleName: roleName)
        async let own = ownProfile(roleName: roleName, from: iam)
        let emptied = await own.flatMap { $0.roleNames.isEmpty ? $0 : nil }
        return try await RoleDeletion(
            role: ExistingRole(role), attachedPolicyArns: attached.map(\.policyArn), inlinePolicyNames: inline,
            instanceProfiles: profiles.map(InstanceProfileSummary.init),
            emptiedOwnProfile: emptied)
    }

    /// The instance profile named like the role, if it can be read (a
    /// caller without iam:GetInstanceProfile still gets the rest).
    private static func ownProfile(roleName: String, from iam: any IAMOperations) async -> InstanceProfileSummary? {
        (try? await iam.getInstanceProfile(name: roleName)).map(InstanceProfileSummary.init)
    }
}
