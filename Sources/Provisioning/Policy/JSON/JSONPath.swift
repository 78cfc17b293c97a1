/// Where a value sits inside a JSON document, written the way messages name
/// fields: `Statement[0].Principal.Service[1]`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down: an object member by key, or an array element by 0-based index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document's root, outermost first; empty for the root itself.
    public var components: [Component]

    /// Empty components make `root`.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document itself.
    public static let root = JSONPath()

    /// The path of member `key` of the object at this path.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// The path of element `index` (0-based) of the array at this path.
    public func appending(_ index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// The path one level up, or nil at the root.
    public var parent: JSONPath? {
        components.isEmpty ? nil : JSONPath(Array(components.dropLast()))
    }

    /// This path, its parent, and so on up to the root: where to look for
    /// the nearest recorded position.
    public var selfAndAncestors: [JSONPath] {
        (0...components.count).reversed().map { JSONPath(Array(components.prefix($0))) }
    }

    /// `Statement[0].Principal.Service[1]`, or `(document)` for the root, as messages name fields.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(document)" : text
    }
}
