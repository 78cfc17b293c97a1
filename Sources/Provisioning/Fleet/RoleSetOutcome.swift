/// What applying a set did, account by account and role by role, so the
/// report can say where everything stands and exit 1 if anything did not finish.
public struct RoleSetOutcome: Sendable {
    /// One per target, in the review's order.
    public var accounts: [AccountOutcome]

    /// Built by `RoleSetRunner.apply`; tests build their own to check reports.
    public init(accounts: [AccountOutcome]) {
        self.accounts = accounts
    }

    /// True when every account was reached and every role is as its spec says.
    public var succeeded: Bool {
        accounts.allSatisfy { $0.failure == nil && $0.roles.allSatisfy(\.result.isDone) }
    }

    /// Counts for the summary line after apply: a role counts as created when its steps include CreateRole,
    /// and `failed` holds every role not finished (failed, stopped or not planned).
    public var tally: RoleSetTally {
        var tally = RoleSetTally()
        tally.accounts = accounts.count
        for account in accounts {
            if account.failure != nil { tally.unreachableAccounts += 1 }
            for role in account.roles {
                tally.roles += 1
                switch role.result {
                case .upToDate: tally.upToDate += 1
                case .applied(let result) where result.status == .succeeded:
                    tally.changes += result.completed.count
                    if result.completed.contains(where: { $0.action == "CreateRole" }) { tally.toCreate += 1 } else { tally.toChange += 1 }
                default: tally.failed += 1
                }
            }
        }
        return tally
    }
}

/// One account's outcome: each role's, or why the account could not be reached.
public struct AccountOutcome: Sendable {
    /// The target's label, as reports name the account.
    public var label: String
    /// The account's ID when given or read from STS; nil when neither (an unreached profile, or a run that needed none).
    public var accountId: String?
    /// Why the account could not be reached; then `roles` is empty.
    public var failure: (any Error)?
    /// One per role of the account's review, in the set's order.
    public var roles: [RoleOutcome]
}

/// One role's outcome in one account.
public struct RoleOutcome: Sendable {
    /// Where the role came from: its spec file's path or `preset NAME`.
    public var origin: String
    /// The role's name in this account.
    public var roleName: String
    /// What became of the role; `isDone` tells whether it is as its spec says.
    public var result: Result

    /// The four ways a role of a set can end, so a report can say what to do about each.
    public enum Result: Sendable {
        /// The plan was empty: no call made.
        case upToDate(roleArn: String?)
        /// The apply ran: succeeded, failed or stopped, with its steps.
        case applied(ApplyResult)
        /// The role could not be planned, so nothing was tried (why, when known).
        case notPlanned((any Error)?)
        /// A stop was asked for before this role began.
        case notStarted([ApplyStep])

        /// The role is as its spec says.
        public var isDone: Bool {
            switch self {
            case .upToDate: true
            case .applied(let result): result.status == .succeeded
            case .notPlanned, .notStarted: false
            }
        }
    }
}

/// Progress of a set's apply, for a progress line or a log.
public enum RoleSetEvent: Sendable {
    /// Names one role in one account.
    public struct Key: Sendable, Hashable {
        /// The target's label (not necessarily an account ID): `111122223333`, `profile dev`.
        public var account: String
        /// The role's name; with `account` it tells apart concurrent roles' events.
        public var roleName: String
    }

    case roleStarted(Key, steps: Int)
    case step(Key, ApplyEvent)
    case roleFinished(Key, ApplyResult)
}
