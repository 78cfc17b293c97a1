/// One difference between a role in IAM and the role wanted.
public enum Change: Sendable, Hashable {
    /// The role does not exist: CreateRole with everything but the policies.
    case createRole(NewRole)
    case updateTrustPolicy(from: String, to: String)
    case updateDescription(from: String?, to: String)
    case updateMaxSessionDuration(from: Int?, to: Int)
    /// Set or replace the boundary (PutRolePermissionsBoundary), or remove it
    /// when `to` is nil (DeleteRolePermissionsBoundary).
    case changePermissionsBoundary(from: String?, to: String?)
    /// IAM cannot move a role to another path; the role must be recreated.
    case changePath(from: String, to: String)
    case attachPolicy(arn: String)
    /// Only planned with prune.
    case detachPolicy(arn: String)
    case addTag(RoleTag)
    case changeTag(key: String, from: String, to: String)
    /// Only planned with prune.
    case removeTag(RoleTag)
    /// PutRolePolicy: a new inline policy (`from` nil) or a document that
    /// means something else than the one IAM holds.
    case putInlinePolicy(name: String, from: String?, to: String)
    /// DeleteRolePolicy of an inline policy the spec does not name; only planned with prune.
    case deleteInlinePolicy(name: String, document: String)
    /// CreateInstanceProfile of the role's name and path, as the console makes
    /// one for a role EC2 may assume; the role is added by the next change.
    case createInstanceProfile(name: String, path: String)
    /// AddRoleToInstanceProfile: the profile exists (made now or found empty).
    case addRoleToInstanceProfile(name: String)
    /// The profile named like the role holds another role: never taken over
    /// (that would take the instances' credentials away from them), so the
    /// change stays unsupported and fails the apply with the reason.
    case instanceProfileHeldByAnotherRole(name: String, roleNames: [String])
    /// With prune, when the role should have no profile: the role is taken
    /// out of the profile of its own name, which is then deleted.
    case removeInstanceProfile(name: String)

    /// False for changes rolewiz cannot make through the IAM calls it uses;
    /// they stay in the plan and fail the apply with an explanation instead
    /// of being dropped.
    public var isSupported: Bool {
        switch self {
        case .changePath, .instanceProfileHeldByAnotherRole: return false
        default: return true
        }
    }

    /// One line for people: `+` adds, `~` changes, `-` removes, `!` cannot be done here.
    public var summary: String { "\(marker) \(detail)" }

    /// The first character of `summary`: `+` adds, `~` changes, `-` removes, `!` cannot be done here.
    public var marker: Character {
        switch self {
        case .createRole, .attachPolicy, .addTag, .changePermissionsBoundary(nil, _), .putInlinePolicy(_, nil, _),
             .createInstanceProfile, .addRoleToInstanceProfile: "+"
        case .updateTrustPolicy, .updateDescription, .updateMaxSessionDuration, .changeTag, .putInlinePolicy: "~"
        case .changePermissionsBoundary(_, nil): "-"
        case .changePermissionsBoundary: "~"
        case .detachPolicy, .removeTag, .deleteInlinePolicy, .removeInstanceProfile: "-"
        case .changePath, .instanceProfileHeldByAnotherRole: "!"
        }
    }

    /// What the change does, without the marker.
    public var detail: String {
        switch self {
        case .createRole(let role):
            var details = ["path \(role.path)"]
            if let description = role.description { details.append("description \(quoted(description))") }
            if let seconds = role.maxSessionDuration { details.append("max session \(seconds) s") }
            if let boundary = role.permissionsBoundaryArn { details.append("boundary \(boundary)") }
            if !role.tags.isEmpty { details.append(role.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")) }
            return "create role \(role.roleName) (\(details.joined(separator: "; ")))"
        case .updateTrustPolicy:
            return "update the trust policy"
        case .updateDescription(let old, let new):
            return "description: \(old.map(quoted) ?? "none") -> \(quoted(new))"
        case .updateMaxSessionDuration(let old, let new):
            return "max session duration: \(old.map { "\($0) s" } ?? "default") -> \(new) s"
        case .changePermissionsBoundary(let old, let new):
            return "permissions boundary: \(old ?? "none") -> \(new ?? "none")"
        case .changePath(let old, let new):
            return "path: \(old) -> \(new) (IAM cannot change a role's path: the role must be recreated)"
        case .attachPolicy(let arn):
            return "attach \(arn)"
        case .detachPolicy(let arn):
            return "detach \(arn)"
        case .addTag(let tag):
            return "tag \(tag.key) = \(quoted(tag.value))"
        case .changeTag(let key, let old, let new):
            return "tag \(key): \(quoted(old)) -> \(quoted(new))"
        case .removeTag(let tag):
            return "remove tag \(tag.key) (was \(quoted(tag.value)))"
        case .putInlinePolicy(let name, nil, _):
            return "add inline policy \(JSONPrinter.quoted(name))"
        case .putInlinePolicy(let name, _, _):
            return "update inline policy \(JSONPrinter.quoted(name))"
        case .deleteInlinePolicy(let name, _):
            return "delete inline policy \(JSONPrinter.quoted(name))"
        case .createInstanceProfile(let name, let path):
            return "create instance profile \(JSONPrinter.quoted(name)) (path \(JSONPrinter.quoted(path)))"
        case .addRoleToInstanceProfile(let name):
            return "add the role to instance profile \(JSONPrinter.quoted(name))"
        case .instanceProfileHeldByAnotherRole(let name, let roleNames):
            let holders = roleNames.map { JSONPrinter.quoted($0) }.joined(separator: ", ")
            return "instance profile \(JSONPrinter.quoted(name)) already holds role \(holders); rolewiz does not take over "
                + "another role's profile (set instanceProfile: false, or remove that role from the profile first)"
        case .removeInstanceProfile(let name):
            return "remove the role from instance profile \(JSONPrinter.quoted(name)) and delete the profile"
        }
    }
}

private func quoted(_ text: String) -> String { "\"\(text)\"" }
