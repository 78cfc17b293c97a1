/// Why a text is not a policy document IAM would accept, and where.
public struct PolicyParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which of the two ways the text failed, so lint can report `JSON_SYNTAX` or `POLICY_STRUCTURE`.
    public enum Kind: Sendable, Hashable {
        /// The text is not JSON.
        case syntax
        /// The JSON is not shaped like a policy (a wrong type, a missing Effect...).
        case structure
    }

    /// Whether the text is not JSON or not a policy.
    public var kind: Kind
    /// What is wrong, in words, without the path or position.
    public var message: String
    /// The element at fault, when the text is JSON.
    public var path: JSONPath?
    /// Where in the text, when known.
    public var position: SourcePosition?

    /// Thrown by `PolicyDocument.parse(_:)`; tests build their own to compare.
    public init(kind: Kind, message: String, path: JSONPath? = nil, position: SourcePosition? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.position = position
    }

    init(_ syntaxError: JSONSyntaxError) {
        self.init(kind: .syntax, message: syntaxError.message, position: syntaxError.position)
    }

    /// `3:7: Statement[0].Effect: must be "Allow" or "Deny"`.
    public var description: String {
        var parts: [String] = []
        if let position { parts.append(position.description) }
        if let path { parts.append(path.description) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
