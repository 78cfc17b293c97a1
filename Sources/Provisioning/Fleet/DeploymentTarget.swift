/// One account a set of roles goes to, and how to reach it: the caller's own
/// account, a named profile, or a role assumed in a member account of an
/// AWS Organization. Connecting is left until the set runs, so a hundred
/// accounts are reached concurrently and one that cannot be reached fails
/// alone.
public struct DeploymentTarget: Sendable {
    /// How reports name it: `111122223333`, `profile dev`.
    public var label: String
    /// The account's ID when known before connecting (from Organizations or
    /// `--accounts`); otherwise asked of STS once connected.
    public var accountId: String?
    /// Ask STS for the account's ID once connected even when no role needs
    /// it, so reports name the account (a profile's account is not known before).
    public var readsAccountId: Bool
    /// Builds the service for this account; what it throws, or an offline
    /// service, makes this account's outcome a failure with that reason.
    public var connect: @Sendable () async throws -> RoleService

    /// `connect` is not called here but when the set runs; `accountId` nil with `readsAccountId` asks STS then.
    public init(
        label: String, accountId: String? = nil, readsAccountId: Bool = false,
        connect: @escaping @Sendable () async throws -> RoleService
    ) {
        self.label = label
        self.accountId = accountId
        self.readsAccountId = readsAccountId
        self.connect = connect
    }

    /// The one target of a single-account run: a service already connected.
    public static func current(_ service: RoleService, label: String = "") -> DeploymentTarget {
        DeploymentTarget(label: label) { service }
    }
}
