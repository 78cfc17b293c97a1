/// One way a role spec breaks IAM's rules, naming the field:
/// `tags[2].value: "a!b" has "!" which IAM does not allow; ...`.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The field at fault, as the spec file names it (`name`, `tags[2].value`, `trust.services[0]`).
    public var field: String
    /// What is wrong and how to fix it, without the field's name.
    public var message: String

    /// `field` as the spec file names it, so a person can find it.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`, as printed.
    public var description: String { "\(field): \(message)" }
}

/// Every rule a role spec breaks, not just the first, so one run shows all
/// there is to fix.
public struct RoleSpecValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every issue found, in field order.
    public var issues: [ValidationIssue]

    /// Thrown by `resolve` and its kin with all the issues at once.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// One issue per line, `field: message`.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
