import Foundation

/// The shared AWS config and credentials files, as the AWS CLI reads them:
/// `~/.aws/credentials` (sections `[name]`) and `~/.aws/config` (sections
/// `[profile name]`, and `[default]`). Values in the credentials file win.
public struct ProfileStore: Sendable {
    /// Profile name -> key -> value; keys lower-cased.
    public private(set) var profiles: [String: [String: String]]
    public let credentialsPath: String
    public let configPath: String

    public init(profiles: [String: [String: String]] = [:], credentialsPath: String = "", configPath: String = "") {
        self.profiles = profiles
        self.credentialsPath = credentialsPath
        self.configPath = configPath
    }

    /// Reads both files (missing files are empty), honouring
    /// `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`.
    public static func load(environment: [String: String]) -> ProfileStore {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", home: home)
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", home: home)
        var merged: [String: [String: String]] = [:]
        for (name, values) in parse(read(configPath), isConfigFile: true) {
            merged[name, default: [:]].merge(values) { _, new in new }
        }
        for (name, values) in parse(read(credentialsPath), isConfigFile: false) {
            merged[name, default: [:]].merge(values) { _, new in new }
        }
        return ProfileStore(profiles: merged, credentialsPath: credentialsPath, configPath: configPath)
    }

    public func profile(_ name: String) -> [String: String]? { profiles[name] }

    /// Parses INI text. In the config file a section is `[profile NAME]`
    /// (or `[default]`); in the credentials file it is `[NAME]`. Comments
    /// start with `#` or `;`; indented lines continue a nested block and are skipped.
    public static func parse(_ text: String, isConfigFile: Bool) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                var name = String(trimmed.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if isConfigFile {
                    if name.hasPrefix("profile ") {
                        name = String(name.dropFirst("profile ".count)).trimmingCharacters(in: .whitespaces)
                    } else if name != "default" {
                        current = nil  // [sso-session x], [services x]: not profiles
                        continue
                    }
                }
                current = name
                result[name, default: [:]] = result[name] ?? [:]
                continue
            }
            guard let section = current, let first = line.first, !first.isWhitespace,
                  let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            // No inline comments: botocore's parser keeps `#` inside values too.
            result[section]?[key] = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
