/// One way a role spec breaks IAM's rules, naming the field:
/// `tags[2].value: "a!b" has "!" which IAM does not allow; ...`.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The field at fault, as the spec file names it (`name`, `tags[2].value`, `trust.services[0]`).
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Every rule a role spec breaks, not just the first, so one run shows all
/// there is to fix.
public struct RoleSpecValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
