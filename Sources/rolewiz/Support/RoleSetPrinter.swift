import Provisioning

/// A set's plan and outcome as people read them: each account, each role's
/// plan as `PlanPrinter` writes it under the file it came from, what could
/// not be planned, and one summary line.
struct RoleSetPrinter {
    var style: TerminalStyle
    var offlineReason: String?

    func text(for review: RoleSetReview) -> String {
        var lines: [String] = []
        let printer = PlanPrinter(style: style, offlineReason: offlineReason)
        for account in review.accounts {
            if !account.target.label.isEmpty { lines += ["", style.bold("Account \(account.target.label)")] }
            if let failure = account.failure {
                lines.append(style.red("  error: ") + Self.message(for: failure))
                continue
            }
            for role in account.roles {
                lines += ["", style.dim("── \(role.origin)")]
                if let plan = role.plan {
                    lines.append(printer.text(for: plan, findings: role.findings))
                } else {
                    lines.append(style.red("error: ") + (role.failure.map(Self.message) ?? "not planned"))
                }
            }
        }
        lines += ["", style.bold(Self.summary(review.tally, planned: true))]
        return lines.joined(separator: "\n")
    }

    /// One line per role that was not already up to date, then the summary.
    func text(for outcome: RoleSetOutcome) -> String {
        var lines: [String] = [""]
        for account in outcome.accounts {
            let place = account.label.isEmpty ? "" : "\(account.label): "
            if let failure = account.failure {
                lines.append(style.red("failed   ") + place + Self.message(for: failure))
            }
            for role in account.roles {
                switch role.result {
                case .upToDate: lines.append(style.dim("current  ") + place + role.roleName)
                case .applied(let result) where result.status == .succeeded:
                    lines.append(style.green("done     ") + place + "\(role.roleName) (\(result.roleArn ?? role.roleName))")
                case .applied(let result):
                    lines.append(style.red("failed   ") + place + role.roleName)
                    lines += ApplyOutcomeText.lines(for: result).map { "         " + $0 }
                case .notPlanned(let failure):
                    lines.append(style.red("failed   ") + place + "\(role.roleName): " + (failure.map(Self.message) ?? "not planned"))
                case .notStarted:
                    lines.append(style.yellow("stopped  ") + place + "\(role.roleName): not started")
                }
            }
        }
        lines += ["", style.bold(Self.summary(outcome.tally, planned: false))]
        return lines.joined(separator: "\n")
    }

    /// `3 roles in 2 accounts: 1 to create, 1 to change, 1 up to date; 9 changes.`
    static func summary(_ tally: RoleSetTally, planned: Bool) -> String {
        let roles = tally.roles == 1 ? "1 role" : "\(tally.roles) roles"
        let accounts = tally.accounts > 1 ? " in \(tally.accounts) accounts" : ""
        var parts = planned
            ? ["\(tally.toCreate) to create", "\(tally.toChange) to change", "\(tally.upToDate) up to date"]
            : ["\(tally.toCreate) created", "\(tally.toChange) changed", "\(tally.upToDate) already up to date"]
        if tally.failed > 0 { parts.append("\(tally.failed) failed") }
        if tally.unreachableAccounts > 0 { parts.append("\(tally.unreachableAccounts) account\(tally.unreachableAccounts == 1 ? "" : "s") not reached") }
        let changes = tally.changes == 1 ? "1 change" : "\(tally.changes) changes"
        return "\(roles)\(accounts): " + parts.joined(separator: ", ") + "; \(changes)\(planned ? "" : " made")."
    }

    /// What went wrong, worded as the single-role commands word it.
    static func message(for error: any Error) -> String {
        if let input = error as? InputError { return input.problems.joined(separator: "; ") }
        return ErrorReporter.report(error).0
    }
}
