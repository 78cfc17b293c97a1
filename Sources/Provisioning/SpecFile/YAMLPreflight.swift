import CYaml

/// Reads a YAML text's event stream, before anything is built from it,
/// and refuses what would let a small file cost without bound.
///
/// Yams resolves an alias by sharing the anchored node, so a 1 KB file of
/// nested aliases ("billion laughs") becomes a tree of 10⁹ nodes to walk,
/// hash or print. Spec files have no use for anchors, aliases, deep nesting
/// or huge node counts, so each is refused here, at its line:column, and
/// only then does Yams compose the document.
enum YAMLPreflight {
    /// Limits far beyond any spec file (IAM allows a trust policy of at most
    /// 4,096 characters and 50 tags) and far below what costs real memory.
    enum Limits {
        static let depth = 64
        static let nodes = 100_000
    }

    static func check(_ text: String) throws(SpecFileError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw SpecFileError(field: nil, message: "YAML: the parser could not start (out of memory)", position: nil)
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return }
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(SpecFileError) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            try walk(&parser)
        }
    }

    private static func walk(_ parser: inout yaml_parser_t) throws(SpecFileError) {
        var depth = 0
        var nodes = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // libyaml's own nesting limit (1,000) is met while scanning
                // ahead, before the events reach the depth count here.
                if let problem = parser.problem, String(cString: problem).contains("nesting level") {
                    let mark = parser.problem_mark
                    throw refusal(
                        "nested more than \(Limits.depth) levels deep; a spec file needs far fewer",
                        at: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1))
                }
                // Any other syntax error: Yams describes it in full.
                return
            }
            defer { yaml_event_delete(&event) }
            let position = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_ALIAS_EVENT:
                throw refusal("YAML aliases (*\(name(event.data.alias.anchor))) are not supported in spec files; write the value out", at: position)
            case YAML_SCALAR_EVENT:
                try refuseAnchor(event.data.scalar.anchor, at: position)
                nodes += 1
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                try refuseAnchor(anchor, at: position)
                nodes += 1
                depth += 1
                if depth > Limits.depth {
                    throw refusal("nested more than \(Limits.depth) levels deep; a spec file needs far fewer", at: position)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
            default:
                break
            }
            if nodes > Limits.nodes {
                throw refusal("has more than \(Limits.nodes) values; a spec file needs far fewer", at: position)
            }
        }
    }

    private static func refuseAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at position: SourcePosition) throws(SpecFileError) {
        guard anchor != nil else { return }
        throw refusal("YAML anchors (&\(name(anchor))) are not supported in spec files; write the value out", at: position)
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let anchor else { return "" }
        return String(String(cString: UnsafeRawPointer(anchor).assumingMemoryBound(to: CChar.self)).prefix(40))
    }

    private static func refusal(_ message: String, at position: SourcePosition) -> SpecFileError {
        SpecFileError(field: nil, message: message, position: position)
    }
}
