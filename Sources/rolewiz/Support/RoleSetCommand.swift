import ArgumentParser
import Foundation
import Provisioning

/// `plan` and `apply` over a set of roles (several `--spec` files, or a
/// folder): all read and planned first, one confirmation, then applied
/// concurrently; one report, exit 1 if anything did not finish.
struct RoleSetCommand {
    var global: GlobalOptions
    var role: RoleInputOptions
    var prune: Bool
    var concurrency: Int

    /// Loads every spec (all problems at once), connects, and plans each role.
    func review(allowOffline: Bool) async throws -> (RoleSetReview, RoleService) {
        let members = try role.loadSet().map { $0.member(accountIdOption: role.accountId) }
        let service = await RoleService.connect(session: try global.makeSession())
        if !allowOffline, let offline = service.offlineExplanation {
            throw OfflineError(message: "apply needs to read and change IAM. " + offline)
        }
        let review = await RoleSetRunner(concurrency: concurrency).review(
            members, in: [.current(service)], prune: prune, allowOffline: allowOffline)
        return (review, service)
    }

    func plan(detailedExitcode: Bool) async throws {
        let (review, service) = try await review(allowOffline: true)
        switch global.output {
        case .json:
            Console.json(try JSONOutput.text(RoleSetPlanReport(review: review)))
        case .text:
            let style = TerminalStyle.forDescriptor(1, noColor: global.noColor)
            Console.out(RoleSetPrinter(style: style, offlineReason: service.offlineReason?.message).text(for: review))
        }
        if review.hasFailures { throw ExitCode(ErrorReporter.failureExitCode) }
        if detailedExitcode, !review.isEmpty { throw ExitCode(2) }
    }

    func apply(yes: Bool) async throws {
        let (review, _) = try await review(allowOffline: false)
        let toStandardError = global.output == .json
        let say: @Sendable (String) -> Void = { Console.line($0, toStandardError: toStandardError) }
        let style = TerminalStyle.forDescriptor(toStandardError ? 2 : 1, noColor: global.noColor)
        say(RoleSetPrinter(style: style).text(for: review))
        let tally = review.tally
        if tally.toCreate + tally.toChange > 0, !yes {
            try Confirmation.requireTerminal(toConfirm: "change IAM", check: "the plan")
            let roles = tally.toCreate + tally.toChange
            guard Confirmation.ask("\nApply \(tally.changes) change\(tally.changes == 1 ? "" : "s") to \(roles) role\(roles == 1 ? "" : "s")?") else {
                Console.line("Apply cancelled: nothing was changed.", toStandardError: true)
                throw ExitCode(ErrorReporter.failureExitCode)
            }
        }
        let cancellation = ApplyCancellation()
        let trap = InterruptTrap {
            cancellation.cancel()
            Console.line("\nInterrupted: stopping every role after its call in flight...", toStandardError: true)
        }
        defer { trap.remove() }
        let progress = RoleSetProgress(
            total: tally.toCreate + tally.toChange, draws: global.output == .text && isatty(2) == 1, style: style)
        if tally.toCreate + tally.toChange > 0 { say("\nApplying:") }
        let outcome = await RoleSetRunner(concurrency: concurrency).apply(review, cancellation: cancellation) { event in
            progress.note(event, say: say)
        }
        progress.finish()
        switch global.output {
        case .json: Console.json(try JSONOutput.text(RoleSetApplyReport(outcome: outcome)))
        case .text: say(RoleSetPrinter(style: style).text(for: outcome))
        }
        if !outcome.succeeded { throw ExitCode(ErrorReporter.failureExitCode) }
    }
}
