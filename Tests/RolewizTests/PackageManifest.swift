import Foundation

/// Package.swift's targets and the first-party modules each depends on,
/// read from its text (the layering tests compare them with the imports).
enum PackageManifest {
    /// Target name to the first-party names in its `dependencies:` list.
    /// A target without the list depends on nothing.
    static func firstPartyDependencies(of manifest: String, among firstParty: Set<String>) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let calls = [".target(", ".executableTarget(", ".systemLibrary(", ".testTarget("]
        var rest = Substring(manifest)
        while let start = calls.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let body = balanced(rest[start.upperBound...], open: "(", close: ")")
            rest = rest[body.endIndex...]
            guard let name = quoted(after: "name:", in: body) else { continue }
            var dependencies: Set<String> = []
            if let list = body.range(of: "dependencies: [") {
                let items = balanced(body[list.upperBound...], open: "[", close: "]")
                dependencies = Set(strings(in: items)).intersection(firstParty)
            }
            result[name] = dependencies
        }
        return result
    }

    /// The text up to the bracket closing the one just opened before `text`.
    private static func balanced(_ text: Substring, open: Character, close: Character) -> Substring {
        var depth = 1
        for index in text.indices {
            if text[index] == open { depth += 1 }
            if text[index] == close { depth -= 1 }
            if depth == 0 { return text[..<index] }
        }
        return text
    }

    private static func quoted(after label: String, in text: Substring) -> String? {
        guard let range = text.range(of: label) else { return nil }
        return strings(in: text[range.upperBound...]).first
    }

    /// Every "..." literal, in order.
    private static func strings(in text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
