import Foundation

/// Package.swift's targets and the first-party modules each depends on,
/// read from its text (the layering tests compare them with the imports).
enum PackageManifest {
    /// One target: its name, the directory its sources are in (its `path:`,
    /// or SwiftPM's default, `Sources/<name>` or `Tests/<name>` for a test
    /// target), and every name in its `dependencies:` list.
    struct Target {
        var name: String
        var directory: String
        var dependencies: Set<String>
    }

    /// Every target of the manifest, in order.
    static func targets(of manifest: String) -> [Target] {
        var result: [Target] = []
        let calls = [".target(", ".executableTarget(", ".systemLibrary(", ".testTarget("]
        var rest = Substring(manifest)
        while let (call, start) = calls.compactMap({ call in rest.range(of: call).map { (call, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            let body = balanced(rest[start.upperBound...], open: "(", close: ")")
            rest = rest[body.endIndex...]
            guard let name = quoted(after: "name:", in: body) else { continue }
            var dependencies: Set<String> = []
            if let list = body.range(of: "dependencies: [") {
                dependencies = Set(strings(in: balanced(body[list.upperBound...], open: "[", close: "]")))
            }
            let directory = quoted(after: "path:", in: body) ?? (call == ".testTarget(" ? "Tests/\(name)" : "Sources/\(name)")
            result.append(Target(name: name, directory: directory, dependencies: dependencies))
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
