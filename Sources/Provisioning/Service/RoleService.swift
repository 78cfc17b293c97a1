import Foundation
public import IAMClient

/// The one way the wizard's screens and the CLI commands read and change
/// IAM: who am I, the account's quotas, the managed policies, a role's
/// details, plan, apply and export. Screens never see `IAMOperations`.
///
/// Built live (signed clients) or offline (no credentials, with the reason):
/// offline, designing, linting, planning (everything is "to create") and
/// exporting still work; reads and writes throw `RoleServiceError.offline`.
/// Reads that cannot change during a session are cached.
public final class RoleService: Sendable {
    /// Live or offline, fixed for the service's life; make a new service to sign in again.
    public let connection: RoleServiceConnection
    private let cache = RoleServiceCache()

    /// Wraps a connection made elsewhere, such as fakes in tests; `connect` and `connecting` make live ones from a session.
    public init(connection: RoleServiceConnection) {
        self.connection = connection
    }

    /// Connects through `session` and throws when its credentials cannot be
    /// had (another account's role that cannot be assumed), where `connect`
    /// would make an offline service: a multi-account plan must not quietly
    /// plan an unreachable account as if it were empty. Adds the applier's
    /// observer, as `connect` does.
    public static func connecting(session: AWSSession) async throws -> RoleService {
        let credentials = try await session.credentialProvider.credentials()
        return live(session: session, credentialSource: credentials.source)
    }

    private static func live(session: AWSSession, credentialSource: String) -> RoleService {
        session.addObserver(key: "Applier.requestObserver", Applier.requestObserver)
        return RoleService(connection: .live(LiveConnection(
            iam: session.iam, sts: session.sts, partition: session.partition.name, region: session.region,
            profile: session.profileName, credentialSource: credentialSource)))
    }

    /// Connects through `session`: resolves its credentials once, so a
    /// missing or broken credential source makes an offline service that
    /// says why, instead of failing later at the first call. Adds the
    /// applier's observer so retried calls show up as apply events.
    ///
    /// `recover` may repair a failure once (the wizard signs in to IAM
    /// Identity Center); when it returns true the credentials are tried again,
    /// and what it throws is the reason the service is offline.
    public static func connect(
        session: AWSSession, recover: (@Sendable (any Error) async throws -> Bool)? = nil
    ) async -> RoleService {
        let place = (session.partition.name, session.region, session.profileName)
        do {
            let credentials: AWSCredentials
            do {
                credentials = try await session.credentialProvider.credentials()
            } catch {
                guard let recover, try await recover(error) else { throw error }
                credentials = try await session.credentialProvider.credentials()
            }
            return live(session: session, credentialSource: credentials.source)
        } catch let error as NoCredentialsError {
            return RoleService(connection: .offline(OfflineReason(
                message: "No AWS credentials were found, so rolewiz cannot read or change IAM.",
                attempts: error.attempts, partition: place.0, region: place.1, profile: place.2)))
        } catch {
            return RoleService(connection: .offline(OfflineReason(
                message: "The AWS credentials could not be loaded: \(error)",
                partition: place.0, region: place.1, profile: place.2)))
        }
    }

    // MARK: Where

    /// True without credentials: reads and writes throw `RoleServiceError.offline`.
    public var isOffline: Bool { live == nil }

    /// Why the service is offline; nil when live.
    public var offlineReason: OfflineReason? {
        if case .offline(let reason) = connection { reason } else { nil }
    }

    /// The partition ARNs are made for (`aws`, `aws-cn`, `aws-us-gov`), known offline too.
    public var partition: String {
        switch connection {
        case .live(let live): live.partition
        case .offline(let reason): reason.partition
        }
    }

    /// The session's region, for STS and for the start screen; IAM itself is global.
    public var region: String {
        switch connection {
        case .live(let live): live.region
        case .offline(let reason): reason.region
        }
    }

    /// The profile the session was made from, as the start screen names it.
    public var profile: String {
        switch connection {
        case .live(let live): live.profile
        case .offline(let reason): reason.profile
        }
    }

    /// Where the credentials came from (`environment`, `profile dev`, ...),
    /// or nil offline: what the start screen names, rather than the profile
    /// setting when the keys came from somewhere else.
    public var credentialSource: String? {
        if case .live(let live) = connection, !live.credentialSource.isEmpty { live.credentialSource } else { nil }
    }

    private var live: LiveConnection? {
        if case .live(let live) = connection { live } else { nil }
    }

    private func requireLive(_ action: String) throws -> LiveConnection {
        guard let live else { throw RoleServiceError.offline(action: action) }
        return live
    }

    // MARK: Reads

    /// STS GetCallerIdentity, once per session.
    public func identity() async throws -> AccountIdentity {
        if let cached = cache.cachedIdentity() { return cached }
        let identity = AccountIdentity(try await requireLive("read the caller identity").sts.getCallerIdentity())
        cache.store(identity: identity)
        return identity
    }

    /// The account ID when connected, nil offline (or when STS fails).
    public func accountId() async -> String? {
        try? await identity().account
    }

    /// The account's quotas from GetAccountSummary, once per session. IAM's
    /// defaults offline, or when the caller may not read the summary (the
    /// quotas only tune warnings, so they are not worth failing for).
    public func quotas() async -> LintQuotas {
        if let cached = cache.cachedQuotas() { return cached }
        guard let live, let summary = try? await live.iam.getAccountSummary() else { return LintQuotas() }
        let quotas = LintQuotas(accountSummary: summary)
        cache.store(quotas: quotas)
        return quotas
    }

    /// Every managed policy, AWS and customer managed, all pages; read once
    /// per session. `onPage` sees each page as it arrives (for progress).
    public func listPolicies(
        onPage: (@Sendable ([ManagedPolicySummary]) -> Void)? = nil
    ) async throws -> [ManagedPolicySummary] {
        if let cached = cache.cachedPolicies() {
            onPage?(cached)
            return cached
        }
        let summarised: (@Sendable ([ManagedPolicy]) -> Void)? = onPage.map { onPage in
            { @Sendable page in onPage(page.map(ManagedPolicySummary.init)) }
        }
        let policies = try await requireLive("list policies").iam.listPolicies(
            scope: .all, onlyAttached: false, pathPrefix: nil, onPage: summarised
        ).map(ManagedPolicySummary.init)
        cache.store(policies: policies)
        return policies
    }

    /// The default version's JSON of the policy at `arn` (GetPolicy, then
    /// GetPolicyVersion), URL-decoded as IAM returns it; read once per policy.
    public func policyDocument(arn: String) async throws -> String {
        if let cached = cache.cachedDocument(arn: arn) { return cached }
        let iam = try requireLive("read the policy").iam
        let policy = try await iam.getPolicy(arn: arn)
        let version = try await iam.getPolicyVersion(policyArn: arn, versionId: policy.defaultVersionId)
        let document = version.document.removingPercentEncoding ?? version.document
        cache.store(document: document, arn: arn)
        return document
    }

    /// When the role was last used (GetRole's RoleLastUsed, which ListRoles
    /// leaves out); nil when not in IAM's tracking period.
    public func lastUsed(ofRole name: String) async throws -> Date? {
        try await requireLive("read the role").iam.getRole(name: name).roleLastUsed?.lastUsedDate
    }

    /// The account's OIDC and SAML providers (ListOpenIDConnectProviders,
    /// ListSAMLProviders), read afresh each time: one may be created while
    /// the wizard runs, and the list is short (IAM allows 100 of each).
    public func identityProviders() async throws -> IdentityProviders {
        let iam = try requireLive("list identity providers").iam
        async let openIDConnect = iam.listOpenIDConnectProviders()
        async let saml = iam.listSAMLProviders()
        return IdentityProviders(openIDConnect: try await openIDConnect.sorted(), saml: try await saml.sorted())
    }

    /// Every role in the account (not cached: the list changes as roles are made).
    public func listRoles() async throws -> [RoleSummary] {
        try await requireLive("list roles").iam.listRoles(pathPrefix: nil).map(RoleSummary.init)
    }

    /// Whether IAM has a role called `name` (one GetRole): the create flow
    /// asks as soon as a name is typed, so it never writes over a role.
    public func roleExists(name: String) async throws -> Bool {
        do {
            _ = try await requireLive("check the role name").iam.getRole(name: name)
            return true
        } catch where error.awsErrorCode == AWSErrorCode.noSuchEntity {
            return false
        }
    }

    /// A role with its attached and inline policies, tags and instance
    /// profiles (`RoleDetails.load`); a missing role is IAM's NoSuchEntity.
    public func loadRole(name: String) async throws -> RoleDetails {
        try await RoleDetails.load(roleName: name, from: requireLive("read the role").iam)
    }

    // MARK: Design

    /// The role `spec` describes, in this partition and (when connected) account.
    public func resolve(_ spec: RoleSpec) async throws -> DesiredRole {
        try spec.resolve(partition: partition, accountId: await accountId())
    }

    /// Lint findings for `desired`, against the account's quotas: its trust
    /// policy, managed policies and inline policies; connected, also a
    /// trust's identity providers the account does not have (when the
    /// provider list can be read: the check only warns, so a caller without
    /// iam:List*Providers still gets the rest).
    public func lint(_ desired: DesiredRole) async -> [LintFinding] {
        let linter = TrustPolicyLinter(quotas: await quotas())
        var findings = linter.lint(trustPolicy: desired.trustPolicy, managedPolicyArns: desired.policyArns)
            + linter.lintInlinePolicies(desired.inlinePolicies)
        if desired.trustPolicy.contains("-provider/"), let accountId = await accountId(),
            let providers = try? await identityProviders()
        {
            findings += TrustPolicyLinter.missingProviders(
                trustPolicy: desired.trustPolicy, providers: providers, accountId: accountId)
            findings = findings.sortedForReading()
        }
        return findings
    }

    /// What applying `desired` would change; offline, everything is to be created.
    public func plan(_ desired: DesiredRole, prune: Bool = false) async throws -> Plan {
        guard let live else { return Planner.offlinePlan(for: desired) }
        return try await Planner(iam: live.iam).plan(for: desired, prune: prune)
    }

    // MARK: Writes

    /// Applies `plan`, reporting each step to `onEvent` (from background tasks).
    /// `cancellation` stops it after the call in flight.
    public func apply(
        _ plan: Plan, cancellation: ApplyCancellation = ApplyCancellation(),
        onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
    ) async throws -> ApplyResult {
        let live = try requireLive("apply changes")
        return await Applier(iam: live.iam).apply(plan, cancellation: cancellation, onEvent: onEvent)
    }

    // MARK: Delete

    /// What deleting role `name` takes, read before anything is changed.
    public func deletion(of name: String) async throws -> RoleDeletion {
        try await RoleDeletion.load(roleName: name, from: requireLive("read the role").iam)
    }

    /// Deletes the role as `deletion` listed; a stop or a failure leaves the
    /// rest undone and says so, and running it again finishes the job.
    /// Throws `RoleReplacedError`, deleting nothing, when the name now
    /// belongs to another role than the one listed.
    public func delete(
        _ deletion: RoleDeletion, cancellation: ApplyCancellation = ApplyCancellation(),
        onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
    ) async throws -> ApplyResult {
        let live = try requireLive("delete the role")
        // The list was read before the person confirmed: if the name now
        // belongs to another role (deleted and made again), stop.
        let current = try await live.iam.getRole(name: deletion.role.roleName)
        guard current.roleId == deletion.role.roleId else { throw RoleReplacedError(roleName: deletion.role.roleName) }
        return await Applier(iam: live.iam).run(
            deletion.steps, roleName: deletion.role.roleName, roleArn: deletion.role.arn, cancellation: cancellation, onEvent: onEvent)
    }

    /// The role named in a confirmed deletion is not the one that was listed.
    public struct RoleReplacedError: Error, CustomStringConvertible {
        /// The name that now belongs to another role.
        public let roleName: String
        /// Says nothing was deleted and that deleting again shows the new role's list.
        public var description: String {
            "\(roleName) was deleted and made again since its list was read: nothing was deleted; run the delete again to see what the new role holds"
        }
    }

    // MARK: Export

    /// `spec` as a spec file (`json`, written as the file schema) or as a
    /// CLI script, CloudFormation or Terraform for this partition and account.
    public func export(_ spec: RoleSpec, as format: ExportFormat) async throws -> String {
        try export(spec, as: format, accountId: await accountId())
    }

    /// The same, for an account already known (no call is made).
    public func export(_ spec: RoleSpec, as format: ExportFormat, accountId: String?) throws -> String {
        if format == .json { return RoleSpecFile.encode(spec, format: .json) }
        return try Exporter().export(spec.resolve(partition: partition, accountId: accountId), as: format)
    }

    /// Several specs as one CLI script, CloudFormation template or Terraform
    /// configuration (one spec exactly as alone); `json` is refused.
    public func export(_ specs: [RoleSpec], as format: ExportFormat, accountId: String?) throws -> String {
        if specs.count == 1 { return try export(specs[0], as: format, accountId: accountId) }
        return try Exporter().export(specs.map { try $0.resolve(partition: partition, accountId: accountId) }, as: format)
    }

    /// The specs as a StackSet template for `target`; no account is needed,
    /// since "this account" is each member account.
    public func exportStackSet(_ specs: [RoleSpec], target: StackSetTarget) throws -> String {
        try Exporter().exportStackSet(specs.map { try $0.resolveInEachAccount(partition: partition) }, target: target)
    }
}

/// What the service cannot do in its current state.
public enum RoleServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// There are no credentials; `action` is what was asked.
    case offline(action: String)

    /// What was asked and what to do instead, for the command's or screen's error.
    public var description: String {
        switch self {
        case .offline(let action): "Cannot \(action) offline: no AWS credentials were found. Design the role and export it instead."
        }
    }
}
