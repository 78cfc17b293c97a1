/// Decides whether two trust policies mean the same thing, so that a plan
/// does not report a change IAM would not see: statement and array order,
/// whitespace, duplicates, and a string versus a one-element array do not
/// count, nor does IAM rewriting an account ID principal to its root ARN.
///
/// This is the one place the planner asks; it can later delegate to the
/// model's `PolicyDocument` comparison without touching the planner.
func trustPoliciesAreEquivalent(_ lhs: String, _ rhs: String) -> Bool {
    guard let left = try? PolicyJSON(parsing: lhs), let right = try? PolicyJSON(parsing: rhs) else {
        // A document that is not JSON can only equal itself; IAM will say what is wrong with it.
        return lhs == rhs
    }
    return CanonicalPolicyValue(left, parentKey: nil) == CanonicalPolicyValue(right, parentKey: nil)
}

/// A policy value with everything that does not change its meaning removed:
/// every member's value becomes an unordered set, so `"a"`, `["a"]` and
/// `["a", "a"]` are equal, and scalars compare by their text the way IAM
/// compares condition values (`true` and `"true"` are the same).
private indirect enum CanonicalPolicyValue: Hashable {
    case scalar(String)
    case null
    case object([String: Set<CanonicalPolicyValue>])

    init(_ value: PolicyJSON, parentKey: String?) {
        switch value {
        case .string(let text):
            self = .scalar(parentKey == "AWS" ? Self.accountIdIfRootArn(text) : text)
        case .number(let text):
            self = .scalar(text)
        case .bool(let flag):
            self = .scalar(flag ? "true" : "false")
        case .null:
            self = .null
        case .array:
            // Only reached for an array inside an array, which policies do not use.
            self = .object(["": Self.elements(of: value, key: parentKey)])
        case .object(let members):
            var canonical: [String: Set<CanonicalPolicyValue>] = [:]
            for member in members {
                canonical[member.key] = Self.elements(of: member.value, key: member.key)
            }
            self = .object(canonical)
        }
    }

    /// A member's value as a set: an array's elements, or the single value.
    private static func elements(of value: PolicyJSON, key: String?) -> Set<CanonicalPolicyValue> {
        guard case .array(let items) = value else {
            return [CanonicalPolicyValue(value, parentKey: key)]
        }
        return Set(items.map { CanonicalPolicyValue($0, parentKey: key) })
    }

    /// IAM stores `"AWS": "123456789012"` as `arn:aws:iam::123456789012:root`;
    /// both name the same account.
    private static func accountIdIfRootArn(_ text: String) -> String {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty,
              parts[4].count == 12, parts[4].allSatisfy(\.isASCIIDigit), parts[5] == "root"
        else { return text }
        return String(parts[4])
    }
}
