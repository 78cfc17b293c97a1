/// How much of a size quota a role's policies use, for a meter and for the
/// error when it is over.
public struct PolicySizeUsage: Sendable, Hashable {
    /// Characters counted as IAM counts them (no whitespace outside strings).
    public var used: Int
    /// The quota `used` is measured against, in the same characters.
    public var limit: Int

    /// Both counts in characters without whitespace outside strings.
    public init(used: Int, limit: Int) {
        self.used = used
        self.limit = limit
    }

    /// True when IAM would refuse the policies for their size; reaching the limit exactly is allowed.
    public var isOverLimit: Bool { used > limit }
}

extension RoleSpec.Limits {
    /// IAM's `policyNameType`: 1 to 128 of `[\w+=,.@-]`.
    public static let inlinePolicyNameLength = 1...128
    /// The aggregate size of a role's inline policies (not adjustable).
    public static let inlinePolicySize = 10_240
}

extension RoleSpec {
    /// The inline policies' total size against IAM's role quota of 10,240
    /// characters, each document counted without whitespace.
    public func inlinePolicySizeUsage() -> PolicySizeUsage { Self.inlinePolicySizeUsage(of: inlinePolicies) }

    /// The same for policies not yet in a spec (the wizard's answers as typed).
    public static func inlinePolicySizeUsage(of policies: [RoleInlinePolicy]) -> PolicySizeUsage {
        PolicySizeUsage(
            used: policies.reduce(0) { $0 + PolicyDocument.iamSize(of: $1.document) },
            limit: Limits.inlinePolicySize)
    }

    /// The field a validation issue names for one inline policy: `inlinePolicies.NAME`.
    public static func inlinePolicyField(_ name: String) -> String { "inlinePolicies.\(name)" }

    /// What is wrong with `name` as an inline policy's name by IAM's rules
    /// (pattern and length), for a field that checks as it is typed.
    public static func inlinePolicyNameIssues(_ name: String) -> [ValidationIssue] {
        check(name, field: inlinePolicyField(name), length: Limits.inlinePolicyNameLength, rule: .policyName)
    }

    /// Names (IAM's pattern and length, each once), documents (characters
    /// IAM accepts, the policy grammar, no principal: IAM refuses one in an
    /// identity policy) and the size quota across all of them.
    func validateInlinePolicies() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: Set<String> = []
        for policy in inlinePolicies {
            let field = Self.inlinePolicyField(policy.name)
            issues += Self.inlinePolicyNameIssues(policy.name)
            if !seen.insert(policy.name).inserted {
                issues.append(ValidationIssue(field: field, message: "\"\(policy.name)\" is listed twice; a role has one inline policy of each name"))
            }
            issues += Self.documentIssues(policy.document, field: field)
        }
        let usage = inlinePolicySizeUsage()
        if usage.isOverLimit {
            issues.append(ValidationIssue(
                field: "inlinePolicies",
                message: "the inline policies are \(usage.used) characters without whitespace; IAM allows at most \(usage.limit) in all for one role"))
        }
        return issues
    }

    private static func documentIssues(_ text: String, field: String) -> [ValidationIssue] {
        if let violation = CharacterRule.policyDocument.violation(in: text, quoting: false) {
            return [ValidationIssue(field: field, message: "the policy \(violation)")]
        }
        let document: PolicyDocument
        do {
            document = try PolicyDocument.parse(text)
        } catch {
            return [ValidationIssue(field: field, message: "the policy: \(error.description)")]
        }
        if document.statements.isEmpty {
            return [ValidationIssue(field: field, message: "the policy has no statement; IAM requires at least one")]
        }
        for (index, statement) in document.statements.enumerated() where statement.principal != nil || statement.notPrincipal != nil {
            let element = statement.principal != nil ? "Principal" : "NotPrincipal"
            return [ValidationIssue(
                field: field,
                message: "the policy: Statement[\(index)].\(element): an inline policy grants the role itself and cannot name a principal; IAM refuses it")]
        }
        return []
    }
}
