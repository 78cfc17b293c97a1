/// The plan for every role of a set in every target account, read before
/// anything is changed, so one confirmation covers all of it.
public struct RoleSetReview: Sendable {
    /// One per target, in the order the targets were given.
    public var accounts: [AccountReview]

    /// Built by `RoleSetRunner.review`; tests build their own to check reports.
    public init(accounts: [AccountReview]) {
        self.accounts = accounts
    }

    /// Every role's review, account by account.
    public var roles: [RoleReview] { accounts.flatMap(\.roles) }

    /// Nothing to change anywhere, and nothing failed: what `--detailed-exitcode` tells apart.
    public var isEmpty: Bool {
        accounts.allSatisfy { $0.failure == nil && $0.roles.allSatisfy { $0.plan?.isEmpty == true } }
    }

    /// True when an account could not be reached or a role not planned.
    public var hasFailures: Bool {
        accounts.contains { $0.failure != nil || $0.roles.contains { $0.failure != nil } }
    }

    /// Counts for the summary line.
    public var tally: RoleSetTally {
        var tally = RoleSetTally()
        tally.accounts = accounts.count
        for account in accounts {
            if account.failure != nil { tally.unreachableAccounts += 1 }
            for role in account.roles {
                tally.roles += 1
                guard let plan = role.plan else {
                    tally.failed += 1
                    continue
                }
                tally.changes += plan.changes.count
                if plan.isEmpty { tally.upToDate += 1 } else if plan.createsRole { tally.toCreate += 1 } else { tally.toChange += 1 }
            }
        }
        return tally
    }
}

/// One account's part of a review: its roles, or why it could not be reached.
public struct AccountReview: Sendable {
    /// The target reviewed; `apply` names the account by its label.
    public var target: DeploymentTarget
    /// The account's ID when known (given, or read from STS).
    public var accountId: String?
    /// The connected service; nil when the account could not be reached.
    public var service: RoleService?
    /// Why the account could not be reached (connecting, assuming its role, STS).
    public var failure: (any Error)?
    /// One per member, in the set's order; empty when `failure` is set.
    public var roles: [RoleReview]
}

/// One role in one account: its plan and findings, or why it could not be planned.
public struct RoleReview: Sendable {
    /// Where the role came from: its spec file's path or `preset NAME`.
    public var origin: String
    /// The role's name as the member gives it.
    public var roleName: String
    /// The role resolved for this account; nil when resolving failed.
    public var desired: DesiredRole?
    /// What apply would do; nil when the role could not be resolved or planned (see `failure`).
    public var plan: Plan?
    /// Lint findings for the resolved role; shown with the plan, they never stop it.
    public var findings: [LintFinding]
    /// Why the role could not be resolved or planned; a spec problem names its file and line.
    public var failure: (any Error)?
}

/// How many of what, for one summary line.
public struct RoleSetTally: Sendable, Hashable, Codable {
    /// Targets in the run, reached or not.
    public var accounts = 0
    /// Targets that could not be reached; their roles are not counted in `roles`.
    public var unreachableAccounts = 0
    /// Roles over every reached account: one per member per account.
    public var roles = 0
    /// Roles that do not exist yet (after apply: that were created).
    public var toCreate = 0
    /// Roles that exist and differ (after apply: that were changed).
    public var toChange = 0
    /// Roles already as their spec says.
    public var upToDate = 0
    /// Roles that could not be planned (or, after apply, did not finish).
    public var failed = 0
    /// Changes in the plans, summed (after apply: steps done).
    public var changes = 0

    /// All counts zero; a review or outcome adds them up.
    public init() {}
}
