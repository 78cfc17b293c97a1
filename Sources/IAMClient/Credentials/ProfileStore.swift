import Foundation

/// The shared AWS config and credentials files, as the AWS CLI reads them:
/// `~/.aws/credentials` (sections `[name]`) and `~/.aws/config` (sections
/// `[profile name]`, and `[default]`). Values in the credentials file win.
///
/// Its `description` lists profiles and setting names only, never values,
/// because the values include secret keys.
public struct ProfileStore: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Profile name -> key -> value; keys lower-cased.
    public private(set) var profiles: [String: [String: String]]
    public let credentialsPath: String
    public let configPath: String
    /// Lines the parser could not make sense of. botocore refuses such files;
    /// we keep what parsed and let the credential chain report these.
    public private(set) var problems: [Problem]
    /// The home directory the paths were resolved against, to print them as `~/...`.
    public let home: String?

    /// One unparsable line, located as `path:line:column`.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var column: Int
        public var message: String

        public init(path: String, line: Int, column: Int, message: String) {
            self.path = path
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String { "\(path):\(line):\(column): \(message)" }
    }

    public init(
        profiles: [String: [String: String]] = [:], credentialsPath: String = "", configPath: String = "",
        problems: [Problem] = [], home: String? = nil
    ) {
        self.profiles = profiles
        self.credentialsPath = credentialsPath
        self.configPath = configPath
        self.problems = problems
        self.home = home
    }

    /// Reads both files (missing files are empty), honouring
    /// `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`.
    public static func load(environment: [String: String]) -> ProfileStore {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", home: home)
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", home: home)
        let config = parseFile(at: configPath, isConfigFile: true)
        let credentials = parseFile(at: credentialsPath, isConfigFile: false)
        var merged: [String: [String: String]] = [:]
        for (name, values) in config.profiles {
            merged[name, default: [:]].merge(values) { _, new in new }
        }
        for (name, values) in credentials.profiles {
            merged[name, default: [:]].merge(values) { _, new in new }
        }
        return ProfileStore(
            profiles: merged, credentialsPath: credentialsPath, configPath: configPath,
            problems: config.problems + credentials.problems, home: home
        )
    }

    public func profile(_ name: String) -> [String: String]? { profiles[name] }

    /// Every profile name, sorted, for "profiles there: ..." hints.
    public var profileNames: [String] { profiles.keys.sorted() }

    /// `path` with the home directory shown as `~`, for messages.
    public func displayPath(_ path: String) -> String {
        guard let home, !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    public var description: String {
        let listed = profileNames.map { name in
            "\(name) [" + (profiles[name] ?? [:]).keys.sorted().joined(separator: ", ") + "]"
        }
        return "ProfileStore(credentials: \(displayPath(credentialsPath)), config: \(displayPath(configPath)), "
            + "profiles: \(listed.joined(separator: "; ")), problems: \(problems.count))"
    }

    public var debugDescription: String { description }

    /// Parses INI text. In the config file a section is `[profile NAME]`
    /// (or `[default]`); in the credentials file it is `[NAME]`.
    public static func parse(_ text: String, isConfigFile: Bool) -> [String: [String: String]] {
        parse(text, isConfigFile: isConfigFile, path: "").profiles
    }

    /// The profiles in one file and the lines that did not parse.
    public struct ParsedFile: Sendable {
        public var profiles: [String: [String: String]]
        public var problems: [Problem]
    }

    /// Parses INI text the way Python's `configparser` (and so the AWS CLI) does:
    /// comments are whole lines starting with `#` or `;` (a `#` inside a value is
    /// kept); a key and its value are split at the first `=` or `:`; keys are
    /// case-insensitive; indented lines continue the previous key, which is how
    /// nested blocks such as `s3 =\n  max_concurrent_requests = 10` are written,
    /// and are skipped because no credential setting uses them.
    /// In the config file, sections other than `[default]` and `[profile NAME]`
    /// (such as `[sso-session x]` or `[services x]`) are not profiles and are skipped.
    public static func parse(_ text: String, isConfigFile: Bool, path: String) -> ParsedFile {
        var profiles: [String: [String: String]] = [:]
        var problems: [Problem] = []
        var section = SectionState.none
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, rawLine) in universalLines(body).enumerated() {
            let line = String(rawLine)
            let lineNumber = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if line.first?.isWhitespace == true {
                if case .none = section {
                    problems.append(Problem(
                        path: path, line: lineNumber, column: 1,
                        message: "indented line outside any [section]"
                    ))
                }
                continue
            }
            if trimmed.hasPrefix("[") {
                guard let close = trimmed.lastIndex(of: "]") else {
                    problems.append(Problem(path: path, line: lineNumber, column: line.count + 1, message: "section header lacks `]`"))
                    section = .skipped
                    continue
                }
                let header = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
                    .trimmingCharacters(in: .whitespaces)
                switch profileName(forHeader: header, isConfigFile: isConfigFile) {
                case .profile(let name):
                    section = .profile(name)
                    profiles[name, default: [:]] = profiles[name] ?? [:]
                case .notAProfile:
                    section = .skipped
                case .invalid(let message):
                    problems.append(Problem(path: path, line: lineNumber, column: 2, message: message))
                    section = .skipped
                }
                continue
            }
            guard let delimiter = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                problems.append(Problem(
                    path: path, line: lineNumber, column: 1,
                    message: "expected `key = value`, a [section] or a comment"
                ))
                continue
            }
            let key = trimmed[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
            // No inline comments: botocore's parser keeps `#` inside values too.
            let value = trimmed[trimmed.index(after: delimiter)...].trimmingCharacters(in: .whitespaces)
            if key.isEmpty {
                problems.append(Problem(path: path, line: lineNumber, column: 1, message: "missing key before `\(trimmed[delimiter])`"))
                continue
            }
            switch section {
            case .profile(let name):
                profiles[name]?[key] = value
            case .skipped:
                continue
            case .none:
                problems.append(Problem(path: path, line: lineNumber, column: 1, message: "`\(key)` is outside any [section]"))
            }
        }
        return ParsedFile(profiles: profiles, problems: problems)
    }

    /// Lines as Python reads a text file (universal newlines): split at
    /// `\n`, `\r\n` and `\r` only; U+2028, U+0085 and form feeds stay in
    /// their line, as they do for the AWS CLI.
    public static func universalLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if afterCR {
                afterCR = false
                if scalar == "\n" { continue }
            }
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
                afterCR = scalar == "\r"
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    private enum SectionState {
        case none
        case profile(String)
        case skipped
    }

    private enum HeaderMeaning {
        case profile(String)
        case notAProfile
        case invalid(String)
    }

    private static func profileName(forHeader header: String, isConfigFile: Bool) -> HeaderMeaning {
        if header.isEmpty { return .invalid("empty section name") }
        guard isConfigFile else { return .profile(header) }
        if header == "default" { return .profile("default") }
        let words = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard words.first == "profile" else { return .notAProfile }
        guard words.count == 2 else { return .invalid("[profile] needs a name, as in [profile dev]") }
        return .profile(words[1].trimmingCharacters(in: .whitespaces))
    }

    static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    /// A missing file is an empty one, as in the CLI; an unreadable one is a problem.
    static func parseFile(at path: String, isConfigFile: Bool) -> ParsedFile {
        do {
            let text = try InputFile.read(path)
            return parse(text, isConfigFile: isConfigFile, path: path)
        } catch where error.reason == .notFound {
            return ParsedFile(profiles: [:], problems: [])
        } catch {
            var line = 1
            var column = 1
            if case .notUTF8(let badLine, let badColumn, _) = error.reason { (line, column) = (badLine, badColumn) }
            return ParsedFile(profiles: [:], problems: [Problem(path: path, line: line, column: column, message: "cannot be read: \(error.message)")])
        }
    }
}
