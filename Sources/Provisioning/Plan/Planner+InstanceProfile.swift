internal import IAMClient

/// The role's own instance profile (named like the role), planned as the
/// console makes it for a role EC2 may assume: created with the role's path
/// when missing, the role added when it is empty, left alone when it holds
/// the role already, and never taken from another role. With prune, a role
/// that should have none (`instanceProfile` false, not nil) is taken out of
/// it and the profile deleted; other
/// profiles holding the role are never touched, since someone else made them.
extension Planner {
    /// The profile named like the role as IAM holds it, or nil if there is
    /// none. Read with GetInstanceProfile only when the plan depends on it
    /// and the role's own list of profiles does not already show it.
    func sameNamedProfile(for desired: DesiredRole, current: RoleDetails?) async throws -> InstanceProfileSummary? {
        if let held = current.flatMap({ Self.heldProfile(named: desired.roleName, in: $0) }) { return held }
        guard desired.wantsInstanceProfile else { return nil }
        do {
            return InstanceProfileSummary(try await iam.getInstanceProfile(name: desired.roleName))
        } catch where error.awsErrorCode == AWSErrorCode.noSuchEntity {
            return nil
        }
    }

    static func heldProfile(named name: String, in current: RoleDetails) -> InstanceProfileSummary? {
        current.instanceProfiles.first { $0.name.caseInsensitiveEquals(name) }
    }

    /// The changes for the role's own profile, given that profile as IAM has
    /// it (`profile` nil: there is none).
    static func instanceProfileChanges(for desired: DesiredRole, profile: InstanceProfileSummary?, prune: Bool) -> [Change] {
        let name = desired.roleName
        guard desired.wantsInstanceProfile else {
            guard desired.instanceProfile == false, prune, let profile, profile.roleNames.contains(where: { $0.caseInsensitiveEquals(name) }) else { return [] }
            return [.removeInstanceProfile(name: profile.name)]
        }
        guard let profile else {
            return [.createInstanceProfile(name: name, path: desired.path), .addRoleToInstanceProfile(name: name)]
        }
        if profile.roleNames.contains(where: { $0.caseInsensitiveEquals(name) }) { return [] }
        if profile.roleNames.isEmpty { return [.addRoleToInstanceProfile(name: profile.name)] }
        return [.instanceProfileHeldByAnotherRole(name: profile.name, roleNames: profile.roleNames)]
    }
}
