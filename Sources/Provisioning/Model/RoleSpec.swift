/// A role as a person describes it: names rather than ARNs, a trusted entity
/// rather than policy JSON. `resolve(partition:accountId:)` turns it into the
/// `DesiredRole` the planner compares with IAM.
public struct RoleSpec: Sendable, Hashable {
    /// The role's name (1 to 64 of `[\w+=,.@-]`), unique in the account regardless of case.
    public var name: String
    /// `/` or `/segment/.../`.
    public var path: String
    /// Nil leaves an existing role's description as it is; an empty text clears it.
    public var description: String?
    /// Who may assume the role; yields the trust policy.
    public var trust: TrustedEntity
    /// AWS managed policy names (`AmazonS3FullAccess`, `service-role/AWSGlueServiceRole`) or policy ARNs.
    public var managedPolicies: [PolicyReference]
    /// In order; keys are unique regardless of case.
    public var tags: [RoleTag]
    /// Seconds, 3600 to 43200; nil leaves IAM's default of one hour.
    public var maxSessionDuration: Int?
    /// A managed policy capping what the role may do; nil leaves an existing role's boundary as it is.
    public var permissionsBoundary: PolicyReference?
    /// Policies embedded in the role (PutRolePolicy), by name, in the order
    /// written; each document is policy JSON text as it will be sent.
    public var inlinePolicies: [RoleInlinePolicy]
    /// Whether the role gets an instance profile of its own name, as the
    /// console makes one for a role EC2 may assume. Nil follows the console
    /// (`wantsInstanceProfile`); a value is kept only when it says otherwise.
    public var instanceProfile: Bool?

    /// Defaults describe a bare role under `/` with IAM's defaults; nothing is checked until `validate()` or `resolve`.
    public init(
        name: String, path: String = "/", description: String? = nil, trust: TrustedEntity,
        managedPolicies: [PolicyReference] = [], tags: [RoleTag] = [], maxSessionDuration: Int? = nil,
        permissionsBoundary: PolicyReference? = nil, inlinePolicies: [RoleInlinePolicy] = [],
        instanceProfile: Bool? = nil
    ) {
        self.name = name
        self.path = path
        self.description = description
        self.trust = trust
        self.managedPolicies = managedPolicies
        self.tags = tags
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundary = permissionsBoundary
        self.inlinePolicies = inlinePolicies
        self.instanceProfile = instanceProfile
    }

    /// The role exactly as IAM should hold it in `partition` (`aws`, `aws-cn`,
    /// `aws-us-gov`) of account `accountId`. The account is needed only when
    /// the trust refers to "this account"; it is validated when given.
    /// Throws every validation issue at once.
    public func resolve(partition: String = "aws", accountId: String?) throws(RoleSpecValidationError) -> DesiredRole {
        var issues = validate()
        if let accountId, !AccountReference.isAccountId(accountId) {
            issues.append(ValidationIssue(field: "accountId", message: "\"\(accountId)\" is not a 12-digit AWS account ID"))
        }
        guard issues.isEmpty else { throw RoleSpecValidationError(issues: issues) }
        let trustText = try trust.policyDocument(partition: partition, accountId: accountId).text
        if let violation = CharacterRule.policyDocument.violation(in: trustText, quoting: false) {
            throw RoleSpecValidationError(issues: [ValidationIssue(field: "trust", message: "the trust policy \(violation)")])
        }
        return DesiredRole(
            roleName: name, path: path, trustPolicy: trustText, description: description,
            maxSessionDuration: maxSessionDuration,
            permissionsBoundaryArn: permissionsBoundary?.arn(partition: partition),
            policyArns: managedPolicies.map { $0.arn(partition: partition) }, tags: tags,
            inlinePolicies: inlinePolicies,
            // Managed (either way) for a role EC2 may assume or when said; otherwise left alone.
            instanceProfile: wantsInstanceProfile ? true : (instanceProfile == false ? false : nil))
    }
}
