import Provisioning

/// `plan --output json` for a set: one entry per role per account (its
/// plan and findings, as a single plan prints them, or the error), and the tally.
struct RoleSetPlanReport: Encodable {
    var review: RoleSetReview

    private enum Key: String, CodingKey { case plans, summary }
    private enum EntryKey: String, CodingKey { case account, origin, roleName, plan, error }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var list = container.nestedUnkeyedContainer(forKey: .plans)
        for account in review.accounts {
            if let failure = account.failure {
                var entry = list.nestedContainer(keyedBy: EntryKey.self)
                try entry.encodeIfPresent(account.accountId ?? nonEmpty(account.target.label), forKey: .account)
                try entry.encode(RoleSetPrinter.message(for: failure), forKey: .error)
            }
            for role in account.roles {
                var entry = list.nestedContainer(keyedBy: EntryKey.self)
                try entry.encodeIfPresent(account.accountId ?? nonEmpty(account.target.label), forKey: .account)
                try entry.encode(role.origin, forKey: .origin)
                try entry.encode(role.roleName, forKey: .roleName)
                if let plan = role.plan {
                    try entry.encode(PlanReport(plan: plan, findings: role.findings), forKey: .plan)
                } else {
                    try entry.encode(role.failure.map(RoleSetPrinter.message) ?? "not planned", forKey: .error)
                }
            }
        }
        try container.encode(review.tally, forKey: .summary)
    }
}

/// `apply --output json` for a set: each role's status (`upToDate`,
/// `succeeded`, `failed`, `cancelled`, `notPlanned`, `notStarted`), its
/// apply's steps when it ran, and the tally.
struct RoleSetApplyReport: Encodable {
    var outcome: RoleSetOutcome

    private enum Key: String, CodingKey { case results, summary }
    private enum EntryKey: String, CodingKey { case account, origin, roleName, status, roleArn, apply, error }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var list = container.nestedUnkeyedContainer(forKey: .results)
        for account in outcome.accounts {
            let name = account.accountId ?? nonEmpty(account.label)
            if let failure = account.failure {
                var entry = list.nestedContainer(keyedBy: EntryKey.self)
                try entry.encodeIfPresent(name, forKey: .account)
                try entry.encode("unreachable", forKey: .status)
                try entry.encode(RoleSetPrinter.message(for: failure), forKey: .error)
            }
            for role in account.roles {
                var entry = list.nestedContainer(keyedBy: EntryKey.self)
                try entry.encodeIfPresent(name, forKey: .account)
                try entry.encode(role.origin, forKey: .origin)
                try entry.encode(role.roleName, forKey: .roleName)
                switch role.result {
                case .upToDate(let arn):
                    try entry.encode("upToDate", forKey: .status)
                    try entry.encodeIfPresent(arn, forKey: .roleArn)
                case .applied(let result):
                    try entry.encode(result.status.rawValue, forKey: .status)
                    try entry.encodeIfPresent(result.roleArn, forKey: .roleArn)
                    try entry.encode(result, forKey: .apply)
                case .notPlanned(let failure):
                    try entry.encode("notPlanned", forKey: .status)
                    try entry.encode(failure.map(RoleSetPrinter.message) ?? "not planned", forKey: .error)
                case .notStarted:
                    try entry.encode("notStarted", forKey: .status)
                }
            }
        }
        try container.encode(outcome.tally, forKey: .summary)
    }
}

private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
