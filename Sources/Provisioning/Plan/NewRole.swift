/// Everything a new role is created with in its one CreateRole call:
/// the final trust policy, description, session limit, path, boundary and tags.
/// Managed policies are attached afterwards, as separate changes.
public struct NewRole: Sendable, Hashable {
    /// The role's name.
    public var roleName: String
    /// The IAM path; fixed once the role exists.
    public var path: String
    /// The trust policy JSON text, sent as `AssumeRolePolicyDocument`.
    public var trustPolicy: String
    /// Nil sends none.
    public var description: String?
    /// In seconds; nil leaves IAM's default of one hour.
    public var maxSessionDuration: Int?
    /// The boundary policy's ARN; nil creates the role without one.
    public var permissionsBoundaryArn: String?
    /// One tag per key, in the order first given (a later value of a key wins).
    public var tags: [RoleTag]

    /// Takes what CreateRole can carry from `desired`; its policies and instance profile become changes of their own.
    public init(_ desired: DesiredRole) {
        roleName = desired.roleName
        path = desired.path
        trustPolicy = desired.trustPolicy
        description = desired.description
        maxSessionDuration = desired.maxSessionDuration
        permissionsBoundaryArn = desired.permissionsBoundaryArn
        tags = TagSet(desired.tags).tags
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
