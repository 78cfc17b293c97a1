/// What applying a set did, account by account and role by role, so the
/// report can say where everything stands and exit 1 if anything did not finish.
public struct RoleSetOutcome: Sendable {
    public var accounts: [AccountOutcome]

    public init(accounts: [AccountOutcome]) {
        self.accounts = accounts
    }

    /// True when every account was reached and every role is as its spec says.
    public var succeeded: Bool {
        accounts.allSatisfy { $0.failure == nil && $0.roles.allSatisfy(\.result.isDone) }
    }

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
    public var label: String
    public var accountId: String?
    public var failure: (any Error)?
    public var roles: [RoleOutcome]
}

/// One role's outcome in one account.
public struct RoleOutcome: Sendable {
    public var origin: String
    public var roleName: String
    public var result: Result

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
        public var account: String
        public var roleName: String
    }

    case roleStarted(Key, steps: Int)
    case step(Key, ApplyEvent)
    case roleFinished(Key, ApplyResult)
}
