import SafeText
import Yams

/// Conversions between Yams' node tree and `JSONValue`, so YAML and JSON
/// spec files are decoded by one walker and positions come out the same way.
enum YAMLTree {
    /// Parses YAML text into a JSON value with the line:column of each key and value.
    static func parse(_ text: String) throws(SpecFileError) -> ParsedJSON {
        try YAMLPreflight.check(text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.describe(error)
        } catch {
            throw SpecFileError(field: nil, message: "\(error)", position: nil)
        }
        var tree = ParsedJSON(value: .null, valuePositions: [:], keyPositions: [:], duplicateKeys: [:])
        guard let root else { return tree }
        tree.value = try convert(root, at: .root, into: &tree)
        return tree
    }

    private static func convert(_ node: Node, at path: JSONPath, into tree: inout ParsedJSON) throws(SpecFileError) -> JSONValue {
        if let mark = node.mark { tree.valuePositions[path] = SourcePosition(mark) }
        switch node {
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return .bool(node.bool ?? false)
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return .number(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for element in sequence {
                elements.append(try convert(element, at: path.appending(elements.count), into: &tree))
            }
            return .array(elements)
        case .mapping(let mapping):
            var members: [JSONMember] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw SpecFileError(
                        field: path == .root ? nil : path.description,
                        message: "mapping keys must be plain words, not lists or mappings",
                        position: key.mark.map(SourcePosition.init))
                }
                let memberPath = path.appending(keyScalar.string)
                if let mark = key.mark { tree.keyPositions[memberPath] = SourcePosition(mark) }
                members.append(JSONMember(keyScalar.string, try convert(value, at: memberPath, into: &tree)))
            }
            return .object(members)
        case .alias:
            throw SpecFileError(
                field: path == .root ? nil : path.description, message: "YAML aliases (*name) are not supported in spec files",
                position: node.mark.map(SourcePosition.init))
        }
    }

    /// Yams' error as a one-line message with its position.
    private static func describe(_ error: YamlError) -> SpecFileError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let contextText = context.map { " (\($0.text) at \($0.mark))" } ?? ""
            return SpecFileError(field: nil, message: "YAML syntax: \(problem)\(contextText)", position: SourcePosition(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return SpecFileError(
                field: nil, message: "the key \(duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) is written twice",
                position: SourcePosition(context.mark))
        default:
            return SpecFileError(field: nil, message: "YAML: \(error)", position: nil)
        }
    }

    /// A JSON value as a YAML node, mappings in member order: the one bridge
    /// from JSON to YAML, for spec files and CloudFormation templates alike.
    /// Keys become `key(text)`, by default a plain scalar (YAML 1.1's `on:`
    /// reads back as the key "on" in a spec); strings become `string(text)`,
    /// by default a scalar the emitter quotes when it would otherwise read
    /// back as a number or boolean; numbers become `number(literal)`, by
    /// default the literal as a plain scalar.
    static func node(
        _ value: JSONValue,
        key: (String) -> Node = { Node($0) },
        string: (String) -> Node = { .scalar($0.represented()) },
        number: (String) -> Node = { Node($0) }
    ) -> Node {
        func convert(_ value: JSONValue) -> Node {
            switch value {
            case .string(let text): string(text)
            // Left untagged, the emitter writes these plain and they read back as the same type.
            case .number(let literal): number(literal)
            case .bool(let flag): Node(flag ? "true" : "false")
            case .null: Node("null")
            case .array(let elements): .sequence(.init(elements.map(convert)))
            case .object(let members): .mapping(.init(members.map { (key($0.key), convert($0.value)) }))
            }
        }
        return convert(value)
    }

    static func serialize(_ value: JSONValue) -> String {
        // Yams fails only on emitter errors, which a tree of plain scalars cannot cause.
        (try? emit(node(value))) ?? ""
    }

    /// YAML text for `node`, with letters as they are unless that would put
    /// a character on the page that `InertText` escapes: libyaml writes
    /// format characters (bidi overrides, U+0085 and others) raw when Unicode
    /// is allowed, so then everything beyond ASCII is written as an escape.
    static func emit(_ node: Node, indent: Int = 2) throws -> String {
        let readable = try Yams.serialize(node: node, indent: indent, width: -1, allowUnicode: true)
        let isInert = !readable.unicodeScalars.contains { InertText.isUnsafe($0) && !["\n", "\t", "\r"].contains($0) }
        return isInert ? readable : try Yams.serialize(node: node, indent: indent, width: -1, allowUnicode: false)
    }
}

extension SourcePosition {
    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }
}
