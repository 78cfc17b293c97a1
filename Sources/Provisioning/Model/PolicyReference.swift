/// A managed policy named the way people name them: an AWS managed policy's
/// name (`AmazonS3FullAccess`), with its path when it has one
/// (`service-role/AWSGlueServiceRole`), or any policy's full ARN.
public struct PolicyReference: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// As written: a name, `path/name`, or an ARN.
    public var text: String

    /// Kept as written; `validationIssues(field:)` says whether IAM would accept it.
    public init(_ text: String) {
        self.text = text
    }

    /// The shortest reference to the policy at `arn`: an AWS managed policy
    /// by its name and path (resolving adds the partition back), any other by its ARN.
    public init(arn: String) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[4] == "aws", parts[5].hasPrefix("policy/") {
            self.init(String(parts[5].dropFirst("policy/".count)))
        } else {
            self.init(arn)
        }
    }

    /// So specs and tests can write `"AmazonS3FullAccess"` where a reference is expected.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The reference as written.
    public var description: String { text }

    /// True when written as an ARN (`arn:...`) rather than a name.
    public var isARN: Bool { text.hasPrefix("arn:") }

    /// The policy ARN: an ARN as written, a name as the AWS managed policy
    /// `arn:PARTITION:iam::aws:policy/PATH/NAME`, its path from the built-in
    /// list when the name was written without one.
    public func arn(partition: String) -> String {
        if isARN { return text }
        let full = text.contains("/") ? text : (AWSManagedPolicyNames.reference(forName: text) ?? text)
        return "arn:\(partition):iam::aws:policy/\(full)"
    }

    /// Why this AWS managed policy cannot be attached, judged from the
    /// built-in list: no such name, or the wrong path. Nil when it can, or
    /// when it is a customer managed policy (checked online) or an AWS ARN
    /// of a name the list does not know (AWS may have added it since).
    public var unresolvableReason: String? {
        guard isAWSManaged else { return nil }
        let written = isARN ? String(text.split(separator: "/", maxSplits: 1).last ?? "") : text
        let name = self.name
        guard let real = AWSManagedPolicyNames.reference(forName: name) else {
            if isARN { return nil }
            return "there is no AWS managed policy named \"\(name)\"\(AWSManagedPolicyNames.hint(for: name)); "
                + "name a customer managed policy by its ARN (arn:aws:iam::ACCOUNT:policy/NAME)"
        }
        guard written == real || (!isARN && written == name) else {
            return "the AWS managed policy \(name) is \(real), not \(written)"
        }
        return nil
    }

    /// The policy's name without path or ARN prefix (`AWSGlueServiceRole`).
    public var name: String {
        String(text.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(text))
    }

    /// True when this names an AWS managed policy (by name, or by an `iam::aws:policy/` ARN).
    public var isAWSManaged: Bool {
        !isARN || text.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first == "aws"
    }

    /// What is wrong with the reference, if anything, as issues for `field`.
    public func validationIssues(field: String) -> [ValidationIssue] {
        var policyPath: Substring
        if isARN {
            // arn:PARTITION:iam::ACCOUNT-OR-aws:policy/PATH/NAME
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "iam", parts[3].isEmpty,
                !parts[1].isEmpty, parts[1].allSatisfy({ $0.isLowercase || $0 == "-" }),
                parts[4] == "aws" || AccountReference.isAccountId(String(parts[4])),
                parts[5].hasPrefix("policy/")
            else {
                return [ValidationIssue(
                    field: field,
                    message: "\"\(text)\" is not a managed policy ARN; expected arn:PARTITION:iam::ACCOUNT:policy/NAME (or an AWS managed policy's name)")]
            }
            policyPath = parts[5].dropFirst("policy/".count)
        } else {
            policyPath = Substring(text)
        }
        let segments = policyPath.split(separator: "/", omittingEmptySubsequences: false)
        let policyName = String(segments.last ?? "")
        var issues: [ValidationIssue] = []
        if policyName.isEmpty {
            issues.append(ValidationIssue(field: field, message: "\"\(text)\" has no policy name"))
        } else if policyName.count > 128 {
            issues.append(ValidationIssue(field: field, message: "the policy name is \(policyName.count) characters long; IAM allows at most 128"))
        } else if let violation = CharacterRule.policyName.violation(in: policyName) {
            issues.append(ValidationIssue(field: field, message: "the policy name \(violation)"))
        }
        if issues.isEmpty, let reason = unresolvableReason {
            issues.append(ValidationIssue(field: field, message: reason))
        }
        let pathPart = segments.dropLast().joined(separator: "/")
        if let violation = CharacterRule.policyPath.violation(in: pathPart) {
            issues.append(ValidationIssue(field: field, message: "the policy path \(violation)"))
        } else if segments.dropLast().contains(where: \.isEmpty) {
            issues.append(ValidationIssue(field: field, message: "\"\(text)\" has an empty policy path segment (\"//\"), which IAM does not allow"))
        }
        return issues
    }
}
