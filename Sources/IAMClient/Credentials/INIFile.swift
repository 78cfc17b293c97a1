import Foundation

/// The sections of an INI file exactly as Python's `configparser.RawConfigParser`
/// reads them, which is how botocore (and so the AWS CLI) reads the shared
/// config and credentials files.
///
/// The rules that matter, because people write files that lean on them:
/// - Comments are whole lines whose first non-blank character is `#` or `;`;
///   a `#` inside a value is kept.
/// - A key and its value are split at the first `=` or `:`; keys are lower-cased.
/// - A line indented deeper than the key line above it continues that key's
///   value (joined with newlines). Any other line, however indented, stands on its
///   own: `[default]` followed by `  aws_access_key_id = ...` is a key.
/// - Blank lines inside a continued value are kept; the value is right-trimmed.
/// - A section header is `[` anything `]`, up to the last `]`, not trimmed.
/// - A section or a key that appears twice is an error, as it is for botocore.
struct INIFile: Sendable {
    /// One `[header]` and its keys, in file order.
    struct Section: Sendable {
        var header: String
        var line: Int
        var values: [String: String]
    }

    var sections: [Section]
    var problems: [ProfileStore.Problem]

    init(parsing text: String, path: String) {
        var parser = Parser(path: path)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, line) in ProfileStore.universalLines(body).enumerated() {
            parser.read(line, number: index + 1)
        }
        sections = parser.finish()
        problems = parser.problems
    }

    /// A value continued over indented lines whose first line is empty (`s3 =`
    /// then `  max_concurrent_requests = 10`) is a nested block: botocore turns it
    /// into a dictionary. No credential setting is nested, so it reads as empty.
    static func flatten(_ lines: [String]) -> String {
        let joined = lines.joined(separator: "\n")
        let trimmed = String(joined.reversed().drop { $0.isWhitespace }.reversed())
        return trimmed.hasPrefix("\n") ? "" : trimmed
    }

    private struct Parser {
        let path: String
        var problems: [ProfileStore.Problem] = []
        private var sections: [(header: String, line: Int, keys: [String], values: [String: [String]])] = []
        private var currentKey: String?
        private var indentLevel = 0

        init(path: String) {
            self.path = path
        }

        mutating func read(_ line: String, number: Int) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let isComment = trimmed.hasPrefix("#") || trimmed.hasPrefix(";")
            if trimmed.isEmpty || isComment {
                if !isComment, let key = currentKey, !sections.isEmpty {
                    sections[sections.count - 1].values[key, default: []].append("")
                }
                return
            }
            let indent = line.prefix { $0.isWhitespace }.count
            if let key = currentKey, !sections.isEmpty, indent > indentLevel {
                sections[sections.count - 1].values[key, default: []].append(trimmed)
                return
            }
            indentLevel = indent
            if trimmed.hasPrefix("["), let close = trimmed.lastIndex(of: "]"), trimmed.index(after: trimmed.startIndex) < close {
                let header = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
                if let first = sections.first(where: { $0.header == header }) {
                    problems.append(problem(number, indent + 1, "section [\(header)] appears again (first on line \(first.line)); the AWS CLI refuses the file"))
                }
                sections.append((header, number, [], [:]))
                currentKey = nil
                return
            }
            if trimmed.hasPrefix("[]") {
                problems.append(problem(number, indent + 2, "empty section name"))
                return
            }
            guard !sections.isEmpty else {
                let what = trimmed.hasPrefix("[") ? "section header lacks `]`" : "`\(Self.key(in: trimmed) ?? trimmed)` is outside any [section]"
                problems.append(problem(number, trimmed.hasPrefix("[") ? line.count + 1 : 1, what))
                return
            }
            guard let delimiter = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                let message = trimmed.hasPrefix("[") ? "section header lacks `]`" : "expected `key = value`, a [section] or a comment"
                problems.append(problem(number, trimmed.hasPrefix("[") ? line.count + 1 : 1, message))
                return
            }
            let key = trimmed[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: delimiter)...].trimmingCharacters(in: .whitespaces)
            if key.isEmpty {
                problems.append(problem(number, indent + 1, "missing key before `\(trimmed[delimiter])`"))
            }
            let section = sections.count - 1
            if sections[section].values[key] != nil {
                problems.append(problem(number, indent + 1, "`\(key)` appears twice in [\(sections[section].header)]; the AWS CLI refuses the file"))
            } else {
                sections[section].keys.append(key)
            }
            sections[section].values[key] = [value]
            currentKey = key
        }

        /// Sections that share a header (an error already reported) are merged,
        /// later values winning, so that what parsed is still there to show.
        mutating func finish() -> [Section] {
            var merged: [Section] = []
            for section in sections {
                let values = section.values.mapValues(INIFile.flatten)
                if let index = merged.firstIndex(where: { $0.header == section.header }) {
                    merged[index].values.merge(values) { _, new in new }
                } else {
                    merged.append(Section(header: section.header, line: section.line, values: values))
                }
            }
            return merged
        }

        private static func key(in line: String) -> String? {
            guard let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
            return line[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
        }

        private func problem(_ line: Int, _ column: Int, _ message: String) -> ProfileStore.Problem {
            ProfileStore.Problem(path: path, line: line, column: column, message: message)
        }
    }
}
