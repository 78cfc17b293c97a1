extension RoleSpec {
    /// IAM's limits, named so tests and messages use the same numbers.
    public enum Limits {
        /// Characters of a role name.
        public static let nameLength = 1...64
        /// Characters of a role path, slashes included.
        public static let pathLength = 1...512
        /// Characters of a role description.
        public static let descriptionLength = 0...1000
        /// Seconds a role's sessions may last: one to twelve hours.
        public static let maxSessionDuration = 3600...43200
        /// Tags one role may carry.
        public static let tagCount = 50
        /// Characters of a tag key.
        public static let tagKeyLength = 1...128
        /// Characters of a tag value; an empty value is allowed.
        public static let tagValueLength = 0...256
    }

    /// Every way this spec breaks IAM's rules for CreateRole, in field order.
    /// Empty when IAM would accept it.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        issues += Self.check(name, field: "name", length: Limits.nameLength, rule: .roleName)
        issues += validatePath()
        if let description {
            issues += Self.check(description, field: "description", length: Limits.descriptionLength, rule: .description)
        }
        issues += trust.validationIssues()
        issues += validatePolicies()
        issues += validateTags()
        if let maxSessionDuration, !Limits.maxSessionDuration.contains(maxSessionDuration) {
            issues.append(ValidationIssue(
                field: "maxSessionDuration",
                message: "\(maxSessionDuration) seconds is outside IAM's range of 3600 (1 hour) to 43200 (12 hours)"))
        }
        if let permissionsBoundary {
            issues += permissionsBoundary.validationIssues(field: "permissionsBoundary")
        }
        issues += validateInlinePolicies()
        issues += validateInstanceProfile()
        return issues
    }

    private func validatePath() -> [ValidationIssue] {
        var issues = Self.check(path, field: "path", length: Limits.pathLength, rule: .path)
        if !path.isEmpty, !(path.hasPrefix("/") && path.hasSuffix("/")) {
            issues.append(ValidationIssue(field: "path", message: "\"\(path)\" must start and end with \"/\" (for example /service-roles/)"))
        } else if path.contains("//") {
            // IAM's pattern, (/)|(/[!-~]+/), and its CreateRole check: no empty segment.
            issues.append(ValidationIssue(field: "path", message: "\"\(path)\" has \"//\"; IAM does not allow an empty path segment"))
        }
        return issues
    }

    private func validatePolicies() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: [String: Int] = [:]
        for (index, policy) in managedPolicies.enumerated() {
            let field = "policies[\(index)]"
            issues += policy.validationIssues(field: field)
            let key = policy.arn(partition: "aws")
            if let first = seen[key] {
                issues.append(ValidationIssue(field: field, message: "\"\(policy)\" is already listed as policies[\(first)]"))
            } else {
                seen[key] = index
            }
        }
        return issues
    }

    private func validateTags() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if tags.count > Limits.tagCount {
            issues.append(ValidationIssue(field: "tags", message: "has \(tags.count) tags; IAM allows at most \(Limits.tagCount) on a role"))
        }
        var seenKeys: [String: Int] = [:]
        for (index, tag) in tags.enumerated() {
            let keyField = "tags[\(index)].key"
            issues += Self.check(tag.key, field: keyField, length: Limits.tagKeyLength, rule: .tag)
            if tag.key.lowercased().hasPrefix("aws:") {
                issues.append(ValidationIssue(field: keyField, message: "\"\(tag.key)\" starts with \"aws:\", which AWS reserves for its own tags"))
            }
            if let first = seenKeys[tag.key.lowercased()] {
                issues.append(ValidationIssue(
                    field: keyField,
                    message: "\"\(tag.key)\" repeats the key of tags[\(first)]; IAM treats tag keys without regard to case"))
            } else {
                seenKeys[tag.key.lowercased()] = index
            }
            issues += Self.check(tag.value, field: "tags[\(index)].value", length: Limits.tagValueLength, rule: .tag)
        }
        return issues
    }

    /// Length (in characters, as IAM counts) and character-set checks for one text field.
    static func check(_ text: String, field: String, length: ClosedRange<Int>, rule: CharacterRule) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let count = text.unicodeScalars.count
        if count == 0, length.lowerBound > 0 {
            issues.append(ValidationIssue(field: field, message: "is empty; IAM requires at least \(length.lowerBound) character\(length.lowerBound == 1 ? "" : "s")"))
        } else if count < length.lowerBound {
            issues.append(ValidationIssue(field: field, message: "is \(count) characters long; IAM requires at least \(length.lowerBound)"))
        } else if count > length.upperBound {
            issues.append(ValidationIssue(field: field, message: "is \(count) characters long; IAM allows at most \(length.upperBound)"))
        }
        if let violation = rule.violation(in: text) {
            issues.append(ValidationIssue(field: field, message: violation))
        }
        return issues
    }
}
