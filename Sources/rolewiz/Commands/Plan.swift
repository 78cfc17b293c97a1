import ArgumentParser
import Foundation
import Provisioning

/// `rolewiz plan`: what apply would change, without changing anything.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change to make IAM hold the role (reads IAM, writes nothing).",
        discussion: """
            Without credentials the plan is made offline: it shows what would be created for a new role. \
            With --detailed-exitcode: 0 nothing to change, 2 changes, 1 error.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var role: RoleInputOptions
    @OptionGroup(title: "Accounts") var accounts: AccountOptions

    @Flag(help: "Also remove managed policies, inline policies and tags the spec does not list.")
    var prune = false

    @Flag(help: "Exit 2 when there are changes (0 when there are none, 1 on error).")
    var detailedExitcode = false

    @Option(help: ArgumentHelp("With several roles: how many to read at once.", valueName: "n"))
    var concurrency = RoleSetRunner.defaultConcurrency

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        try await ErrorReporter.run {
            if role.isSet || accounts.isMultiAccount {
                let set = RoleSetCommand(global: global, role: role, accounts: accounts, prune: prune, concurrency: concurrency)
                try await set.plan(detailedExitcode: detailedExitcode)
                return
            }
            let target = try await RoleTarget.prepare(global: global, role: role)
            let (plan, findings) = try await target.review(prune: prune)
            switch global.output {
            case .json:
                Console.json(try JSONOutput.text(PlanReport(plan: plan, findings: findings)))
            case .text:
                let style = TerminalStyle.forDescriptor(1, noColor: global.noColor)
                Console.out(PlanPrinter(style: style, offlineReason: target.service.offlineReason?.message).text(for: plan, findings: findings))
            }
            if detailedExitcode, !plan.isEmpty { throw ExitCode(2) }
        }
    }
}
