public import IAMClient

/// Reading a role's details from IAM: the one part of `RoleDetails` whose
/// public API names IAMClient, since the composition root hands it the connection.
extension RoleDetails {
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
            role: ExistingRole(role), attachedPolicies: policies.map(AttachedManagedPolicy.init), inlinePolicies: inline,
            tags: tags.map(RoleTag.init), instanceProfiles: profiles.map(InstanceProfileSummary.init))
    }

    /// Every inline policy's document, at most four reads in flight, in IAM's order of names.
    private static func loadInlinePolicies(roleName: String, from iam: any IAMOperations) async throws -> [RoleInlinePolicy] {
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
            return policies.sorted { $0.0 < $1.0 }.map { RoleInlinePolicy($0.1) }
        }
    }
}
