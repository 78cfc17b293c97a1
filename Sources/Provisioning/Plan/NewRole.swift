import IAMClient

/// Everything a new role is created with in its one CreateRole call:
/// the final trust policy, description, session limit, path, boundary and tags.
/// Managed policies are attached afterwards, as separate changes.
public struct NewRole: Sendable, Hashable {
    public var roleName: String
    public var path: String
    public var trustPolicy: String
    public var description: String?
    public var maxSessionDuration: Int?
    public var permissionsBoundaryArn: String?
    public var tags: [Tag]

    public init(_ desired: DesiredRole) {
        roleName = desired.roleName
        path = desired.path
        trustPolicy = desired.trustPolicy
        description = desired.description
        maxSessionDuration = desired.maxSessionDuration
        permissionsBoundaryArn = desired.permissionsBoundaryArn
        tags = TagSet(desired.tags).tags
    }

    var createRoleInput: CreateRoleInput {
        CreateRoleInput(
            roleName: roleName, path: path, assumeRolePolicyDocument: trustPolicy,
            description: description, maxSessionDuration: maxSessionDuration,
            permissionsBoundary: permissionsBoundaryArn, tags: tags
        )
    }

    /// The role as a `DesiredRole` without policies, to compare with what IAM
    /// holds when CreateRole finds the role already there.
    var desiredRole: DesiredRole {
        DesiredRole(
            roleName: roleName, path: path, trustPolicy: trustPolicy, description: description,
            maxSessionDuration: maxSessionDuration, permissionsBoundaryArn: permissionsBoundaryArn,
            tags: tags
        )
    }
}
