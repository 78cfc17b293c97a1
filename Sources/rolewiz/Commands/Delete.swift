import ArgumentParser
import Foundation
import IAMClient
import Provisioning
import SafeText

/// `rolewiz delete ROLE`: the role and what IAM requires to go first.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a role, detaching and deleting what must go first.",
        discussion: """
            Lists everything that will go (attached policies detached, inline policies deleted, the role taken out of \
            its instance profiles and the one made for it deleted), then asks for the role's name to be typed, as the \
            IAM console does; --yes skips that for scripts (and is required without a terminal). Service-linked roles \
            are refused: their service deletes them. Ctrl-C stops after the call in flight; running the same command \
            again finishes the job.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The role's name.", valueName: "role"))
    var roleName: String

    @Flag(name: [.customLong("yes"), .customShort("y")], help: "Delete without asking (required when standard input is not a terminal).")
    var yes = false

    func run() async throws {
        try await ErrorReporter.run {
            let service = await RoleService.connect(session: try global.makeSession())
            let deletion = try await service.deletion(of: roleName)
            if let refusal = deletion.refusal {
                Console.line("error: " + InertText.line(refusal), toStandardError: true)
                throw ExitCode(ErrorReporter.failureExitCode)
            }
            let toStandardError = global.output == .json
            let say: @Sendable (String) -> Void = { Console.line($0, toStandardError: toStandardError) }
            say(deletion.summary.map(InertText.line).joined(separator: "\n"))
            try confirm(deletion)
            let result = try await delete(deletion, service: service, say: say)
            if global.output == .json { Console.json(try JSONOutput.text(result)) }
            guard result.status == .succeeded else {
                Console.line("error: " + RoleDeletion.unfinished(result).map(InertText.line).joined(separator: "\n"), toStandardError: true)
                throw ExitCode(ErrorReporter.failureExitCode)
            }
            say("\nDeleted role \(InertText.line(roleName)).")
        }
    }

    private func confirm(_ deletion: RoleDeletion) throws {
        guard !yes else { return }
        try Confirmation.requireTerminal(toConfirm: "delete", check: "the list")
        guard Confirmation.askToType(deletion.role.roleName, prompt: "\nThis cannot be undone. Type the role's name to delete it: ") else {
            Console.line("Delete cancelled: the name did not match, nothing was changed.", toStandardError: true)
            throw ExitCode(ErrorReporter.failureExitCode)
        }
    }

    private func delete(_ deletion: RoleDeletion, service: RoleService, say: @escaping @Sendable (String) -> Void) async throws -> ApplyResult {
        let printer = ApplyEventPrinter(style: TerminalStyle.forDescriptor(global.output == .json ? 2 : 1, noColor: global.noColor))
        return try await printer.follow("Deleting role \(InertText.line(deletion.role.roleName)):", say: say) { cancellation, onEvent in
            try await service.delete(deletion, cancellation: cancellation, onEvent: onEvent)
        }
    }
}
