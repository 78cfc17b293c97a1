import Foundation

/// One `operator -> key -> value(s)` line of a Condition block, for example
/// `StringEquals` / `aws:SourceAccount` / `"123456789012"`.
public struct ConditionClause: Sendable, Hashable {
    /// The condition operator as written, qualifiers and all (`StringLike`, `ForAnyValue:StringEquals`, `DateGreaterThanIfExists`).
    public var operatorName: String
    /// The condition key as written (`aws:SourceAccount`); compare with `tests(_:)`, since IAM ignores its case.
    public var key: String
    /// The values in written order; with several, the clause holds when any matches (none, for a negated operator).
    public var values: [ConditionValue]
    /// Whether the values were written as an array, so printing a single one keeps the author's form.
    public var writtenAsArray: Bool

    /// `writtenAsArray` nil prints one value as a plain value and several as an array.
    public init(_ operatorName: String, _ key: String, _ values: [ConditionValue], writtenAsArray: Bool? = nil) {
        self.operatorName = operatorName
        self.key = key
        self.values = values
        self.writtenAsArray = writtenAsArray ?? (values.count != 1)
    }

    /// `StringEquals: {key: value}`, the most common clause.
    public static func stringEquals(_ key: String, _ value: String) -> ConditionClause {
        ConditionClause("StringEquals", key, [.string(value)])
    }

    /// True when the clause tests this key; IAM compares condition keys case-insensitively.
    public func tests(_ conditionKey: String) -> Bool {
        key.caseInsensitiveCompare(conditionKey) == .orderedSame
    }
}

/// A condition value. IAM compares all of them as text, but authors write
/// booleans and numbers unquoted, and printing should keep what they wrote.
public enum ConditionValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    /// The number literal as written.
    case number(String)

    /// The value as IAM compares it.
    public var text: String {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        }
    }
}
