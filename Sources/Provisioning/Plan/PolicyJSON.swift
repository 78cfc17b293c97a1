import Foundation

/// A policy document as a JSON tree, parsed with `JSONSerialization`.
///
/// Object members are kept in IAM's customary order (`Version`, `Statement`,
/// `Effect`, `Principal`, `Action`, ...; anything else alphabetically after),
/// because `JSONSerialization` forgets the source order and exports should be
/// stable and read the way people write policies.
enum PolicyJSON: Hashable, Sendable {
    struct Member: Hashable, Sendable {
        var key: String
        var value: PolicyJSON
    }

    case string(String)
    /// The number as JSON writes it, such as `3600` or `1.5`.
    case number(String)
    case bool(Bool)
    case null
    case array([PolicyJSON])
    case object([Member])

    /// Parses a policy document; the top level must be an object.
    init(parsing text: String) throws(PolicyJSONError) {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw PolicyJSONError(message: detail ?? "not valid JSON")
        }
        guard parsed is [String: Any] else {
            throw PolicyJSONError(message: "the document must be a JSON object")
        }
        self.init(foundationValue: parsed)
    }

    private init(foundationValue value: Any) {
        switch value {
        case let text as String:
            self = .string(text)
        case let number as NSNumber:
            // JSON `true`/`false` come back as the boolean NSNumber subclass.
            if type(of: number) == type(of: NSNumber(value: true)) {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.stringValue)
            }
        case let array as [Any]:
            self = .array(array.map(PolicyJSON.init(foundationValue:)))
        case let object as [String: Any]:
            let members = object.map { Member(key: $0.key, value: PolicyJSON(foundationValue: $0.value)) }
            self = .object(members.sorted { PolicyKeyOrder.precedes($0.key, $1.key) })
        default:
            self = .null
        }
    }
}

/// Why a policy document could not be read.
struct PolicyJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The order in which IAM documents and the console list policy elements.
enum PolicyKeyOrder {
    private static let known = [
        "Version", "Id", "Statement", "Sid", "Effect", "Principal", "NotPrincipal",
        "Action", "NotAction", "Resource", "NotResource", "Condition",
    ]

    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        switch (known.firstIndex(of: lhs), known.firstIndex(of: rhs)) {
        case let (left?, right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs < rhs
        }
    }
}

extension PolicyJSON: Encodable {
    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: MemberKey.self)
            for member in members {
                try container.encode(member.value, forKey: MemberKey(stringValue: member.key))
            }
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .number(let text):
            var container = encoder.singleValueContainer()
            if let integer = Int64(text) {
                try container.encode(integer)
            } else {
                try container.encode(Decimal(string: text) ?? 0)
            }
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}
