import Foundation

/// The IAM operations rolewiz uses. `IAMService` is the real, signed
/// implementation; tests may substitute their own.
/// Every `list…` call follows `IsTruncated`/`Marker` until the last page.
public protocol IAMOperations: Sendable {
    func createRole(_ input: CreateRoleInput) async throws -> Role
    func getRole(name: String) async throws -> Role
    /// UpdateRole: only the non-nil fields are sent.
    func updateRole(name: String, description: String?, maxSessionDuration: Int?) async throws
    func updateAssumeRolePolicy(roleName: String, policyDocument: String) async throws
    /// Sets or replaces the role's permissions boundary (a managed policy ARN).
    func putRolePermissionsBoundary(roleName: String, policyArn: String) async throws
    func deleteRolePermissionsBoundary(roleName: String) async throws
    func deleteRole(name: String) async throws
    func attachRolePolicy(roleName: String, policyArn: String) async throws
    func detachRolePolicy(roleName: String, policyArn: String) async throws
    func listAttachedRolePolicies(roleName: String) async throws -> [AttachedPolicy]
    func listRoles(pathPrefix: String?) async throws -> [Role]
    /// The names of the role's inline policies.
    func listRolePolicies(roleName: String) async throws -> [String]
    func getRolePolicy(roleName: String, policyName: String) async throws -> InlinePolicy
    /// Creates or replaces an inline policy.
    func putRolePolicy(roleName: String, policy: InlinePolicy) async throws
    func deleteRolePolicy(roleName: String, policyName: String) async throws
    func listInstanceProfilesForRole(roleName: String) async throws -> [InstanceProfile]
    func getInstanceProfile(name: String) async throws -> InstanceProfile
    /// An empty instance profile; a role is added with `addRoleToInstanceProfile`.
    func createInstanceProfile(name: String, path: String) async throws -> InstanceProfile
    /// A profile holds at most one role: IAM answers LimitExceeded for a second.
    func addRoleToInstanceProfile(instanceProfileName: String, roleName: String) async throws
    func removeRoleFromInstanceProfile(instanceProfileName: String, roleName: String) async throws
    func deleteInstanceProfile(name: String) async throws
    /// `onPage` is called with each page as it arrives, so a screen can show progress.
    func listPolicies(
        scope: PolicyScope, onlyAttached: Bool, pathPrefix: String?,
        onPage: (@Sendable ([ManagedPolicy]) -> Void)?
    ) async throws -> [ManagedPolicy]
    func getPolicy(arn: String) async throws -> ManagedPolicy
    func getPolicyVersion(policyArn: String, versionId: String) async throws -> PolicyVersion
    func tagRole(name: String, tags: [Tag]) async throws
    func untagRole(name: String, tagKeys: [String]) async throws
    func listRoleTags(name: String) async throws -> [Tag]
    /// GetAccountSummary's `SummaryMap` (for example `AssumeRolePolicySizeQuota`,
    /// `AttachedPoliciesPerRoleQuota`).
    func getAccountSummary() async throws -> [String: Int]
    /// ListOpenIDConnectProviders: the ARNs of the account's OIDC providers
    /// (`arn:aws:iam::ACCOUNT:oidc-provider/HOST`), so a trust can name one
    /// that exists. IAM returns them all in one page.
    func listOpenIDConnectProviders() async throws -> [String]
    /// ListSAMLProviders: the ARNs of the account's SAML providers
    /// (`arn:aws:iam::ACCOUNT:saml-provider/NAME`). IAM returns them all in one page.
    func listSAMLProviders() async throws -> [String]
}

/// The STS operations rolewiz uses.
public protocol STSOperations: Sendable {
    func getCallerIdentity() async throws -> CallerIdentity
    /// Signed with the source credentials the STS client was built with.
    func assumeRole(
        roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?
    ) async throws -> AWSCredentials
    /// AssumeRole with `SerialNumber` and `TokenCode` when `mfa` is given.
    func assumeRole(
        roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?, mfa: MFAToken?
    ) async throws -> AWSCredentials
    /// Unsigned, as AWS requires.
    func assumeRoleWithWebIdentity(
        roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?
    ) async throws -> AWSCredentials
}

extension STSOperations {
    /// For implementations that predate MFA (test doubles): without a code it is
    /// the plain call; with one it fails rather than silently dropping the code.
    public func assumeRole(
        roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?, mfa: MFAToken?
    ) async throws -> AWSCredentials {
        guard mfa == nil else {
            throw ClientConfigurationError("This STS client cannot send an MFA code for \(roleArn).")
        }
        return try await assumeRole(roleArn: roleArn, sessionName: sessionName, externalId: externalId, durationSeconds: durationSeconds)
    }
}
