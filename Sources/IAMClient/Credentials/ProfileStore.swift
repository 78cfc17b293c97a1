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
    /// The credentials file's path (after `~` and `AWS_SHARED_CREDENTIALS_FILE`), whether or not it exists; empty for a store built in memory.
    public let credentialsPath: String
    /// The config file's path (after `~` and `AWS_CONFIG_FILE`), whether or not it exists; empty for a store built in memory.
    public let configPath: String
    /// Lines the parser could not make sense of. botocore refuses such files;
    /// we keep what parsed and let the credential chain report these.
    public private(set) var problems: [Problem]
    /// The home directory the paths were resolved against, to print them as `~/...`.
    public let home: String?
    /// The profiles of the config file alone. botocore takes static keys from the
    /// credentials file before `credential_process`, and from the config file
    /// after it, so the chain must know which file a key came from.
    public private(set) var configProfiles: [String: [String: String]]
    /// The profiles of the credentials file alone.
    public private(set) var credentialsProfiles: [String: [String: String]]
    /// `[sso-session NAME]` sections of the config file: IAM Identity Center
    /// sign-in settings shared by profiles that name them in `sso_session`.
    public private(set) var ssoSessions: [String: [String: String]]

    /// One unparsable line, located as `path:line:column`.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The file, as read; `ProfileStore.displayPath` shortens it for messages.
        public var path: String
        /// 1-based.
        public var line: Int
        /// 1-based, where the fault starts in the line.
        public var column: Int
        /// What is wrong with the line, for people.
        public var message: String

        /// Built by the parser; tests build their own to check messages.
        public init(path: String, line: Int, column: Int, message: String) {
            self.path = path
            self.line = line
            self.column = column
            self.message = message
        }

        /// `path:line:column: message`, the form compilers use, so editors can jump to it.
        public var description: String { "\(path):\(line):\(column): \(message)" }
    }

    /// An in-memory store for tests and previews; `load(environment:)` reads the real files.
    public init(
        profiles: [String: [String: String]] = [:], credentialsPath: String = "", configPath: String = "",
        problems: [Problem] = [], home: String? = nil,
        configProfiles: [String: [String: String]]? = nil, credentialsProfiles: [String: [String: String]] = [:],
        ssoSessions: [String: [String: String]] = [:]
    ) {
        self.profiles = profiles
        // Without a split given, every setting counts as the config file's.
        self.configProfiles = configProfiles ?? profiles
        self.credentialsProfiles = credentialsProfiles
        self.ssoSessions = ssoSessions
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
            problems: config.problems + credentials.problems, home: home,
            configProfiles: config.profiles, credentialsProfiles: credentials.profiles, ssoSessions: config.ssoSessions
        )
    }

    /// The merged settings of profile `name` (credentials file winning), or nil when neither file has it.
    public func profile(_ name: String) -> [String: String]? { profiles[name] }

    /// Every profile name, sorted, for "profiles there: ..." hints.
    public var profileNames: [String] { profiles.keys.sorted() }

    /// `path` with the home directory shown as `~`, for messages.
    public func displayPath(_ path: String) -> String {
        guard let home, !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Profiles and setting names only: the values include secret keys.
    public var description: String {
        let listed = profileNames.map { name in
            "\(name) [" + (profiles[name] ?? [:]).keys.sorted().joined(separator: ", ") + "]"
        }
        return "ProfileStore(credentials: \(displayPath(credentialsPath)), config: \(displayPath(configPath)), "
            + "profiles: \(listed.joined(separator: "; ")), problems: \(problems.count))"
    }

    /// The same as `description`, so `debugPrint` shows no secret either.
    public var debugDescription: String { description }

    /// Parses INI text. In the config file a section is `[profile NAME]`
    /// (or `[default]`); in the credentials file it is `[NAME]`.
    public static func parse(_ text: String, isConfigFile: Bool) -> [String: [String: String]] {
        parse(text, isConfigFile: isConfigFile, path: "").profiles
    }

    /// The profiles in one file, its `[sso-session NAME]` sections, and the lines that did not parse.
    public struct ParsedFile: Sendable {
        /// Section name -> key -> value, keys lower-cased.
        public var profiles: [String: [String: String]]
        /// The lines that did not parse, in file order.
        public var problems: [Problem]
        /// `[sso-session NAME]` sections of the config file, by name.
        public var ssoSessions: [String: [String: String]] = [:]
    }

    /// Parses INI text the way botocore does (see `INIFile` for the line rules),
    /// then names the sections as botocore's `build_profile_map` does: in the
    /// config file `[default]` and `[profile NAME]` are profiles, where the header
    /// is split like a shell line and must be exactly two words (so
    /// `[profile "my dev"]` is `my dev`, and `[profile]` is no profile at all);
    /// `[sso-session NAME]` sections are kept apart; any other section (such as
    /// `[services x]`) is not a profile. In the credentials file every section is a profile.
    public static func parse(_ text: String, isConfigFile: Bool, path: String) -> ParsedFile {
        let file = INIFile(parsing: text, path: path)
        var parsed = ParsedFile(profiles: [:], problems: file.problems)
        for section in file.sections {
            guard isConfigFile else {
                parsed.profiles[section.header] = section.values
                continue
            }
            if section.header == "default" {
                parsed.profiles["default"] = section.values
            } else if let name = namedSection(section.header, prefix: "profile") {
                parsed.profiles[name] = section.values
            } else if let name = namedSection(section.header, prefix: "sso-session") {
                parsed.ssoSessions[name] = section.values
            }
        }
        return parsed
    }

    /// `profile dev` -> `dev` for `prefix` `profile`: botocore checks that the
    /// header starts with the prefix and splits it with `shlex`.
    private static func namedSection(_ header: String, prefix: String) -> String? {
        guard header.hasPrefix(prefix), let words = try? CommandLineWords.split(header), words.count == 2 else { return nil }
        return words[1]
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
