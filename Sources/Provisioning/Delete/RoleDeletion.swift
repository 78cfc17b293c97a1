/// Everything deleting a role takes, read from IAM before anything is
/// touched: IAM refuses DeleteRole while policies are attached or inline, or
/// the role is in an instance profile, so those go first, and the person
/// sees the whole list before saying yes.
public struct RoleDeletion: Sendable, Hashable {
    /// The role as GetRole returned it; its path tells a service-linked role (`refusal`).
    public var role: ExistingRole
    /// Managed policies to detach first, by ARN.
    public var attachedPolicyArns: [String]
    /// Inline policies to delete first, by name.
    public var inlinePolicyNames: [String]
    /// Every instance profile holding the role; the role is taken out of each.
    public var instanceProfiles: [InstanceProfileSummary]
    /// The role's own instance profile, already emptied by an earlier delete
    /// that stopped before deleting it: deleted this time, so a re-run
    /// finishes the job.
    public var emptiedOwnProfile: InstanceProfileSummary?

    /// Usually made by `load(roleName:from:)`; tests build one directly.
    public init(role: ExistingRole, attachedPolicyArns: [String], inlinePolicyNames: [String], instanceProfiles: [InstanceProfileSummary],
                emptiedOwnProfile: InstanceProfileSummary? = nil) {
        self.role = role
        self.attachedPolicyArns = attachedPolicyArns
        self.inlinePolicyNames = inlinePolicyNames
        self.instanceProfiles = instanceProfiles
        self.emptiedOwnProfile = emptiedOwnProfile
    }

    /// Why rolewiz will not delete this role, or nil. A service-linked role
    /// belongs to its service: IAM deletes it only through
    /// DeleteServiceLinkedRole, after checking the service no longer uses it.
    public var refusal: String? {
        guard role.path.hasPrefix("/aws-service-role/") else { return nil }
        let service = role.path.split(separator: "/").dropFirst().first.map(String.init) ?? "its service"
        return "\(role.roleName) is a service-linked role (path \(role.path)): it belongs to \(service), "
            + "and IAM deletes it only with DeleteServiceLinkedRole once the service no longer uses it "
            + "(aws iam delete-service-linked-role --role-name \(role.roleName))"
    }

    /// The instance profiles deleted with the role: those named like it, as the
    /// console makes them for EC2 roles, and holding nothing else. Any other
    /// profile is only emptied, since it was made for more than this role.
    public var instanceProfilesToDelete: [String] {
        instanceProfiles.filter { $0.name == role.roleName && $0.roleNames.allSatisfy { $0 == role.roleName } }.map(\.name)
            + [emptiedOwnProfile?.name].compactMap { $0 }
    }

    /// The calls, in the order IAM needs them: detachments and inline
    /// deletions (concurrently), the instance profiles, then the role.
    public var steps: [ApplyStep] {
        attachedPolicyArns.map { ApplyStep.detachPolicy(arn: $0) }
            + inlinePolicyNames.map { ApplyStep.deleteInlinePolicy(name: $0) }
            + instanceProfiles.map { ApplyStep.removeFromInstanceProfile(name: $0.name) }
            + instanceProfilesToDelete.map { ApplyStep.deleteInstanceProfile(name: $0) }
            + [.deleteRole]
    }

    /// What will go, for the person to read before confirming.
    public var summary: [String] {
        var lines = ["Role \(role.roleName) (\(role.arn)) will be deleted, with:"]
        lines += attachedPolicyArns.map { "  - detach \($0)" }
        lines += inlinePolicyNames.map { "  - delete inline policy \($0)" }
        let deleted = Set(instanceProfilesToDelete)
        lines += instanceProfiles.map { profile in
            deleted.contains(profile.name)
                ? "  - delete instance profile \(profile.name) (made for this role)"
                : "  - remove from instance profile \(profile.name) (the profile itself is kept)"
        }
        if let emptied = emptiedOwnProfile {
            lines.append("  - delete instance profile \(emptied.name) (made for this role, left empty by an earlier delete)")
        }
        if let boundary = role.permissionsBoundaryArn { lines.append("  - its permissions boundary setting (\(boundary)); the policy itself is kept") }
        if lines.count == 1 { lines[0] = "Role \(role.roleName) (\(role.arn)) will be deleted; nothing is attached to it." }
        lines.append("  - the role, with its trust policy and tags")
        return lines
    }

    /// What a delete that did not finish says, in the CLI and the wizard
    /// alike: the failure, what was done and not, and that deleting again
    /// finishes the job (removing what is already gone counts as done).
    public static func unfinished(_ result: ApplyResult) -> [String] {
        var lines = result.failures.map { "\($0.step.action) failed (\($0.step.description)): \($0.code): \($0.message)" }
        if result.status == .cancelled { lines.append("Stopped on request after the calls in flight.") }
        lines.append("Done: " + (result.completed.isEmpty ? "nothing" : result.completed.map(\.description).joined(separator: "; ")))
        if !result.notStarted.isEmpty { lines.append("Not done: " + result.notStarted.map(\.description).joined(separator: "; ")) }
        lines.append("The role still exists. Delete it again to finish the job.")
        return lines
    }
}
