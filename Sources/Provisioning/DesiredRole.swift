/// A role exactly as IAM should end up holding it: every name resolved to an
/// ARN, the trust policy as the JSON text that will be sent. `RoleSpec`
/// resolves to this; `Planner` compares it with what IAM has.
public struct DesiredRole: Sendable, Hashable {
    /// The role's name, unique in the account.
    public var roleName: String
    /// The IAM path, `/` by default; IAM cannot change it on an existing role, so a plan reports a difference as unsupported.
    public var path: String
    /// The trust policy JSON text, as sent in CreateRole / UpdateAssumeRolePolicy.
    public var trustPolicy: String
    /// Nil leaves the role's description as it is.
    public var description: String?
    /// In seconds (3600 to 43200); nil leaves the role's setting as it is.
    public var maxSessionDuration: Int?
    /// Nil leaves a role's boundary as it is (prune too), unless
    /// `removesPermissionsBoundary` says to remove it.
    public var permissionsBoundaryArn: String?
    /// Asked for explicitly (`--no-permissions-boundary`): the only way a
    /// boundary is removed, since removing one widens what the role may do.
    public var removesPermissionsBoundary = false
    /// Managed policy ARNs, in the order they should be attached.
    public var policyArns: [String]
    /// Tags the role should carry; with prune, keys IAM has and these do not are removed.
    public var tags: [RoleTag]
    /// Inline policies by name, documents as the JSON text PutRolePolicy
    /// sends. With prune, those IAM has and this does not name are deleted.
    public var inlinePolicies: [RoleInlinePolicy]
    /// True: an instance profile of the role's name should hold the role.
    /// False: it should not, which removes it only with prune. Nil: not
    /// managed at all (a role EC2 cannot assume), so prune leaves it too.
    public var instanceProfile: Bool?

    /// Defaults describe a bare role under `/`: no policies, tags or inline policies, the instance profile not managed.
    public init(
        roleName: String, path: String = "/", trustPolicy: String, description: String? = nil,
        maxSessionDuration: Int? = nil, permissionsBoundaryArn: String? = nil,
        policyArns: [String] = [], tags: [RoleTag] = [], inlinePolicies: [RoleInlinePolicy] = [],
        instanceProfile: Bool? = nil
    ) {
        self.roleName = roleName
        self.path = path
        self.trustPolicy = trustPolicy
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundaryArn = permissionsBoundaryArn
        self.policyArns = policyArns
        self.tags = tags
        self.inlinePolicies = inlinePolicies
        self.instanceProfile = instanceProfile
    }

    /// Whether the role should end up in its own instance profile.
    public var wantsInstanceProfile: Bool { instanceProfile == true }
}
