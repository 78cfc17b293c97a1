import Foundation
import TestSupport

/// The command tree as swift-argument-parser describes it
/// (`rolewiz --experimental-dump-help`), so the help tests check every command
/// and option the program really has instead of a list that could go stale.
struct HelpCommandTree: Decodable {
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var shouldDisplay: Bool
        var names: [Name]?
        var valueName: String?
        var abstract: String?

        /// How `--help` shows it: `--long-name`, `-s`, or `<value>` for a positional.
        var spelling: String {
            if let long = names?.first(where: { $0.kind == "long" }) { return "--\(long.name)" }
            if let short = names?.first(where: { $0.kind == "short" }) { return "-\(short.name)" }
            return "<\(valueName ?? "")>"
        }
    }

    var command: Command

    /// The user-facing subcommands (argument-parser's own `help` left out).
    var subcommands: [Command] {
        (command.subcommands ?? []).filter { $0.commandName != "help" }
    }

    static func load() async throws -> HelpCommandTree {
        let result = try await HelpRun.rolewiz(["--experimental-dump-help"])
        guard result.exitCode == 0 else {
            throw DumpHelpFailed(exitCode: result.exitCode, stderr: result.stderr)
        }
        return try JSONDecoder().decode(HelpCommandTree.self, from: Data(result.stdout.utf8))
    }
}

struct DumpHelpFailed: Error, CustomStringConvertible {
    var exitCode: Int32
    var stderr: String
    var description: String { "rolewiz --experimental-dump-help exited \(exitCode): \(stderr)" }
}

/// Runs the built binary with nothing of the developer's AWS setup.
enum HelpRun {
    /// The subcommands the issue asks for; the tree may have more, never fewer.
    static let requiredSubcommands = ["wizard", "edit", "plan", "apply", "show", "export", "lint", "presets", "whoami"]

    static func rolewiz(_ arguments: [String]) async throws -> ProcessResult {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-help-\(UUID().uuidString)").path
        return try await Processes.run(
            try Processes.rolewizExecutable(), arguments: arguments,
            environment: Processes.minimalEnvironment(["HOME": home, "NO_COLOR": "1"]), timeout: 60)
    }
}
