import Foundation

/// One `operator -> key -> value(s)` line of a Condition block, for example
/// `StringEquals` / `aws:SourceAccount` / `"123456789012"`.
public struct ConditionClause: Sendable, Hashable {
    public var operatorName: String
    public var key: String
    public var values: [ConditionValue]
    public var writtenAsArray: Bool

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
