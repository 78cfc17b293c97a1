/// One role of a set (one spec file), ready to be resolved for whichever
/// account it goes to: "this account" in a trust means each target's own.
public struct RoleSetMember: Sendable {
    /// Where the role came from, for reports: the spec file's path or `preset NAME`.
    public var origin: String
    /// The role's name as the spec gives it, for reports before it is resolved.
    public var roleName: String
    /// The role for a partition and account; throws a problem that names the
    /// file and line (the spec file model knows where each field came from).
    public var resolve: @Sendable (_ partition: String, _ accountId: String?) throws -> DesiredRole
    /// True when the trust names "this account", so the account must be known.
    public var needsAccount: Bool

    /// `needsAccount` must be true when `resolve` cannot do without an account ID, so the runner asks STS first.
    public init(
        origin: String, roleName: String, needsAccount: Bool,
        resolve: @escaping @Sendable (_ partition: String, _ accountId: String?) throws -> DesiredRole
    ) {
        self.origin = origin
        self.roleName = roleName
        self.needsAccount = needsAccount
        self.resolve = resolve
    }
}
