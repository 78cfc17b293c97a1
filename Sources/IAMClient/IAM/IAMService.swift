import Foundation

/// The IAM Query API (version 2010-05-08), signed for service `iam`.
public struct IAMService: IAMOperations {
    public static let apiVersion = "2010-05-08"

    public let client: ServiceClient
    /// `MaxItems` for list calls (IAM allows 1 to 1000). IAM may still return
    /// fewer with more left, so every list follows `Marker` until `IsTruncated` is false.
    public let pageSize: Int

    public init(client: ServiceClient, pageSize: Int = 1000) {
        self.client = client
        self.pageSize = min(1000, max(1, pageSize))
    }

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

    public func getRole(name: String) async throws -> Role {
        try await client.call("GetRole", [("RoleName", name)]) { try Role(xml: $0.required("Role")) }
    }

    public func updateRole(name: String, description: String?, maxSessionDuration: Int?) async throws {
        var parameters = QueryParameters([("RoleName", name)])
        parameters.add("Description", description)
        parameters.add("MaxSessionDuration", maxSessionDuration)
        try await client.call("UpdateRole", parameters.items)
    }

    public func updateAssumeRolePolicy(roleName: String, policyDocument: String) async throws {
        try await client.call("UpdateAssumeRolePolicy", [("RoleName", roleName), ("PolicyDocument", policyDocument)])
    }

    public func putRolePermissionsBoundary(roleName: String, policyArn: String) async throws {
        try await client.call("PutRolePermissionsBoundary", [("RoleName", roleName), ("PermissionsBoundary", policyArn)])
    }

    public func deleteRolePermissionsBoundary(roleName: String) async throws {
        try await client.call("DeleteRolePermissionsBoundary", [("RoleName", roleName)])
    }

    public func deleteRole(name: String) async throws {
        try await client.call("DeleteRole", [("RoleName", name)])
    }

    public func attachRolePolicy(roleName: String, policyArn: String) async throws {
        try await client.call("AttachRolePolicy", [("RoleName", roleName), ("PolicyArn", policyArn)])
    }

    public func detachRolePolicy(roleName: String, policyArn: String) async throws {
        try await client.call("DetachRolePolicy", [("RoleName", roleName), ("PolicyArn", policyArn)])
    }

    public func listAttachedRolePolicies(roleName: String) async throws -> [AttachedPolicy] {
        try await paginate("ListAttachedRolePolicies", [("RoleName", roleName)], list: "AttachedPolicies", decode: AttachedPolicy.init(xml:))
    }

    public func listRoles(pathPrefix: String?) async throws -> [Role] {
        var parameters = QueryParameters()
        parameters.add("PathPrefix", pathPrefix)
        return try await paginate("ListRoles", parameters.items, list: "Roles", decode: Role.init(xml:))
    }

    public func listRolePolicies(roleName: String) async throws -> [String] {
        try await paginate("ListRolePolicies", [("RoleName", roleName)], list: "PolicyNames") { $0.text }
    }

    public func getRolePolicy(roleName: String, policyName: String) async throws -> InlinePolicy {
        try await client.call("GetRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)], decode: InlinePolicy.init(xml:))
    }

    public func putRolePolicy(roleName: String, policy: InlinePolicy) async throws {
        try await client.call("PutRolePolicy", [("RoleName", roleName), ("PolicyName", policy.name), ("PolicyDocument", policy.document)])
    }

    public func deleteRolePolicy(roleName: String, policyName: String) async throws {
        try await client.call("DeleteRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)])
    }

    public func listInstanceProfilesForRole(roleName: String) async throws -> [InstanceProfile] {
        try await paginate("ListInstanceProfilesForRole", [("RoleName", roleName)], list: "InstanceProfiles", decode: InstanceProfile.init(xml:))
    }

    public func getInstanceProfile(name: String) async throws -> InstanceProfile {
        try await client.call("GetInstanceProfile", [("InstanceProfileName", name)]) { try InstanceProfile(xml: $0.required("InstanceProfile")) }
    }

    public func createInstanceProfile(name: String, path: String) async throws -> InstanceProfile {
        try await client.call("CreateInstanceProfile", [("InstanceProfileName", name), ("Path", path)]) {
            try InstanceProfile(xml: $0.required("InstanceProfile"))
        }
    }

    public func addRoleToInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        try await client.call("AddRoleToInstanceProfile", [("InstanceProfileName", instanceProfileName), ("RoleName", roleName)])
    }

    public func removeRoleFromInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        try await client.call("RemoveRoleFromInstanceProfile", [("InstanceProfileName", instanceProfileName), ("RoleName", roleName)])
    }

    public func deleteInstanceProfile(name: String) async throws {
        try await client.call("DeleteInstanceProfile", [("InstanceProfileName", name)])
    }

    public func listPolicies(
        scope: PolicyScope, onlyAttached: Bool, pathPrefix: String?,
        onPage: (@Sendable ([ManagedPolicy]) -> Void)?
    ) async throws -> [ManagedPolicy] {
        var parameters = QueryParameters([("Scope", scope.rawValue)])
        parameters.add("OnlyAttached", onlyAttached)
        parameters.add("PathPrefix", pathPrefix)
        return try await paginate("ListPolicies", parameters.items, list: "Policies", decode: ManagedPolicy.init(xml:), onPage: onPage)
    }

    public func getPolicy(arn: String) async throws -> ManagedPolicy {
        try await client.call("GetPolicy", [("PolicyArn", arn)]) { try ManagedPolicy(xml: $0.required("Policy")) }
    }

    public func getPolicyVersion(policyArn: String, versionId: String) async throws -> PolicyVersion {
        try await client.call("GetPolicyVersion", [("PolicyArn", policyArn), ("VersionId", versionId)]) {
            try PolicyVersion(xml: $0.required("PolicyVersion"))
        }
    }

    public func tagRole(name: String, tags: [Tag]) async throws {
        var parameters = QueryParameters([("RoleName", name)])
        parameters.addTags("Tags", tags)
        try await client.call("TagRole", parameters.items)
    }

    public func untagRole(name: String, tagKeys: [String]) async throws {
        var parameters = QueryParameters([("RoleName", name)])
        parameters.addList("TagKeys", tagKeys)
        try await client.call("UntagRole", parameters.items)
    }

    public func listRoleTags(name: String) async throws -> [Tag] {
        try await paginate("ListRoleTags", [("RoleName", name)], list: "Tags", decode: Tag.init(xml:))
    }

    public func getAccountSummary() async throws -> [String: Int] {
        try await client.call("GetAccountSummary") { result in
            var summary: [String: Int] = [:]
            for entry in try result.required("SummaryMap").children(named: "entry") {
                if let key = entry.text("key"), let value = entry.int("value") { summary[key] = value }
            }
            return summary
        }
    }

    public func listOpenIDConnectProviders() async throws -> [String] {
        try await client.call("ListOpenIDConnectProviders") { result in
            try result.members(of: "OpenIDConnectProviderList").map { try $0.requiredText("Arn") }
        }
    }

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
