import Foundation

/// A tag as IAM stores it.
public struct Tag: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// When and where a role was last used (GetRole's `RoleLastUsed`).
public struct RoleLastUsed: Sendable, Hashable, Codable {
    public var lastUsedDate: Date?
    public var region: String?
    public init(lastUsedDate: Date? = nil, region: String? = nil) {
        self.lastUsedDate = lastUsedDate
        self.region = region
    }
}

/// An IAM role. `assumeRolePolicyDocument` is the decoded JSON text
/// (IAM returns it percent-encoded; the client decodes it).
public struct Role: Sendable, Hashable, Codable {
    public var roleName: String
    public var roleId: String
    public var arn: String
    public var path: String
    public var createDate: Date?
    public var assumeRolePolicyDocument: String
    public var description: String?
    public var maxSessionDuration: Int?
    public var permissionsBoundaryArn: String?
    public var tags: [Tag]
    public var roleLastUsed: RoleLastUsed?

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
    public var policyName: String
    public var policyArn: String
    public init(policyName: String, policyArn: String) {
        self.policyName = policyName
        self.policyArn = policyArn
    }
}

/// A managed policy (ListPolicies, GetPolicy).
public struct ManagedPolicy: Sendable, Hashable, Codable {
    public var policyName: String
    public var policyId: String
    public var arn: String
    public var path: String
    public var defaultVersionId: String
    public var attachmentCount: Int
    public var isAttachable: Bool
    public var description: String?
    public var createDate: Date?
    public var updateDate: Date?

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
    public var name: String
    public var document: String
    public init(name: String, document: String) {
        self.name = name
        self.document = document
    }
}

/// An instance profile: how EC2 hands a role to an instance. It holds at
/// most one role.
public struct InstanceProfile: Sendable, Hashable, Codable {
    public var name: String
    public var arn: String
    /// `/` or `/segment/.../`; the console gives a role's profile the role's path.
    public var path: String
    public var roleNames: [String]
    public init(name: String, arn: String, path: String = "/", roleNames: [String]) {
        self.name = name
        self.arn = arn
        self.path = path
        self.roleNames = roleNames
    }
}

/// One version of a managed policy; `document` is the decoded JSON text.
public struct PolicyVersion: Sendable, Hashable, Codable {
    public var versionId: String
    public var document: String
    public var isDefaultVersion: Bool
    public var createDate: Date?
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
    public var account: String
    public var arn: String
    public var userId: String
    public init(account: String, arn: String, userId: String) {
        self.account = account
        self.arn = arn
        self.userId = userId
    }
}

/// Everything CreateRole takes. The trust policy is JSON text.
public struct CreateRoleInput: Sendable, Hashable {
    public var roleName: String
    public var path: String?
    public var assumeRolePolicyDocument: String
    public var description: String?
    public var maxSessionDuration: Int?
    public var permissionsBoundary: String?
    public var tags: [Tag]

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
