/// A JSON value that keeps what a policy author wrote: member order, number
/// literals as written, and duplicate keys (IAM rejects those; the decoder
/// reports them rather than this type silently dropping one).
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    /// The number literal exactly as written, so `1.0` stays `1.0`.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([JSONMember])

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The members, if this is an object.
    public var members: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The first member with this key, if this is an object.
    public subscript(key: String) -> JSONValue? {
        members?.first { $0.key == key }?.value
    }

    /// The value at `path` inside this one, if there is one.
    public func value(at path: JSONPath) -> JSONValue? {
        var current = self
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .object):
                guard let next = current[key] else { return nil }
                current = next
            case (.index(let index), .array(let elements)) where elements.indices.contains(index):
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// True for arrays and objects.
    public var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    /// What the value is, in words, for messages ("expected a string, found an array").
    public var kindName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Hashable {
    /// The key as written, escapes decoded.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// Unlabelled, so object literals in code read like JSON: `JSONMember("Effect", .string("Allow"))`.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
