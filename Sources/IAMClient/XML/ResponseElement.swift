import Foundation

/// One element of a Query API response: its local name (IAM and STS put every
/// element in the service's default namespace, so prefixes never matter), the
/// character data directly inside it, and its child elements in order.
///
/// A plain value tree, built in one `XMLParser` pass by `QueryResponseParser`:
/// a response is read once and thrown away, so a document object model
/// (libxml2's tree plus a Foundation object per node) would only cost time
/// and memory on the 1,000-policy pages of ListPolicies.
public struct ResponseElement: Sendable, Hashable {
    /// The local name, without any namespace prefix.
    public var name: String
    /// The character data directly inside, untrimmed; empty for an element that holds only children.
    public var text: String
    /// The child elements in document order.
    public var children: [ResponseElement]

    /// For tests and fuzz targets; responses are built by `QueryResponseParser`.
    public init(name: String, text: String = "", children: [ResponseElement] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The root element of a response body, read by the same bounded parser
    /// the clients use (no document type, limited depth and element count).
    /// For tools and the fuzz targets; clients go through `ServiceClient`.
    public static func parse(_ body: Data) throws -> ResponseElement {
        try QueryResponseParser.root(of: body)
    }

    /// The first child named `name`, or nil when there is none.
    public func child(_ name: String) -> ResponseElement? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in order: how repeated elements such as `<entry>` are read.
    public func children(named name: String) -> [ResponseElement] {
        children.filter { $0.name == name }
    }

    /// The element reached by following child names, such as `["Errors", "Error"]`.
    public func child(path: [String]) -> ResponseElement? {
        path.reduce(Optional(self)) { element, name in element?.child(name) }
    }

    /// A child element AWS always sends.
    func required(_ name: String) throws -> ResponseElement {
        guard let element = child(name) else { throw ResponseShapeError(element: self.name, missing: name) }
        return element
    }

    /// The text of a child element, or nil when it is absent.
    public func text(_ name: String) -> String? { child(name)?.text }

    /// The text of a child that must be present.
    func requiredText(_ name: String) throws -> String {
        guard let value = text(name) else { throw ResponseShapeError(element: self.name, missing: name) }
        return value
    }

    /// The `<member>` elements of a list child (`<Roles><member>...`).
    public func members(of listName: String) -> [ResponseElement] {
        child(listName)?.children(named: "member") ?? []
    }

    /// The text of a child as an integer; nil when absent or not a whole number.
    public func int(_ name: String) -> Int? { text(name).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    /// True only for `true` (any case); nil when the child is absent.
    public func bool(_ name: String) -> Bool? {
        text(name).map { $0.trimmingCharacters(in: .whitespaces).lowercased() == "true" }
    }

    /// The text of a child as an AWS timestamp; nil when absent or not a time AWS writes.
    public func date(_ name: String) -> Date? { text(name).flatMap(AWSTimestamp.parse) }
}

/// A response that parsed as XML but lacks an element AWS always sends.
struct ResponseShapeError: Error, Sendable, CustomStringConvertible {
    var element: String
    var missing: String
    var description: String { "<\(element)> has no <\(missing)>" }
}
