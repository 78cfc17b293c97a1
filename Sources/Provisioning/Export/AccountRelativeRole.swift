/// A role for a template that every account of a stack set deploys for
/// itself, so "this account" in its trust is each member account, not one
/// known ID. The role is resolved with a stand-in account ID that appears
/// nowhere else in the trust policy; the CloudFormation export writes each
/// occurrence as `${AWS::AccountId}`.
public struct AccountRelativeRole: Sendable, Hashable {
    /// The role as resolved for the stand-in account.
    public var role: DesiredRole
    /// The ID standing for "this account" in `role.trustPolicy`; nil when
    /// the trust names no account of its own, so the role is the same everywhere.
    public var standInAccountId: String?

    /// Made by `RoleSpec.resolveInEachAccount`, or with no stand-in for a role that is the same everywhere.
    public init(role: DesiredRole, standInAccountId: String? = nil) {
        self.role = role
        self.standInAccountId = standInAccountId
    }
}

extension RoleSpec {
    /// Repeated-digit IDs tried in turn as the stand-in for "this account".
    static let standInAccountIds = (0...9).map { String(repeating: String($0), count: 12) }

    /// The role as every account would hold it. A stand-in is taken only if
    /// the trust policy resolved for another stand-in does not hold it, so
    /// an account ID the spec names itself is never mistaken for "this account".
    /// Throws every validation issue at once, as `resolve` does.
    public func resolveInEachAccount(partition: String = "aws") throws(RoleSpecValidationError) -> AccountRelativeRole {
        if let role = try? resolve(partition: partition, accountId: nil) {
            return AccountRelativeRole(role: role)
        }
        let ids = Self.standInAccountIds
        for (index, id) in ids.enumerated() {
            let role = try resolve(partition: partition, accountId: id)
            let other = try resolve(partition: partition, accountId: ids[(index + 1) % ids.count])
            if !other.trustPolicy.contains(id) {
                return AccountRelativeRole(role: role, standInAccountId: id)
            }
        }
        throw RoleSpecValidationError(issues: [ValidationIssue(
            field: "trust", message: "names every repeated-digit account ID, so \"this account\" cannot be told apart from them")])
    }
}
