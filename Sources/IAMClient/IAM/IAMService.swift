import Foundation

/// The IAM Query API (version 2010-05-08), signed for service `iam`.
public struct IAMService: IAMOperations {
    /// Sent as `Version` with every call; IAM has had one API version since 2010.
    public static let apiVersion = "2010-05-08"

    /// Signs, sends and retries each call against the IAM endpoint.
    public let client: ServiceClient
    /// `MaxItems` for list calls (IAM allows 1 to 1000). IAM may still return
    /// fewer with more left, so every list follows `Marker` until `IsTruncated` is false.
    public let pageSize: Int

    /// `pageSize` is clamped to IAM's 1...1000; tests pass small pages to exercise paging.
    public init(client: ServiceClient, pageSize: Int = 1000) {
        self.client = client
        self.pageSize = min(1000, max(1, pageSize))
    }

    /// CreateRole; answers the role as IAM made it, ARN and ID included.
    public func createRole(_ input: CreateRoleInput) async throws -> Role {
        var parameters = QueryParameters([("RoleName", input.roleName)])
        parameters.add("Path", input.path)
        parameters.add("AssumeRolePolicyDocument", input.assumeRolePolicyDocument)
        parameters.add("Description", input.description)
        parameters.add("MaxSessionDuration", input.maxSessionDuration)
        parameters.add("PermissionsBoundary", input.permissionsBoundary)
        parameters.addTags("Tags", input.tags)
        return try await client.call("CreateRole", parameters.items) { try Role(xml: $0.required("Role")) }
    }

    /// GetRole: the one call that returns a role's tags, boundary and last use together. An absent role is an `AWSError` with code `noSuchEntity`.
    public func getRole(name: String) async throws -> Role {
        try await client.call("GetRole", [("RoleName", name)]) { try Role(xml: $0.required("Role")) }
    }

    /// UpdateRole; a nil field is left as it is.
    public func updateRole(name: String, description: String?, maxSessionDuration: Int?) async throws {
        var parameters = QueryParameters([("RoleName", name)])
        parameters.add("Description", description)
        parameters.add("MaxSessionDuration", maxSessionDuration)
        try await client.call("UpdateRole", parameters.items)
    }

    /// Replaces the trust policy (JSON text) as a whole.
    public func updateAssumeRolePolicy(roleName: String, policyDocument: String) async throws {
        try await client.call("UpdateAssumeRolePolicy", [("RoleName", roleName), ("PolicyDocument", policyDocument)])
    }

    /// Sets or replaces the boundary (a managed policy ARN).
    public func putRolePermissionsBoundary(roleName: String, policyArn: String) async throws {
        try await client.call("PutRolePermissionsBoundary", [("RoleName", roleName), ("PermissionsBoundary", policyArn)])
    }

    /// Removes the boundary, leaving the role's permissions to its policies alone.
    public func deleteRolePermissionsBoundary(roleName: String) async throws {
        try await client.call("DeleteRolePermissionsBoundary", [("RoleName", roleName)])
    }

    /// IAM refuses (DeleteConflict) while policies or an instance profile are still attached.
    public func deleteRole(name: String) async throws {
        try await client.call("DeleteRole", [("RoleName", name)])
    }

    /// AttachRolePolicy: a managed policy, by ARN.
    public func attachRolePolicy(roleName: String, policyArn: String) async throws {
        try await client.call("AttachRolePolicy", [("RoleName", roleName), ("PolicyArn", policyArn)])
    }

    /// DetachRolePolicy: the policy stays; only its attachment to the role goes.
    public func detachRolePolicy(roleName: String, policyArn: String) async throws {
        try await client.call("DetachRolePolicy", [("RoleName", roleName), ("PolicyArn", policyArn)])
    }

    /// Every page of ListAttachedRolePolicies.
    public func listAttachedRolePolicies(roleName: String) async throws -> [AttachedPolicy] {
        try await paginate("ListAttachedRolePolicies", [("RoleName", roleName)], list: "AttachedPolicies", decode: AttachedPolicy.init(xml:))
    }

    /// Every page of ListRoles; nil `pathPrefix` lists all (IAM leaves tags and boundaries out here).
    public func listRoles(pathPrefix: String?) async throws -> [Role] {
        var parameters = QueryParameters()
        parameters.add("PathPrefix", pathPrefix)
        return try await paginate("ListRoles", parameters.items, list: "Roles", decode: Role.init(xml:))
    }

    /// Every page of ListRolePolicies: the inline policies' names; read each with `getRolePolicy`.
    public func listRolePolicies(roleName: String) async throws -> [String] {
        try await paginate("ListRolePolicies", [("RoleName", roleName)], list: "PolicyNames") { $0.text }
    }

    /// GetRolePolicy, with the document decoded to JSON text.
    public func getRolePolicy(roleName: String, policyName: String) async throws -> InlinePolicy {
        try await client.call("GetRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)], decode: InlinePolicy.init(xml:))
    }

    /// PutRolePolicy: creates or replaces the inline policy of that name.
    public func putRolePolicy(roleName: String, policy: InlinePolicy) async throws {
        try await client.call("PutRolePolicy", [("RoleName", roleName), ("PolicyName", policy.name), ("PolicyDocument", policy.document)])
    }

    /// DeleteRolePolicy; IAM answers NoSuchEntity when there is none of that name.
    public func deleteRolePolicy(roleName: String, policyName: String) async throws {
        try await client.call("DeleteRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)])
    }

    /// Every page of ListInstanceProfilesForRole.
    public func listInstanceProfilesForRole(roleName: String) async throws -> [InstanceProfile] {
        try await paginate("ListInstanceProfilesForRole", [("RoleName", roleName)], list: "InstanceProfiles", decode: InstanceProfile.init(xml:))
    }

    /// GetInstanceProfile, with the names of the roles it holds.
    public func getInstanceProfile(name: String) async throws -> InstanceProfile {
        try await client.call("GetInstanceProfile", [("InstanceProfileName", name)]) { try InstanceProfile(xml: $0.required("InstanceProfile")) }
    }

    /// An empty profile; `path` is `/` or `/segment/.../`.
    public func createInstanceProfile(name: String, path: String) async throws -> InstanceProfile {
        try await client.call("CreateInstanceProfile", [("InstanceProfileName", name), ("Path", path)]) {
            try InstanceProfile(xml: $0.required("InstanceProfile"))
        }
    }

    /// IAM answers LimitExceeded when the profile already holds a role.
    public func addRoleToInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        try await client.call("AddRoleToInstanceProfile", [("InstanceProfileName", instanceProfileName), ("RoleName", roleName)])
    }

    /// Leaves the profile empty, ready for deletion or another role.
    public func removeRoleFromInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        try await client.call("RemoveRoleFromInstanceProfile", [("InstanceProfileName", instanceProfileName), ("RoleName", roleName)])
    }

    /// IAM refuses (DeleteConflict) while it still holds a role.
    public func deleteInstanceProfile(name: String) async throws {
        try await client.call("DeleteInstanceProfile", [("InstanceProfileName", name)])
    }

    /// Every page of ListPolicies, `onPage` called with each as it arrives (AWS's own policies alone run past a thousand).
    public func listPolicies(
        scope: PolicyScope, onlyAttached: Bool, pathPrefix: String?,
        onPage: (@Sendable ([ManagedPolicy]) -> Void)?
    ) async throws -> [ManagedPolicy] {
        var parameters = QueryParameters([("Scope", scope.rawValue)])
        parameters.add("OnlyAttached", onlyAttached)
        parameters.add("PathPrefix", pathPrefix)
        return try await paginate("ListPolicies", parameters.items, list: "Policies", decode: ManagedPolicy.init(xml:), onPage: onPage)
    }

    /// GetPolicy: the metadata and the default version's ID, not the document.
    public func getPolicy(arn: String) async throws -> ManagedPolicy {
        try await client.call("GetPolicy", [("PolicyArn", arn)]) { try ManagedPolicy(xml: $0.required("Policy")) }
    }

    /// GetPolicyVersion, with the document decoded to JSON text.
    public func getPolicyVersion(policyArn: String, versionId: String) async throws -> PolicyVersion {
        try await client.call("GetPolicyVersion", [("PolicyArn", policyArn), ("VersionId", versionId)]) {
            try PolicyVersion(xml: $0.required("PolicyVersion"))
        }
    }

    /// TagRole: adds tags, replacing the value of a key already there.
    public func tagRole(name: String, tags: [Tag]) async throws {
        var parameters = QueryParameters([("RoleName", name)])
        parameters.addTags("Tags", tags)
        try await client.call("TagRole", parameters.items)
    }

    /// UntagRole: removes the tags with these keys.
    public func untagRole(name: String, tagKeys: [String]) async throws {
        var parameters = QueryParameters([("RoleName", name)])
        parameters.addList("TagKeys", tagKeys)
        try await client.call("UntagRole", parameters.items)
    }

    /// Every page of ListRoleTags.
    public func listRoleTags(name: String) async throws -> [Tag] {
        try await paginate("ListRoleTags", [("RoleName", name)], list: "Tags", decode: Tag.init(xml:))
    }

    /// GetAccountSummary's `SummaryMap`: quotas and usage by name, so lint can use the account's real limits.
    public func getAccountSummary() async throws -> [String: Int] {
        try await client.call("GetAccountSummary") { result in
            var summary: [String: Int] = [:]
            for entry in try result.required("SummaryMap").children(named: "entry") {
                if let key = entry.text("key"), let value = entry.int("value") { summary[key] = value }
            }
            return summary
        }
    }

    /// The OIDC providers' ARNs (one page, as IAM answers).
    public func listOpenIDConnectProviders() async throws -> [String] {
        try await client.call("ListOpenIDConnectProviders") { result in
            try result.members(of: "OpenIDConnectProviderList").map { try $0.requiredText("Arn") }
        }
    }

    /// The SAML providers' ARNs (one page, as IAM answers).
    public func listSAMLProviders() async throws -> [String] {
        try await client.call("ListSAMLProviders") { result in
            try result.members(of: "SAMLProviderList").map { try $0.requiredText("Arn") }
        }
    }

    /// Follows `IsTruncated`/`Marker` until the last page, calling `onPage` with each page.
    func paginate<Item>(
        _ action: String, _ parameters: [(String, String)], list: String,
        decode: @escaping (ResponseElement) throws -> Item,
        onPage: (@Sendable ([Item]) -> Void)? = nil
    ) async throws -> [Item] {
        var all: [Item] = []
        var marker: String?
        repeat {
            var page = QueryParameters(parameters)
            page.add("MaxItems", pageSize)
            page.add("Marker", marker)
            let (items, next) = try await client.call(action, page.items) { result -> ([Item], String?) in
                let items = try result.members(of: list).map(decode)
                guard result.bool("IsTruncated") == true else { return (items, nil) }
                guard let next = result.text("Marker"), !next.isEmpty else {
                    throw ResponseShapeError(element: result.name, missing: "Marker (IsTruncated is true)")
                }
                return (items, next)
            }
            all.append(contentsOf: items)
            onPage?(items)
            marker = next
        } while marker != nil
        return all
    }
}
