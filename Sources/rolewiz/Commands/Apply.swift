import ArgumentParser
import Foundation
import IAMClient
import Provisioning

/// `rolewiz apply`: plan, confirm, then make the changes, step by step.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create or update the role so IAM holds it as described.",
        discussion: """
            Shows the plan, asks for confirmation (or takes --yes; without a terminal --yes is required), \
            then prints each IAM call as it runs and ends with the role ARN. \
            Several --spec files, or a folder of them, are planned together, confirmed once and applied \
            --concurrency roles at a time; a failure in one role does not stop the others. \
            With --accounts, --organization or --profiles the same is done in every account, accounts concurrently; \
            an account that cannot be reached fails alone. Ctrl-C stops after the call in flight. \
            After a failure or a stop, running the same command again finishes the job. \
            With --output json the resulting role is printed as `rolewiz show --output json` prints it \
            (after a failure or a stop: the steps done, failed and not started), and the plan and progress go to standard error.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var role: RoleInputOptions
    @OptionGroup(title: "Accounts") var accounts: AccountOptions

    @Flag(help: "Also remove managed policies, inline policies and tags the spec does not list.")
    var prune = false

    @Flag(name: [.customLong("yes"), .customShort("y")], help: "Apply without asking (required when standard input is not a terminal).")
    var yes = false

    @Option(help: ArgumentHelp(
        "With several roles: how many to apply at once (IAM throttles each account; throttled calls are retried).",
        valueName: "n"))
    var concurrency = RoleSetRunner.defaultConcurrency

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        try await ErrorReporter.run {
            if role.isSet || accounts.isMultiAccount {
                try await RoleSetCommand(global: global, role: role, accounts: accounts, prune: prune, concurrency: concurrency).apply(yes: yes)
                return
            }
            let target = try await RoleTarget.prepare(global: global, role: role)
            if let offline = target.offlineExplanation {
                throw OfflineError(message: "apply needs to read and change IAM. " + offline)
            }
            let (plan, findings) = try await target.review(prune: prune)
            // Progress is for people: on standard error when standard output carries JSON.
            let toStandardError = global.output == .json
            let say: @Sendable (String) -> Void = { Console.line($0, toStandardError: toStandardError) }
            let style = TerminalStyle.forDescriptor(toStandardError ? 2 : 1, noColor: global.noColor)
            say(PlanPrinter(style: style).text(for: plan, findings: findings))
            if plan.isEmpty {
                try await finish(roleArn: plan.roleArn, target: target, say: say)
                return
            }
            try confirm(plan)
            let result = try await apply(plan, target: target, style: style, say: say)
            guard result.status == .succeeded else {
                if global.output == .json { Console.json(try JSONOutput.text(result)) }
                Console.line("error: " + ApplyOutcomeText.lines(for: result).joined(separator: "\n"), toStandardError: true)
                throw ExitCode(ErrorReporter.failureExitCode)
            }
            try await finish(roleArn: result.roleArn, target: target, say: say)
        }
    }

    /// Asks on a terminal; refuses (exit 2) when there is nobody to ask.
    private func confirm(_ plan: Provisioning.Plan) throws {
        guard !yes else { return }
        try Confirmation.requireTerminal(toConfirm: "change IAM", check: "the plan")
        let count = plan.changes.count == 1 ? "this change" : "these \(plan.changes.count) changes"
        guard Confirmation.ask("\nApply \(count) to role \(plan.roleName)?") else {
            Console.line("Apply cancelled: nothing was changed.", toStandardError: true)
            throw ExitCode(ErrorReporter.failureExitCode)
        }
    }

    /// Runs the apply, printing each event; Ctrl-C asks it to stop after the call in flight.
    private func apply(
        _ plan: Provisioning.Plan, target: RoleTarget, style: TerminalStyle, say: @escaping @Sendable (String) -> Void
    ) async throws -> ApplyResult {
        try await ApplyEventPrinter(style: style).follow("Applying to role \(plan.roleName):", say: say) { cancellation, onEvent in
            try await target.service.apply(plan, cancellation: cancellation, onEvent: onEvent)
        }
    }

    /// The role ARN (text), or the role as `show --output json` prints it.
    private func finish(roleArn: String?, target: RoleTarget, say: @Sendable (String) -> Void) async throws {
        switch global.output {
        case .json:
            let details = try await target.service.loadRole(name: target.desired.roleName)
            Console.json(try details.jsonText())
        case .text:
            say("\nRole ARN: \(roleArn ?? target.desired.roleName)")
        }
    }
}
