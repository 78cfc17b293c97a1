/// One IAM write call of an apply, carrying what it sends.
public enum ApplyStep: Sendable, Hashable, CustomStringConvertible {
    case createRole(NewRole)
    case updateTrustPolicy(String)
    /// One UpdateRole call; nil fields are not sent.
    case updateRole(description: String?, maxSessionDuration: Int?)
    /// One TagRole call with every new and changed tag.
    case tagRole([RoleTag])
    case untagRole(keys: [String])
    case putPermissionsBoundary(arn: String)
    case deletePermissionsBoundary
    case attachPolicy(arn: String)
    case detachPolicy(arn: String)
    /// One PutRolePolicy: adds the inline policy or replaces its document.
    case putInlinePolicy(RoleInlinePolicy)
    /// An inline policy pruned, or deleted before the role is.
    case deleteInlinePolicy(name: String)
    /// The role's own instance profile, made for EC2 (same name and path).
    case createInstanceProfile(name: String, path: String)
    case addRoleToInstanceProfile(name: String)
    /// Deleting a role: what IAM requires to go first, then the role; also
    /// the role's own profile pruned.
    case removeFromInstanceProfile(name: String)
    case deleteInstanceProfile(name: String)
    case deleteRole
    /// A change rolewiz cannot make; the step fails with the reason.
    case unsupported(Change)

    /// The IAM API action the step calls.
    public var action: String {
        switch self {
        case .createRole: "CreateRole"
        case .updateTrustPolicy: "UpdateAssumeRolePolicy"
        case .updateRole: "UpdateRole"
        case .tagRole: "TagRole"
        case .untagRole: "UntagRole"
        case .putPermissionsBoundary: "PutRolePermissionsBoundary"
        case .deletePermissionsBoundary: "DeleteRolePermissionsBoundary"
        case .attachPolicy: "AttachRolePolicy"
        case .detachPolicy: "DetachRolePolicy"
        case .putInlinePolicy: "PutRolePolicy"
        case .deleteInlinePolicy: "DeleteRolePolicy"
        case .createInstanceProfile: "CreateInstanceProfile"
        case .addRoleToInstanceProfile: "AddRoleToInstanceProfile"
        case .removeFromInstanceProfile: "RemoveRoleFromInstanceProfile"
        case .deleteInstanceProfile: "DeleteInstanceProfile"
        case .deleteRole: "DeleteRole"
        case .unsupported: "none"
        }
    }

    /// Attachments, detachments and inline policy puts and deletions are
    /// independent of each other and run concurrently.
    var runsConcurrently: Bool {
        switch self {
        case .attachPolicy, .detachPolicy, .putInlinePolicy, .deleteInlinePolicy: true
        default: false
        }
    }

    /// The step in words for progress lines and summaries, such as `attach arn:...` or `tag team, env`.
    public var description: String {
        switch self {
        case .createRole(let role): "create role \(role.roleName)"
        case .updateTrustPolicy: "update the trust policy"
        case .updateRole(let description, let seconds):
            "update " + [description.map { _ in "the description" }, seconds.map { _ in "the max session duration" }]
                .compactMap { $0 }.joined(separator: " and ")
        case .tagRole(let tags): "tag " + tags.map(\.key).joined(separator: ", ")
        case .untagRole(let keys): "untag " + keys.joined(separator: ", ")
        case .putPermissionsBoundary(let arn): "set the permissions boundary to \(arn)"
        case .deletePermissionsBoundary: "remove the permissions boundary"
        case .attachPolicy(let arn): "attach \(arn)"
        case .detachPolicy(let arn): "detach \(arn)"
        case .putInlinePolicy(let policy): "put inline policy \(policy.name)"
        case .deleteInlinePolicy(let name): "delete inline policy \(name)"
        case .createInstanceProfile(let name, _): "create instance profile \(name)"
        case .addRoleToInstanceProfile(let name): "add the role to instance profile \(name)"
        case .removeFromInstanceProfile(let name): "remove the role from instance profile \(name)"
        case .deleteInstanceProfile(let name): "delete instance profile \(name)"
        case .deleteRole: "delete the role"
        case .unsupported(let change): change.detail
        }
    }

    /// The fewest calls that make `changes`: trust, one UpdateRole, the
    /// boundary, one TagRole, one UntagRole, then detachments, inline policy
    /// deletions, attachments and inline policy puts, the instance profile
    /// (made, then the role added; or emptied, then deleted), and last what
    /// cannot be done, so that everything possible is done first.
    static func steps(for changes: [Change]) -> [ApplyStep] {
        var steps: [ApplyStep] = []
        var description: String?
        var maxSession: Int?
        var tags: [RoleTag] = []
        var untagKeys: [String] = []
        var detachments: [ApplyStep] = []
        var attachments: [ApplyStep] = []
        var inlineDeletions: [ApplyStep] = []
        var inlinePuts: [ApplyStep] = []
        var boundary: ApplyStep?
        var unsupported: [ApplyStep] = []
        var profileSteps: [ApplyStep] = []
        for change in changes {
            switch change {
            case .createRole(let role): steps.append(.createRole(role))
            case .updateTrustPolicy(_, let document): steps.append(.updateTrustPolicy(document))
            case .updateDescription(_, let new): description = new
            case .updateMaxSessionDuration(_, let new): maxSession = new
            case .addTag(let tag): tags.append(tag)
            case .changeTag(let key, _, let value): tags.append(RoleTag(key: key, value: value))
            case .removeTag(let tag): untagKeys.append(tag.key)
            case .attachPolicy(let arn): attachments.append(.attachPolicy(arn: arn))
            case .detachPolicy(let arn): detachments.append(.detachPolicy(arn: arn))
            case .putInlinePolicy(let name, _, let document): inlinePuts.append(.putInlinePolicy(RoleInlinePolicy(name: name, document: document)))
            case .deleteInlinePolicy(let name, _): inlineDeletions.append(.deleteInlinePolicy(name: name))
            case .changePermissionsBoundary(_, let arn?): boundary = .putPermissionsBoundary(arn: arn)
            case .changePermissionsBoundary(_, nil): boundary = .deletePermissionsBoundary
            case .createInstanceProfile(let name, let path): profileSteps.append(.createInstanceProfile(name: name, path: path))
            case .addRoleToInstanceProfile(let name): profileSteps.append(.addRoleToInstanceProfile(name: name))
            case .removeInstanceProfile(let name):
                profileSteps += [.removeFromInstanceProfile(name: name), .deleteInstanceProfile(name: name)]
            case .changePath, .instanceProfileHeldByAnotherRole: unsupported.append(.unsupported(change))
            }
        }
        if description != nil || maxSession != nil {
            steps.append(.updateRole(description: description, maxSessionDuration: maxSession))
        }
        if let boundary { steps.append(boundary) }
        if !tags.isEmpty { steps.append(.tagRole(tags)) }
        if !untagKeys.isEmpty { steps.append(.untagRole(keys: untagKeys)) }
        // Removals first: with bounded concurrency they start first, which
        // keeps a swap of policies under the attached-policies and inline size quotas.
        return steps + detachments + inlineDeletions + attachments + inlinePuts + profileSteps + unsupported
    }
}
