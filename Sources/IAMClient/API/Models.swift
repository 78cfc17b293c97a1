import Foundation

/// A tag as IAM stores it.
public struct Tag: Sendable, Hashable, Codable {
    /// Unique within one role.
    public var key: String
    /// May be empty: IAM allows a tag with no value.
    public var value: String
    /// A tag to send with CreateRole or TagRole.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// When and where a role was last used (GetRole's `RoleLastUsed`).
public struct RoleLastUsed: Sendable, Hashable, Codable {
    /// Nil when the role has not been used within IAM's tracking period.
    public var lastUsedDate: Date?
    /// The region of the last use; nil with `lastUsedDate`.
    public var region: String?
    /// Fakes and tests build this directly; IAM's answers are decoded in this module.
    public init(lastUsedDate: Date? = nil, region: String? = nil) {
        self.lastUsedDate = lastUsedDate
        self.region = region
    }
}

/// An IAM role. `assumeRolePolicyDocument` is the decoded JSON text
/// (IAM returns it percent-encoded; the client decodes it).
public struct Role: Sendable, Hashable, Codable {
    /// Unique in the account, whatever the path; IAM compares it without case.
    public var roleName: String
    /// IAM's stable ID (`AROA...`): a new role of the same name gets a new one.
    public var roleId: String
    /// `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`; what trusts and policies name.
    public var arn: String
    /// `/` or `/segment/.../`, part of the ARN; ListRoles can filter on its prefix.
    public var path: String
    /// Nil only when an answer (or an emulator) leaves it out.
    public var createDate: Date?
    /// The trust policy: who may assume the role.
    public var assumeRolePolicyDocument: String
    /// Nil when the role has none.
    public var description: String?
    /// In seconds (3600 to 43200); the longest session AssumeRole may ask for. Nil when IAM did not say.
    public var maxSessionDuration: Int?
    /// The managed policy capping the role's permissions, nil when none. ListRoles leaves it out; GetRole has it.
    public var permissionsBoundaryArn: String?
    /// Empty from ListRoles, which leaves tags out; GetRole and ListRoleTags have them.
    public var tags: [Tag]
    /// From GetRole only; ListRoles leaves it out.
    public var roleLastUsed: RoleLastUsed?

    /// Defaults match what IAM gives a role created with only a name and a trust policy.
    public init(
        roleName: String, roleId: String, arn: String, path: String = "/",
        createDate: Date? = nil, assumeRolePolicyDocument: String,
        description: String? = nil, maxSessionDuration: Int? = nil,
        permissionsBoundaryArn: String? = nil, tags: [Tag] = [], roleLastUsed: RoleLastUsed? = nil
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

/// A managed policy attached to a role (ListAttachedRolePolicies).
public struct AttachedPolicy: Sendable, Hashable, Codable {
    /// The policy's name, shown to people; the ARN is what identifies it.
    public var policyName: String
    /// What detach and `getPolicy(arn:)` take.
    public var policyArn: String
    /// Fakes and tests build this directly; IAM's answers are decoded in this module.
    public init(policyName: String, policyArn: String) {
        self.policyName = policyName
        self.policyArn = policyArn
    }
}

/// A managed policy (ListPolicies, GetPolicy).
public struct ManagedPolicy: Sendable, Hashable, Codable {
    /// Shown to people; `arn` is what identifies the policy.
    public var policyName: String
    /// IAM's stable ID (`ANPA...`); empty when an answer leaves it out.
    public var policyId: String
    /// What attach, detach and `getPolicyVersion` take.
    public var arn: String
    /// `/` or `/segment/.../`, part of the ARN (AWS managed ones use paths such as `/service-role/`).
    public var path: String
    /// The version in force (`v1`, `v2`, ...); read the document with `getPolicyVersion`.
    public var defaultVersionId: String
    /// How many users, groups and roles it is attached to.
    public var attachmentCount: Int
    /// False for policies that exist but may not be attached (some deprecated AWS ones).
    public var isAttachable: Bool
    /// Nil when the policy has none; ListPolicies leaves it out, GetPolicy has it.
    public var description: String?
    /// Nil only when an answer leaves it out.
    public var createDate: Date?
    /// When the newest version was created (the creation time while there is one); nil when an answer leaves it out.
    public var updateDate: Date?

    /// Defaults are IAM's for a policy with one version that is attached nowhere.
    public init(
        policyName: String, policyId: String, arn: String, path: String = "/",
        defaultVersionId: String = "v1", attachmentCount: Int = 0, isAttachable: Bool = true,
        description: String? = nil, createDate: Date? = nil, updateDate: Date? = nil
    ) {
        self.policyName = policyName
        self.policyId = policyId
        self.arn = arn
        self.path = path
        self.defaultVersionId = defaultVersionId
        self.attachmentCount = attachmentCount
        self.isAttachable = isAttachable
        self.description = description
        self.createDate = createDate
        self.updateDate = updateDate
    }

    /// True for AWS managed policies (`arn:PARTITION:iam::aws:policy/...`).
    public var isAWSManaged: Bool { arn.contains(":iam::aws:policy/") }
}

/// A policy embedded in one role (PutRolePolicy), as GetRolePolicy returns
/// it; `document` is the decoded JSON text.
public struct InlinePolicy: Sendable, Hashable, Codable {
    /// Unique within the role.
    public var name: String
    /// The JSON text, not percent-encoded; the client encodes it for the request.
    public var document: String
    /// A policy to put on a role, or one IAM returned.
    public init(name: String, document: String) {
        self.name = name
        self.document = document
    }
}

/// An instance profile: how EC2 hands a role to an instance. It holds at
/// most one role.
public struct InstanceProfile: Sendable, Hashable, Codable {
    /// Unique in the account; rolewiz names a role's profile after the role.
    public var name: String
    /// `arn:PARTITION:iam::ACCOUNT:instance-profile/PATH/NAME`, what EC2 launch settings name.
    public var arn: String
    /// `/` or `/segment/.../`; the console gives a role's profile the role's path.
    public var path: String
    /// The names of the roles it holds: empty or one.
    public var roleNames: [String]
    /// Fakes and tests build this directly; IAM's answers are decoded in this module.
    public init(name: String, arn: String, path: String = "/", roleNames: [String]) {
        self.name = name
        self.arn = arn
        self.path = path
        self.roleNames = roleNames
    }
}

/// One version of a managed policy; `document` is the decoded JSON text.
public struct PolicyVersion: Sendable, Hashable, Codable {
    /// `v1`, `v2`, ...: what `defaultVersionId` names.
    public var versionId: String
    /// The policy as of this version.
    public var document: String
    /// True for the one version in force.
    public var isDefaultVersion: Bool
    /// Nil only when an answer leaves it out.
    public var createDate: Date?
    /// Fakes and tests build this directly; IAM's answers are decoded in this module.
    public init(versionId: String, document: String, isDefaultVersion: Bool, createDate: Date? = nil) {
        self.versionId = versionId
        self.document = document
        self.isDefaultVersion = isDefaultVersion
        self.createDate = createDate
    }
}

/// ListPolicies' `Scope`.
public enum PolicyScope: String, Sendable, Codable, CaseIterable {
    case all = "All"
    case aws = "AWS"
    case local = "Local"
}

/// STS GetCallerIdentity.
public struct CallerIdentity: Sendable, Hashable, Codable {
    /// The 12-digit account the credentials belong to; ARNs and plans are built for it.
    public var account: String
    /// The caller as an ARN (a user, or an `assumed-role/ROLE/SESSION`), shown so people know who acts.
    public var arn: String
    /// IAM's unique ID of the caller (for an assumed role, `ROLEID:SESSION`).
    public var userId: String
    /// Fakes and tests build this directly; STS's answer is decoded in this module.
    public init(account: String, arn: String, userId: String) {
        self.account = account
        self.arn = arn
        self.userId = userId
    }
}

/// Everything CreateRole takes. The trust policy is JSON text.
public struct CreateRoleInput: Sendable, Hashable {
    /// Unique in the account; IAM compares it without case.
    public var roleName: String
    /// `/` or `/segment/.../`; nil leaves it to IAM, which uses `/`.
    public var path: String?
    /// The trust policy as JSON text; the client encodes it for the request.
    public var assumeRolePolicyDocument: String
    /// Nil sends none.
    public var description: String?
    /// In seconds (3600 to 43200); nil leaves IAM's default of one hour.
    public var maxSessionDuration: Int?
    /// The ARN of a managed policy to cap the role's permissions; nil for none.
    public var permissionsBoundary: String?
    /// Sent with CreateRole itself, so the role has its tags from the start.
    public var tags: [Tag]

    /// Only the name and the trust policy are required, as in IAM.
    public init(
        roleName: String, path: String? = nil, assumeRolePolicyDocument: String,
        description: String? = nil, maxSessionDuration: Int? = nil,
        permissionsBoundary: String? = nil, tags: [Tag] = []
    ) {
        self.roleName = roleName
        self.path = path
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
    }
}
