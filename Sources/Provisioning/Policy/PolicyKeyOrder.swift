/// The order in which IAM's documentation and the console list a policy's
/// elements, and so the order rolewiz prints them in every output (plan,
/// show, the wizard's review, spec files, exports): written down here
/// only, so two outputs of one document never disagree on the order of its
/// lines (a diff of the same document printed twice showed moved lines
/// when they did).
public enum PolicyKeyOrder {
    /// The elements of a document (`Version`, `Id`, `Statement`) and of a
    /// statement (the rest), in reading order.
    public static let known = [
        "Version", "Id", "Statement", "Sid", "Effect", "Principal", "NotPrincipal",
        "Action", "NotAction", "Resource", "NotResource", "Condition",
    ]

    /// `members` with the known elements first, in reading order, then the
    /// rest as written (a stable sort, so the same members always come out
    /// the same and unknown keys keep the author's order).
    public static func arranged(_ members: [JSONMember]) -> [JSONMember] {
        members.enumerated()
            .sorted { (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset) }
            .map(\.element)
    }

    /// A policy document's JSON in reading order: the document's members and
    /// each statement's arranged, everything inside a statement element
    /// (principals, condition operators and keys) as written. What
    /// `PolicyDocument.json` gives for a document that parses, for any JSON.
    public static func arrangedDocument(_ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(arranged(members).map { member in
            guard member.key == "Statement" else { return member }
            switch member.value {
            case .array(let statements): return JSONMember(member.key, .array(statements.map(arrangedStatement)))
            default: return JSONMember(member.key, arrangedStatement(member.value))
            }
        })
    }

    private static func arrangedStatement(_ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(arranged(members))
    }

    private static func rank(_ key: String) -> Int {
        known.firstIndex(of: key) ?? known.count
    }
}
