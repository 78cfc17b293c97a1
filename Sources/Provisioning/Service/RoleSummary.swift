import Foundation

/// A role as the role list shows it: what ListRoles says of it, without the
/// wire type, so the wizard depends on Provisioning alone. `loadRole` reads
/// the rest when one is opened.
public struct RoleSummary: Sendable, Hashable {
    /// The name IAM knows it by, unique in the account whatever the case.
    public var roleName: String
    /// The role's ARN, which apply results and deletions are matched by.
    public var arn: String
    /// `/` or `/segment/.../`.
    public var path: String
    /// The trust policy's JSON text (decoded), which the list reads for its trusted entities.
    public var assumeRolePolicyDocument: String
    /// The role's description, when it has one.
    public var description: String?
    /// When IAM created the role.
    public var createDate: Date?

    /// For tests; the service makes them from ListRoles.
    public init(
        roleName: String, arn: String, path: String = "/", assumeRolePolicyDocument: String,
        description: String? = nil, createDate: Date? = nil
    ) {
        self.roleName = roleName
        self.arn = arn
        self.path = path
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.description = description
        self.createDate = createDate
    }
}
