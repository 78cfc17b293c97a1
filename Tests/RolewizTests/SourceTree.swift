import Foundation

/// The Swift files of Sources/, read for the layering tests: each file's
/// imports and the type names it declares or names.
enum SourceTree {
    /// The directories of Sources/: one per target.
    static func targets(under sources: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every .swift file of Sources/`target`, recursively.
    static func swiftFiles(of target: String, under root: URL) throws -> [SourceFile] {
        let directory = root.appendingPathComponent("Sources").appendingPathComponent(target)
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        return try walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            let url = directory.appendingPathComponent(path)
            return SourceFile(relativePath: "\(target)/\(path)", text: try String(contentsOf: url, encoding: .utf8))
        }
    }
}

/// One Swift file's text, with what the layering tests read from it.
struct SourceFile {
    /// One `import` line: the module and its access level (nil when the line gives none).
    struct Import {
        var module: String
        var access: String?
    }

    /// From Sources/, such as `Provisioning/Model/RoleTag.swift`.
    var relativePath: String
    var text: String

    var imports: [Import] {
        let importLine =
            #/^\s*(?:@\w+\s+)*(?:(public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)/#
        return text.split(separator: "\n").compactMap { line in
            (try? importLine.prefixMatch(in: line)).map { Import(module: String($0.2), access: $0.1.map(String.init)) }
        }
    }

    /// Types declared `public` (or `open`) in the file.
    var publicTypeNames: Set<String> {
        declaredTypeNames(#/(?:public|open)\s+(?:final\s+|indirect\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+(\w+)/#)
    }

    /// Types declared in the file, whatever their access.
    var allTypeNames: Set<String> {
        declaredTypeNames(#/(?:^|\s)(?:struct|enum|class|protocol|actor|typealias)\s+(\w+)/#)
    }

    /// Capitalised identifiers in code, outside comments and string
    /// literals: the types (and cases and constants) the file names.
    var typeLikeIdentifiers: Set<String> {
        Set(code.matches(of: #/(?:^|[^\w.])([A-Z]\w*)/#).map { String($0.output.1) })
    }

    private func declaredTypeNames(_ pattern: Regex<(Substring, Substring)>) -> Set<String> {
        Set(code.matches(of: pattern).map { String($0.output.1) })
    }

    /// The text without comments and string literals (multi-line ones included).
    private var code: String {
        var kept = text.replacing(#/"""[\s\S]*?"""/#, with: "\"\"")
        kept = kept.replacing(#//\*[\s\S]*?\*//#, with: " ")
        kept = kept.replacing(#/"(?:[^"\\\n]|\\.)*"/#, with: "\"\"")
        return kept.replacing(#///[^\n]*/#, with: "")
    }
}
