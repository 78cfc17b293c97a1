/// An instance profile holding a role (how EC2 hands a role to an
/// instance), as `show`, deletion and the planner see it. Its own type, so
/// `RoleDetails` and `RoleDeletion` name nothing of IAMClient (issue 15).
public struct InstanceProfileSummary: Sendable, Hashable, Codable {
    /// Unique in the account; rolewiz names a role's own profile after the role.
    public var name: String
    /// `arn:PARTITION:iam::ACCOUNT:instance-profile/PATH/NAME`, what EC2 launch settings name.
    public var arn: String
    /// `/` or `/segment/.../`; a role's own profile gets the role's path.
    public var path: String
    /// The names of the roles it holds: empty or one.
    public var roleNames: [String]

    /// Usually read from IAM; tests build one directly.
    public init(name: String, arn: String, path: String = "/", roleNames: [String]) {
        self.name = name
        self.arn = arn
        self.path = path
        self.roleNames = roleNames
    }
}
