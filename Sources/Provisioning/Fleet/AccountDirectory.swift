import Foundation
public import IAMClient
import SafeText

/// Finds the accounts of a multi-account run and how to reach each: a role
/// assumed in it with the caller's credentials, except the caller's own
/// account, which is reached with the caller's session (the management
/// account has no `OrganizationAccountAccessRole` of its own).
public struct AccountDirectory: Sendable {
    /// The role Organizations creates in every account it creates, trusting the management account.
    public static let defaultRoleName = "OrganizationAccountAccessRole"

    /// Whose credentials assume the role in each account.
    public var caller: AWSSession
    /// The caller's own service, already connected.
    public var callerService: RoleService
    /// The role to assume in each account, as `NAME` or `PATH/NAME`.
    public var roleName: String
    /// Given to AssumeRole when the role's trust policy asks for one.
    public var externalId: String?
    /// How STS and CloudTrail name the sessions: `rolewiz-1733300000`.
    public var sessionName: String

    /// `now` names the run's sessions (`rolewiz-` and the Unix time in seconds), so CloudTrail shows every call of one run under one name.
    public init(
        caller: AWSSession, callerService: RoleService, roleName: String = defaultRoleName, externalId: String? = nil,
        now: Date = Date()
    ) {
        self.caller = caller
        self.callerService = callerService
        self.roleName = roleName
        self.externalId = externalId
        self.sessionName = "rolewiz-\(Int(now.timeIntervalSince1970))"
    }

    /// Whether `text` can be an account to work in: twelve digits, IAM's rule for trusts too.
    public static func isAccountId(_ text: String) -> Bool {
        AccountReference.isAccountId(text)
    }

    /// Whether `text` names a role to assume: a role name (IAM's characters, up to 64),
    /// optionally after path segments of the same characters (`team/Deployer`).
    public static func isRoleName(_ text: String) -> Bool {
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = segments.last, (1...64).contains(name.count), text.utf8.count <= 512 else { return false }
        return segments.allSatisfy { !$0.isEmpty && CharacterRule.roleName.disallowedCharacters(in: String($0)).isEmpty }
    }

    /// Whether `text` is an external ID STS takes: 2 to 1224 of IAM's external ID characters.
    public static func isExternalId(_ text: String) -> Bool {
        (2...1224).contains(text.count) && CharacterRule.externalId.disallowedCharacters(in: text).isEmpty
    }

    /// `--accounts`: each account given, in the order given, each once.
    public func targets(accountIds: [String]) async throws -> [DeploymentTarget] {
        let own = try await callerService.identity().account
        var seen = Set<String>()
        return accountIds.filter { seen.insert($0).inserted }.map { target(accountId: $0, name: nil, own: own) }
    }

    /// `--organization`: every active account of the organization, or of
    /// the units given (and the units below them), sorted by ID; with the
    /// accounts left out because they are not active (suspended, closing).
    public func organizationTargets(units: [String]) async throws -> (targets: [DeploymentTarget], inactive: [OrganizationAccount]) {
        let own = try await callerService.identity().account
        var accounts: [OrganizationAccount]
        if units.isEmpty {
            accounts = try await caller.organizations.listAccounts()
        } else {
            accounts = []
            var seen = Set<String>()
            for unit in units {
                for account in try await caller.organizations.listAccounts(underParent: unit) where seen.insert(account.id).inserted {
                    accounts.append(account)
                }
            }
        }
        accounts.sort { $0.id < $1.id }
        let active = accounts.filter(\.isActive)
        return (active.map { target(accountId: $0.id, name: $0.name, own: own) }, accounts.filter { !$0.isActive })
    }

    /// The ARN of the role assumed in `accountId`.
    public func roleArn(in accountId: String) -> String {
        caller.partition.arn(service: "iam", account: accountId, resource: "role/\(roleName)")
    }

    private func target(accountId: String, name: String?, own: String) -> DeploymentTarget {
        let label = name.map { $0.isEmpty ? accountId : "\(accountId) (\(InertText.line($0)))" } ?? accountId
        if accountId == own { return DeploymentTarget(label: label, accountId: accountId) { [callerService] in callerService } }
        let session = caller.assumingRole(roleArn(in: accountId), sessionName: sessionName, externalId: externalId)
        return DeploymentTarget(label: label, accountId: accountId) {
            try await RoleService.connecting(session: session)
        }
    }

    /// `--profiles`: each named profile's own session, its account asked of STS.
    public static func profileTargets(_ sessions: [(profile: String, session: AWSSession)]) -> [DeploymentTarget] {
        sessions.map { profile, session in
            DeploymentTarget(label: "profile \(profile)", readsAccountId: true) {
                try await RoleService.connecting(session: session)
            }
        }
    }
}
