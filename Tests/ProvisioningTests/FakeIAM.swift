import Foundation
import IAMClient

/// An in-memory IAM for unit tests of planning and applying. It behaves like
/// IAM where the planner and applier depend on it (EntityAlreadyExists,
/// NoSuchEntity, tag merging, idempotent attach), records every call, and
/// can be told to fail a given call of an action in the ways that matter:
/// an error answer, a reply lost after IAM acted, retries by the client.
///
/// Proof against a real IAM comes from the moto integration tests; this
/// fake makes the failure cases deterministic.
actor FakeIAM: IAMOperations {
    static let account = "123456789012"
    static let writeActions: Set<String> = [
        "CreateRole", "UpdateRole", "UpdateAssumeRolePolicy", "DeleteRole", "AttachRolePolicy",
        "DetachRolePolicy", "TagRole", "UntagRole", "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary",
        "PutRolePolicy", "DeleteRolePolicy", "RemoveRoleFromInstanceProfile", "DeleteInstanceProfile",
        "CreateInstanceProfile", "AddRoleToInstanceProfile",
    ]

    struct Call: Hashable, Sendable, CustomStringConvertible {
        var action: String
        /// The role name, plus the policy ARN for attach and detach.
        var target: String
        var description: String { "\(action) \(target)" }
    }

    /// What happens to one call.
    enum Fault: Sendable {
        /// IAM answers with this error and does nothing.
        case error(AWSError)
        /// IAM acts, then the reply is lost and the client gives up with this error.
        case lostReply(then: any Error & Sendable)
        /// IAM acts, the reply is lost, and the client tries again (reporting
        /// attempt 2 to the observer): the caller sees what the second try gets.
        case lostReplyRetried
        /// The client is throttled this many times (reporting each new
        /// attempt to the observer) before the call goes through.
        case throttled(times: Int)
    }

    /// A role as the fake stores it.
    struct StoredRole: Sendable {
        var role: Role
        var attached: [String] = []
        var inline: [InlinePolicy] = []
    }

    /// Called as the real client's request observer is: action, attempt number, reason.
    private let observer: (@Sendable (String, Int, String) -> Void)?
    private(set) var calls: [Call] = []
    private var roles: [String: StoredRole] = [:]
    private var instanceProfiles: [String: InstanceProfile] = [:]
    private var faults: [String: [Int: Fault]] = [:]
    private var callCounts: [String: Int] = [:]
    private var roleCounter = 0
    /// Policies that exist; attaching anything else is NoSuchEntity.
    private var policies: Set<String>
    private(set) var attachmentsInFlight = 0
    private(set) var mostAttachmentsInFlight = 0

    /// Each attach/detach waits (yielding, a bounded number of times) for
    /// this many to be in flight, so a test can see the applier's concurrency
    /// by count rather than by time.
    private let holdAttachmentsUntilInFlight: Int

    init(
        policies: Set<String> = FakeIAM.awsManagedPolicies,
        holdAttachmentsUntilInFlight: Int = 1,
        observer: (@Sendable (String, Int, String) -> Void)? = nil
    ) {
        self.policies = policies
        self.holdAttachmentsUntilInFlight = holdAttachmentsUntilInFlight
        self.observer = observer
    }

    static let awsManagedPolicies: Set<String> = [
        "arn:aws:iam::aws:policy/AmazonS3FullAccess",
        "arn:aws:iam::aws:policy/IAMFullAccess",
        "arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
    ]

    // MARK: Test controls

    /// Makes call number `call` (1-based, counted per action from now on) of `action` fail with `fault`.
    func inject(_ fault: Fault, on action: String, call: Int = 1) {
        faults[action, default: [:]][(callCounts[action] ?? 0) + call] = fault
    }

    var writeCalls: [Call] { calls.filter { Self.writeActions.contains($0.action) } }

    func resetCalls() { calls = [] }

    func storedRole(_ name: String) -> StoredRole? { roles[name.lowercased()] }

    /// Changes a role behind rolewiz's back (no call is recorded).
    func tamper(with name: String, _ change: @Sendable (inout StoredRole) -> Void) {
        guard var stored = roles[name.lowercased()] else { return }
        change(&stored)
        roles[name.lowercased()] = stored
    }

    // MARK: Call handling

    /// Records the call, applies any injected fault around `operation`, and
    /// reports attempts to the observer like the real client.
    private func handle<T: Sendable>(_ action: String, _ target: String, _ operation: () throws -> T) async throws -> T {
        calls.append(Call(action: action, target: target))
        let number = (callCounts[action] ?? 0) + 1
        callCounts[action] = number
        observer?(action, 1, "first attempt")
        switch faults[action]?.removeValue(forKey: number) {
        case nil:
            return try operation()
        case .error(var error)?:
            error.action = action
            throw error
        case .lostReply(let error)?:
            _ = try operation()
            throw error
        case .lostReplyRetried?:
            _ = try operation()
            observer?(action, 2, "connection lost")
            return try operation()
        case .throttled(let times)?:
            for attempt in 0..<times {
                observer?(action, attempt + 2, "Throttling")
            }
            return try operation()
        }
    }

    private func stored(_ name: String, action: String) throws -> StoredRole {
        guard let stored = roles[name.lowercased()] else {
            throw AWSError(code: "NoSuchEntity", message: "The role with name \(name) cannot be found.", httpStatus: 404, action: action)
        }
        return stored
    }

    private func update(_ name: String, action: String, _ change: (inout StoredRole) throws -> Void) throws {
        var role = try stored(name, action: action)
        try change(&role)
        roles[name.lowercased()] = role
    }

    private static func requireJSON(_ document: String, action: String) throws {
        guard (try? JSONSerialization.jsonObject(with: Data(document.utf8))) is [String: Any] else {
            throw AWSError(code: "MalformedPolicyDocument", message: "Syntax errors in policy.", httpStatus: 400, action: action)
        }
    }

    // MARK: IAMOperations

    func createRole(_ input: CreateRoleInput) async throws -> Role {
        try await handle("CreateRole", input.roleName) {
            guard roles[input.roleName.lowercased()] == nil else {
                throw AWSError(code: "EntityAlreadyExists", message: "Role with name \(input.roleName) already exists.", httpStatus: 409, action: "CreateRole")
            }
            try Self.requireJSON(input.assumeRolePolicyDocument, action: "CreateRole")
            roleCounter += 1
            let path = input.path ?? "/"
            let role = Role(
                roleName: input.roleName, roleId: "AROAFAKE\(roleCounter)",
                arn: "arn:aws:iam::\(Self.account):role\(path)\(input.roleName)", path: path,
                createDate: Date(timeIntervalSince1970: 1_700_000_000),
                assumeRolePolicyDocument: input.assumeRolePolicyDocument, description: input.description,
                maxSessionDuration: input.maxSessionDuration ?? 3600,
                permissionsBoundaryArn: input.permissionsBoundary, tags: input.tags
            )
            roles[input.roleName.lowercased()] = StoredRole(role: role)
            return role
        }
    }

    func getRole(name: String) async throws -> Role {
        try await handle("GetRole", name) { try stored(name, action: "GetRole").role }
    }

    func updateRole(name: String, description: String?, maxSessionDuration: Int?) async throws {
        try await handle("UpdateRole", name) {
            try update(name, action: "UpdateRole") { stored in
                if let description { stored.role.description = description }
                if let maxSessionDuration { stored.role.maxSessionDuration = maxSessionDuration }
            }
        }
    }

    func updateAssumeRolePolicy(roleName: String, policyDocument: String) async throws {
        try await handle("UpdateAssumeRolePolicy", roleName) {
            try Self.requireJSON(policyDocument, action: "UpdateAssumeRolePolicy")
            try update(roleName, action: "UpdateAssumeRolePolicy") { $0.role.assumeRolePolicyDocument = policyDocument }
        }
    }

    func putRolePermissionsBoundary(roleName: String, policyArn: String) async throws {
        try await handle("PutRolePermissionsBoundary", roleName) {
            try update(roleName, action: "PutRolePermissionsBoundary") { $0.role.permissionsBoundaryArn = policyArn }
        }
    }

    func deleteRolePermissionsBoundary(roleName: String) async throws {
        try await handle("DeleteRolePermissionsBoundary", roleName) {
            try update(roleName, action: "DeleteRolePermissionsBoundary") { $0.role.permissionsBoundaryArn = nil }
        }
    }

    func deleteRole(name: String) async throws {
        try await handle("DeleteRole", name) {
            let role = try stored(name, action: "DeleteRole")
            guard role.attached.isEmpty else {
                throw AWSError(code: "DeleteConflict", message: "Cannot delete entity, must detach all policies first.", httpStatus: 409, action: "DeleteRole")
            }
            guard role.inline.isEmpty else {
                throw AWSError(code: "DeleteConflict", message: "Cannot delete entity, must delete policies first.", httpStatus: 409, action: "DeleteRole")
            }
            guard !instanceProfiles.values.contains(where: { $0.roleNames.contains(role.role.roleName) }) else {
                throw AWSError(code: "DeleteConflict", message: "Cannot delete entity, must remove roles from instance profile first.", httpStatus: 409, action: "DeleteRole")
            }
            roles[name.lowercased()] = nil
        }
    }

    func attachRolePolicy(roleName: String, policyArn: String) async throws {
        try await overlapping {
            try await handle("AttachRolePolicy", "\(roleName) \(policyArn)") {
                guard policies.contains(policyArn) else {
                    throw AWSError(code: "NoSuchEntity", message: "Policy \(policyArn) does not exist or is not attachable.", httpStatus: 404, action: "AttachRolePolicy")
                }
                try update(roleName, action: "AttachRolePolicy") { stored in
                    if !stored.attached.contains(policyArn) { stored.attached.append(policyArn) }
                }
            }
        }
    }

    func detachRolePolicy(roleName: String, policyArn: String) async throws {
        try await overlapping {
            try await handle("DetachRolePolicy", "\(roleName) \(policyArn)") {
                try update(roleName, action: "DetachRolePolicy") { stored in
                    guard let index = stored.attached.firstIndex(of: policyArn) else {
                        throw AWSError(code: "NoSuchEntity", message: "Policy \(policyArn) was not found.", httpStatus: 404, action: "DetachRolePolicy")
                    }
                    stored.attached.remove(at: index)
                }
            }
        }
    }

    /// Keeps an attachment "in flight" across suspension points, letting
    /// other calls in, and counts how many overlap.
    private func overlapping(_ call: () async throws -> Void) async throws {
        attachmentsInFlight += 1
        mostAttachmentsInFlight = max(mostAttachmentsInFlight, attachmentsInFlight)
        defer { attachmentsInFlight -= 1 }
        var yields = 0
        while attachmentsInFlight < holdAttachmentsUntilInFlight, yields < 100_000 {
            await Task.yield()
            yields += 1
        }
        try await call()
    }

    func listAttachedRolePolicies(roleName: String) async throws -> [AttachedPolicy] {
        try await handle("ListAttachedRolePolicies", roleName) {
            try stored(roleName, action: "ListAttachedRolePolicies").attached.map {
                AttachedPolicy(policyName: String($0.split(separator: "/").last ?? ""), policyArn: $0)
            }
        }
    }

    func listRolePolicies(roleName: String) async throws -> [String] {
        try await handle("ListRolePolicies", roleName) { try stored(roleName, action: "ListRolePolicies").inline.map(\.name) }
    }

    func getRolePolicy(roleName: String, policyName: String) async throws -> InlinePolicy {
        try await handle("GetRolePolicy", roleName) {
            guard let policy = try stored(roleName, action: "GetRolePolicy").inline.first(where: { $0.name == policyName }) else {
                throw AWSError(code: "NoSuchEntity", message: "The role policy with name \(policyName) cannot be found.", httpStatus: 404, action: "GetRolePolicy")
            }
            return policy
        }
    }

    func putRolePolicy(roleName: String, policy: InlinePolicy) async throws {
        try await handle("PutRolePolicy", roleName) {
            try Self.requireJSON(policy.document, action: "PutRolePolicy")
            try update(roleName, action: "PutRolePolicy") { stored in
                stored.inline.removeAll { $0.name == policy.name }
                stored.inline.append(policy)
            }
        }
    }

    func deleteRolePolicy(roleName: String, policyName: String) async throws {
        try await handle("DeleteRolePolicy", roleName) {
            try update(roleName, action: "DeleteRolePolicy") { stored in
                guard stored.inline.contains(where: { $0.name == policyName }) else {
                    throw AWSError(code: "NoSuchEntity", message: "The role policy with name \(policyName) cannot be found.", httpStatus: 404, action: "DeleteRolePolicy")
                }
                stored.inline.removeAll { $0.name == policyName }
            }
        }
    }

    /// Test set-up: an instance profile holding `roleName` (EC2's console makes one per role).
    func addInstanceProfile(_ name: String, roleName: String) {
        addInstanceProfile(name, roleNames: [roleName])
    }

    /// Test set-up: an instance profile holding `roleNames` (none: empty).
    func addInstanceProfile(_ name: String, roleNames: [String], path: String = "/") {
        instanceProfiles[name] = Self.profile(name, path: path, roleNames: roleNames)
    }

    private static func profile(_ name: String, path: String, roleNames: [String]) -> InstanceProfile {
        InstanceProfile(name: name, arn: "arn:aws:iam::\(account):instance-profile\(path)\(name)", path: path, roleNames: roleNames)
    }

    var instanceProfileNames: [String] { instanceProfiles.keys.sorted() }

    func instanceProfile(_ name: String) -> InstanceProfile? { instanceProfiles[name] }

    func createInstanceProfile(name: String, path: String) async throws -> InstanceProfile {
        try await handle("CreateInstanceProfile", name) {
            guard instanceProfiles[name] == nil else {
                throw AWSError(code: "EntityAlreadyExists", message: "Instance Profile \(name) already exists.", httpStatus: 409, action: "CreateInstanceProfile")
            }
            let profile = Self.profile(name, path: path, roleNames: [])
            instanceProfiles[name] = profile
            return profile
        }
    }

    func addRoleToInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        try await handle("AddRoleToInstanceProfile", roleName) {
            _ = try stored(roleName, action: "AddRoleToInstanceProfile")
            guard var profile = instanceProfiles[instanceProfileName] else {
                throw AWSError(code: "NoSuchEntity", message: "Instance Profile \(instanceProfileName) cannot be found.", httpStatus: 404, action: "AddRoleToInstanceProfile")
            }
            guard profile.roleNames.isEmpty else {
                throw AWSError(code: "LimitExceeded", message: "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", httpStatus: 409, action: "AddRoleToInstanceProfile")
            }
            profile.roleNames = [roleName]
            instanceProfiles[instanceProfileName] = profile
        }
    }

    func listInstanceProfilesForRole(roleName: String) async throws -> [InstanceProfile] {
        try await handle("ListInstanceProfilesForRole", roleName) {
            _ = try stored(roleName, action: "ListInstanceProfilesForRole")
            return instanceProfiles.values.filter { $0.roleNames.contains(roleName) }.sorted { $0.name < $1.name }
        }
    }

    func getInstanceProfile(name: String) async throws -> InstanceProfile {
        try await handle("GetInstanceProfile", name) {
            guard let profile = instanceProfiles[name] else {
                throw AWSError(code: "NoSuchEntity", message: "Instance Profile \(name) cannot be found.", httpStatus: 404, action: "GetInstanceProfile")
            }
            return profile
        }
    }

    func removeRoleFromInstanceProfile(instanceProfileName: String, roleName: String) async throws {
        try await handle("RemoveRoleFromInstanceProfile", roleName) {
            guard var profile = instanceProfiles[instanceProfileName], profile.roleNames.contains(roleName) else {
                throw AWSError(code: "NoSuchEntity", message: "Instance profile \(instanceProfileName) has no role \(roleName).", httpStatus: 404, action: "RemoveRoleFromInstanceProfile")
            }
            profile.roleNames.removeAll { $0 == roleName }
            instanceProfiles[instanceProfileName] = profile
        }
    }

    func deleteInstanceProfile(name: String) async throws {
        try await handle("DeleteInstanceProfile", name) {
            guard let profile = instanceProfiles[name] else {
                throw AWSError(code: "NoSuchEntity", message: "Instance Profile \(name) cannot be found.", httpStatus: 404, action: "DeleteInstanceProfile")
            }
            guard profile.roleNames.isEmpty else {
                throw AWSError(code: "DeleteConflict", message: "Cannot delete entity, must remove roles from instance profile first.", httpStatus: 409, action: "DeleteInstanceProfile")
            }
            instanceProfiles[name] = nil
        }
    }

    func listRoles(pathPrefix: String?) async throws -> [Role] {
        try await handle("ListRoles", pathPrefix ?? "/") {
            roles.values.map(\.role).filter { $0.path.hasPrefix(pathPrefix ?? "/") }.sorted { $0.roleName < $1.roleName }
        }
    }

    func listPolicies(
        scope: PolicyScope, onlyAttached: Bool, pathPrefix: String?,
        onPage: (@Sendable ([ManagedPolicy]) -> Void)?
    ) async throws -> [ManagedPolicy] {
        let page = try await handle("ListPolicies", scope.rawValue) {
            policies.sorted().enumerated().map { index, arn in
                ManagedPolicy(policyName: String(arn.split(separator: "/").last ?? ""), policyId: "ANPAFAKE\(index)", arn: arn)
            }
        }
        onPage?(page)
        return page
    }

    func getPolicy(arn: String) async throws -> ManagedPolicy {
        try await handle("GetPolicy", arn) {
            guard policies.contains(arn) else {
                throw AWSError(code: "NoSuchEntity", message: "Policy \(arn) was not found.", httpStatus: 404, action: "GetPolicy")
            }
            return ManagedPolicy(policyName: String(arn.split(separator: "/").last ?? ""), policyId: "ANPA1", arn: arn)
        }
    }

    func getPolicyVersion(policyArn: String, versionId: String) async throws -> PolicyVersion {
        try await handle("GetPolicyVersion", policyArn) {
            PolicyVersion(versionId: versionId, document: #"{"Version":"2012-10-17","Statement":[]}"#, isDefaultVersion: true)
        }
    }

    func tagRole(name: String, tags: [Tag]) async throws {
        try await handle("TagRole", name) {
            try update(name, action: "TagRole") { stored in
                for tag in tags {
                    if let index = stored.role.tags.firstIndex(where: { $0.key == tag.key }) {
                        stored.role.tags[index].value = tag.value
                    } else {
                        stored.role.tags.append(tag)
                    }
                }
            }
        }
    }

    func untagRole(name: String, tagKeys: [String]) async throws {
        try await handle("UntagRole", name) {
            try update(name, action: "UntagRole") { stored in
                stored.role.tags.removeAll { tagKeys.contains($0.key) }
            }
        }
    }

    func listRoleTags(name: String) async throws -> [Tag] {
        try await handle("ListRoleTags", name) { try stored(name, action: "ListRoleTags").role.tags }
    }

    /// Identity providers the account has (set by tests); none by default.
    private(set) var openIDConnectProviders: [String] = []
    private(set) var samlProviders: [String] = []

    func addProviders(openIDConnect: [String] = [], saml: [String] = []) {
        openIDConnectProviders += openIDConnect
        samlProviders += saml
    }

    func listOpenIDConnectProviders() async throws -> [String] {
        try await handle("ListOpenIDConnectProviders", "") { openIDConnectProviders }
    }

    func listSAMLProviders() async throws -> [String] {
        try await handle("ListSAMLProviders", "") { samlProviders }
    }

    func getAccountSummary() async throws -> [String: Int] {
        try await handle("GetAccountSummary", "") {
            ["AttachedPoliciesPerRoleQuota": 10, "AssumeRolePolicySizeQuota": 2048, "Roles": roles.count]
        }
    }
}
