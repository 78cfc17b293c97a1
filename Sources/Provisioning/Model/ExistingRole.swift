import Foundation

/// A role IAM already has, as Provisioning describes it to `show`, the edit
/// and delete screens, the planner and export: Provisioning's own type, so
/// what the screens read is not IAMClient's wire type (issue 15). The names
/// follow IAM's (`roleName`, `assumeRolePolicyDocument`) so the outputs built
/// from them read as IAM's API does.
public struct ExistingRole: Sendable, Hashable, Codable {
    /// Unique in the account, whatever the path; IAM compares it without case.
    public var roleName: String
    /// IAM's stable ID (`AROA...`): a new role of the same name gets a new one.
    public var roleId: String
    /// `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`; what trusts and policies name.
    public var arn: String
    /// `/` or `/segment/.../`; a service-linked role's path names its service.
    public var path: String
    /// Nil only when an answer (or an emulator) leaves it out.
    public var createDate: Date?
    /// The trust policy's JSON text (decoded): who may assume the role.
    public var assumeRolePolicyDocument: String
    /// Nil when the role has none.
    public var description: String?
    /// In seconds (3600 to 43200); nil when IAM did not say.
    public var maxSessionDuration: Int?
    /// The managed policy capping the role's permissions, nil when none.
    public var permissionsBoundaryArn: String?
    /// The tags GetRole returned with the role (`RoleDetails.tags` has ListRoleTags').
    public var tags: [RoleTag]
    /// When and where the role was last used; nil when IAM did not say.
    public var roleLastUsed: LastUse?

    /// When and where a role was last used, which `show` and the edit
    /// screen print so people see whether a role is still in use.
    public struct LastUse: Sendable, Hashable, Codable {
        /// Nil when the role has not been used within IAM's tracking period.
        public var lastUsedDate: Date?
        /// The region of the last use; nil with `lastUsedDate`.
        public var region: String?

        /// Usually read from IAM; tests build one directly.
        public init(lastUsedDate: Date? = nil, region: String? = nil) {
            self.lastUsedDate = lastUsedDate
            self.region = region
        }
    }

    /// Defaults match what IAM gives a role created with only a name and a
    /// trust policy; usually read from IAM, tests build one directly.
    public init(
        roleName: String, roleId: String, arn: String, path: String = "/",
        createDate: Date? = nil, assumeRolePolicyDocument: String,
        description: String? = nil, maxSessionDuration: Int? = nil,
        permissionsBoundaryArn: String? = nil, tags: [RoleTag] = [], roleLastUsed: LastUse? = nil
    ) {
        self.roleName = roleName
        self.roleId = roleId
        self.arn = arn
        self.path = path
        self.createDate = createDate
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundaryArn = permissionsBoundaryArn
        self.tags = tags
        self.roleLastUsed = roleLastUsed
    }
}
