import ArgumentParser
import Foundation
import Provisioning
import SafeText
import Signals

/// `plan` and `apply` over a set of roles (several `--spec` files, or a
/// folder) in one account or many: all read and planned first, one
/// confirmation, then applied concurrently; one report, exit 1 if anything
/// did not finish.
struct RoleSetCommand {
    var global: GlobalOptions
    var role: RoleInputOptions
    var accounts: AccountOptions
    var prune: Bool
    var concurrency: Int

    /// Loads every spec (all problems at once), finds and connects the
    /// accounts, and plans each role in each. The offline reason is the
    /// caller's, when a single-account plan is made offline.
    func review(allowOffline: Bool) async throws -> (RoleSetReview, offlineReason: String?) {
        let members = try role.loadSet().map { $0.member(accountIdOption: role.accountId) }
        if accounts.isMultiAccount, role.accountId != nil {
            throw InputError("--account-id: with --accounts, --organization or --profiles, each account's own ID is used")
        }
        var offlineReason: String?
        let targets: [DeploymentTarget]
        switch accounts.selection {
        case .caller:
            let service = await RoleService.connect(session: try global.makeSession())
            if !allowOffline, let offline = service.offlineExplanation {
                throw OfflineError(message: "apply needs to read and change IAM. " + offline)
            }
            offlineReason = service.offlineReason?.message
            targets = [.current(service)]
        case .profiles(let names):
            if global.profile != nil { throw InputError("--profile: with --profiles, each profile gives its own credentials; leave out --profile") }
            // A profile that is not configured is an input error now, not one account's failure later.
            targets = AccountDirectory.profileTargets(try names.map { ($0, try global.makeSession(profile: $0)) })
        case .accounts(let ids):
            targets = try await directory(for: "--accounts").targets(accountIds: ids)
        case .organization(let units):
            let (found, inactive) = try await directory(for: "--organization").organizationTargets(units: units)
            if !inactive.isEmpty {
                let list = inactive.map { "\($0.id) (\(InertText.line($0.status)))" }.joined(separator: ", ")
                Console.line("Left out \(inactive.count) account\(inactive.count == 1 ? "" : "s") that \(inactive.count == 1 ? "is" : "are") not active: \(list)", toStandardError: true)
            }
            guard !found.isEmpty else {
                throw InputError(units.isEmpty
                    ? "--organization: the organization has no active account"
                    : "--ou: no active account is in \(units.joined(separator: ", ")) or the units below")
            }
            targets = found
        }
        let review = await RoleSetRunner(concurrency: concurrency).review(
            members, in: targets, prune: prune, allowOffline: allowOffline && !accounts.isMultiAccount)
        return (review, offlineReason)
    }

    /// The caller's session and the role to assume with it; `flag` names what needs them.
    private func directory(for flag: String) async throws -> AccountDirectory {
        let session = try global.makeSession()
        let service = await RoleService.connect(session: session)
        if let offline = service.offlineExplanation {
            throw OfflineError(message: "\(flag) needs AWS credentials to assume a role in each account. " + offline)
        }
        return AccountDirectory(
            caller: session, callerService: service,
            roleName: accounts.assumeRole ?? AccountDirectory.defaultRoleName, externalId: accounts.externalId)
    }

    func plan(detailedExitcode: Bool) async throws {
        let (review, offlineReason) = try await review(allowOffline: true)
        switch global.output {
        case .json:
            Console.json(try JSONOutput.text(RoleSetPlanReport(review: review)))
        case .text:
            let style = TerminalStyle.forDescriptor(1, noColor: global.noColor)
            Console.out(RoleSetPrinter(style: style, offlineReason: offlineReason).text(for: review))
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
