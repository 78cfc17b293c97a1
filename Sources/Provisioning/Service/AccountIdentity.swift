internal import IAMClient

/// Who the credentials belong to, as the start screen and the commands show
/// it: STS GetCallerIdentity's answer in Provisioning's terms, so a screen
/// never needs IAMClient to name it.
public struct AccountIdentity: Sendable, Hashable {
    /// The 12-digit account the calls act on.
    public var account: String
    /// The caller's ARN (a user, or an assumed role's session).
    public var arn: String
    /// The unique ID STS gives the caller, stable across renames.
    public var userId: String

    /// For tests; `RoleService.identity()` makes the real one from STS's answer.
    public init(account: String, arn: String, userId: String) {
        self.account = account
        self.arn = arn
        self.userId = userId
    }

    init(_ identity: CallerIdentity) {
        self.init(account: identity.account, arn: identity.arn, userId: identity.userId)
    }
}
