import ArgumentParser
import Foundation
import IAMClient

/// The command tree. Each subcommand lives in its own file under Commands/.
@main
struct Rolewiz: AsyncParsableCommand {
    /// What `rolewiz --version` prints.
    static let version = "0.9.0"

    static let configuration = CommandConfiguration(
        commandName: "rolewiz",
        abstract: "Create and edit AWS IAM roles from a terminal, the way the IAM console's Create role flow does.",
        version: Rolewiz.version,
        subcommands: [
            WizardCommand.self,
            Edit.self,
            WhoAmI.self,
            Login.self,
            Lint.self,
            Presets.self,
            PlanCommand.self,
            ApplyCommand.self,
            ShowCommand.self,
            ExportCommand.self,
            DeleteCommand.self,
        ],
        defaultSubcommand: WizardCommand.self
    )

    /// Like ArgumentParser's own entry point, except that bad usage exits with
    /// 2 (not 64), so scripts see 0 success, 1 failure, 2 usage.
    static func main() async {
        // Before anything starts another thread: the proxy bypass for loopback changes the environment.
        ProxyEnvironment.prepare()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.line(fullMessage(for: error), toStandardError: true)
                exit(withError: ExitCode(ErrorReporter.usageExitCode))
            }
            exit(withError: error)
        }
    }
}
