import Foundation

/// The package's Swift files, read for the layering tests: each file's
/// imports and the type names it declares or names.
enum SourceTree {
    /// Every .swift file of Sources/`target`, recursively.
    static func swiftFiles(of target: String, under root: URL) throws -> [SourceFile] {
        try swiftFiles(in: "Sources/\(target)", under: root, label: target)
    }

    /// Every .swift file under `directory` (relative to the package root),
    /// recursively, named `label/...`.
    static func swiftFiles(in directory: String, under root: URL, label: String) throws -> [SourceFile] {
        let folder = root.appendingPathComponent(directory)
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return try walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            let url = folder.appendingPathComponent(path)
            return SourceFile(relativePath: "\(label)/\(path)", text: try String(contentsOf: url, encoding: .utf8))
        }
    }
}

/// One Swift file's text, with what the layering tests read from it.
struct SourceFile {
    /// One `import` line: the module, its access level (nil when the line
    /// gives none) and its attributes (`@testable`, `@_exported`, ...).
    struct Import {
        var module: String
        var access: String?
        var attributes: [String]
    }

    /// From Sources/, such as `Provisioning/Model/RoleTag.swift`.
    var relativePath: String
    var text: String

    var imports: [Import] {
        let importLine =
            #/^\s*((?:@\w+(?:\([^)]*\))?\s+)*)(?:(public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)/#
        return text.split(separator: "\n").compactMap { line in
            (try? importLine.prefixMatch(in: line)).map {
                Import(module: String($0.3), access: $0.2.map(String.init),
                       attributes: $0.1.split(whereSeparator: \.isWhitespace).map { String($0.prefix { $0 != "(" }) })
            }
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
        // Strings go before comments: "arn:...:bucket/*" must not open one.
        var kept = text.replacing(#/"""[\s\S]*?"""/#, with: "\"\"")
        kept = kept.replacing(#/"(?:[^"\\\n]|\\.)*"/#, with: "\"\"")
        kept = kept.replacing(#//\*[\s\S]*?\*//#, with: " ")
        return kept.replacing(#///[^\n]*/#, with: "")
    }
}
