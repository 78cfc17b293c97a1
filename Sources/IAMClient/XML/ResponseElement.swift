import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small lookups over Query API responses. Names are matched without the
/// namespace prefix, since every element sits in the service's default namespace.
extension XMLElement {
    var plainName: String { localName ?? name ?? "" }

    func child(_ name: String) -> XMLElement? {
        children?.lazy.compactMap { $0 as? XMLElement }.first { $0.plainName == name }
    }

    func children(named name: String) -> [XMLElement] {
        (children ?? []).compactMap { $0 as? XMLElement }.filter { $0.plainName == name }
    }

    /// The element reached by following child names, such as `["Errors", "Error"]`.
    func child(path: [String]) -> XMLElement? {
        path.reduce(Optional(self)) { element, name in element?.child(name) }
    }

    /// A child element AWS always sends.
    func required(_ name: String) throws -> XMLElement {
        guard let element = child(name) else { throw ResponseShapeError(element: plainName, missing: name) }
        return element
    }

    /// The text of a child element, or nil when it is absent.
    func text(_ name: String) -> String? { child(name)?.stringValue }

    /// The text of a child that must be present.
    func requiredText(_ name: String) throws -> String {
        guard let value = text(name) else { throw ResponseShapeError(element: plainName, missing: name) }
        return value
    }

    /// The `<member>` elements of a list child (`<Roles><member>...`).
    func members(of listName: String) -> [XMLElement] {
        child(listName)?.children(named: "member") ?? []
    }

    func int(_ name: String) -> Int? { text(name).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func bool(_ name: String) -> Bool? {
        text(name).map { $0.trimmingCharacters(in: .whitespaces).lowercased() == "true" }
    }

    func date(_ name: String) -> Date? { text(name).flatMap(AWSTimestamp.parse) }
}

/// A response that parsed as XML but lacks an element AWS always sends.
struct ResponseShapeError: Error, Sendable, CustomStringConvertible {
    var element: String
    var missing: String
    var description: String { "<\(element)> has no <\(missing)>" }
}
