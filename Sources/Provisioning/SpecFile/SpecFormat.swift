/// The two spellings of a spec file. JSON is also valid YAML, but JSON files
/// are read with the JSON parser so their errors read like JSON errors.
public enum SpecFormat: String, Sendable, Hashable, CaseIterable {
    case yaml
    case json

    /// By extension (`.json`, `.yaml`, `.yml`) when there is one, else by
    /// content: text starting with `{` is JSON.
    public static func detect(path: String?, text: String) -> SpecFormat {
        if let path {
            if path.lowercased().hasSuffix(".json") { return .json }
            if hasYAMLExtension(path) { return .yaml }
        }
        return text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{" ? .json : .yaml
    }

    static func hasYAMLExtension(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }
}
