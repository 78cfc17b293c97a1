/// Plans and applies a set of roles in a set of accounts: accounts
/// concurrently, and in each account its roles concurrently, each with a
/// bound. A failure in one account or one role never stops the others;
/// every outcome is reported, and running the same set again converges.
public struct RoleSetRunner: Sendable {
    /// Roles worked on at once in one account. IAM publishes no request
    /// rate for its API and throttles each account on its own; four roles
    /// (each with up to four attachment calls in flight) keep well inside
    /// what an account sees from the console, and throttling is retried.
    public static let defaultConcurrency = 4
    /// Accounts worked on at once: each has its own IAM limits, so the bound
    /// is about this process and STS, not IAM.
    public static let defaultAccountConcurrency = 8

    /// Roles worked on at once in one account; below 1 counts as 1.
    public var concurrency: Int
    /// Accounts worked on at once; below 1 counts as 1.
    public var accountConcurrency: Int

    /// The defaults suit a run from one machine; see `defaultConcurrency` for why four.
    public init(concurrency: Int = defaultConcurrency, accountConcurrency: Int = defaultAccountConcurrency) {
        self.concurrency = concurrency
        self.accountConcurrency = accountConcurrency
    }

    // MARK: Review

    /// Connects to each target, resolves each member for it, lints and plans.
    /// `allowOffline`: a target without credentials plans offline (plan,
    /// export) instead of failing (apply needs IAM).
    public func review(
        _ members: [RoleSetMember], in targets: [DeploymentTarget], prune: Bool, allowOffline: Bool
    ) async -> RoleSetReview {
        let concurrency = self.concurrency
        let accounts = await targets.mapConcurrently(limit: accountConcurrency) { target in
            await Self.review(members, in: target, prune: prune, allowOffline: allowOffline, concurrency: concurrency)
        }
        return RoleSetReview(accounts: accounts)
    }

    private static func review(
        _ members: [RoleSetMember], in target: DeploymentTarget, prune: Bool, allowOffline: Bool, concurrency: Int
    ) async -> AccountReview {
        let service: RoleService
        var accountId = target.accountId
        do {
            service = try await target.connect()
            if let reason = service.offlineReason, !allowOffline {
                throw DeploymentTargetError(label: target.label, reason: reason.message)
            }
            if accountId == nil, !service.isOffline, target.readsAccountId || members.contains(where: \.needsAccount) {
                accountId = try await service.identity().account
            }
        } catch {
            return AccountReview(target: target, accountId: accountId, service: nil, failure: error, roles: [])
        }
        let known = accountId
        let roles = await members.mapConcurrently(limit: concurrency) { member in
            await review(member, service: service, accountId: known, prune: prune)
        }
        return AccountReview(target: target, accountId: accountId, service: service, failure: nil, roles: roles)
    }

    private static func review(_ member: RoleSetMember, service: RoleService, accountId: String?, prune: Bool) async -> RoleReview {
        var review = RoleReview(origin: member.origin, roleName: member.roleName, desired: nil, plan: nil, findings: [], failure: nil)
        do {
            let desired = try member.resolve(service.partition, accountId)
            review.desired = desired
            async let findings = service.lint(desired)
            review.plan = try await service.plan(desired, prune: prune)
            review.findings = await findings
        } catch {
            review.failure = error
        }
        return review
    }

    // MARK: Apply

    /// Applies every plan that has changes. `cancellation` stops every role
    /// after its call in flight and starts no new one; `onEvent` sees each
    /// role start, each of its steps and its end (from background tasks).
    public func apply(
        _ review: RoleSetReview, cancellation: ApplyCancellation = ApplyCancellation(),
        onEvent: @escaping @Sendable (RoleSetEvent) -> Void = { _ in }
    ) async -> RoleSetOutcome {
        let concurrency = self.concurrency
        let accounts = await review.accounts.mapConcurrently(limit: accountConcurrency) { account in
            guard let service = account.service, account.failure == nil else {
                return AccountOutcome(label: account.target.label, accountId: account.accountId, failure: account.failure, roles: [])
            }
            let roles = await account.roles.mapConcurrently(limit: concurrency) { role in
                await Self.apply(role, account: account.target.label, service: service, cancellation: cancellation, onEvent: onEvent)
            }
            return AccountOutcome(label: account.target.label, accountId: account.accountId, failure: nil, roles: roles)
        }
        return RoleSetOutcome(accounts: accounts)
    }

    private static func apply(
        _ role: RoleReview, account: String, service: RoleService, cancellation: ApplyCancellation,
        onEvent: @escaping @Sendable (RoleSetEvent) -> Void
    ) async -> RoleOutcome {
        let key = RoleSetEvent.Key(account: account, roleName: role.roleName)
        guard let plan = role.plan else {
            return RoleOutcome(origin: role.origin, roleName: role.roleName, result: .notPlanned(role.failure))
        }
        if plan.isEmpty {
            return RoleOutcome(origin: role.origin, roleName: role.roleName, result: .upToDate(roleArn: plan.roleArn))
        }
        guard !cancellation.isCancelled else {
            return RoleOutcome(origin: role.origin, roleName: role.roleName, result: .notStarted(Applier.steps(for: plan)))
        }
        onEvent(.roleStarted(key, steps: Applier.steps(for: plan).count))
        let result: ApplyResult
        do {
            result = try await service.apply(plan, cancellation: cancellation) { onEvent(.step(key, $0)) }
        } catch {
            // Only an offline service throws here, and review kept those out.
            result = ApplyResult(
                status: .failed, roleArn: plan.roleArn, completed: [],
                failures: [], notStarted: Applier.steps(for: plan))
        }
        onEvent(.roleFinished(key, result))
        return RoleOutcome(origin: role.origin, roleName: role.roleName, result: .applied(result))
    }
}

/// An account that could not be reached, with the reason in a sentence.
public struct DeploymentTargetError: Error, Sendable, CustomStringConvertible {
    /// The target's label, such as `111122223333` or `profile dev`.
    public var label: String
    /// Why, in a sentence: an offline service's reason, such as no credentials found.
    public var reason: String

    /// Thrown when a target connects offline and the run needs IAM.
    public init(label: String, reason: String) {
        self.label = label
        self.reason = reason
    }

    /// `account LABEL could not be reached: REASON`, as the report prints it.
    public var description: String { "account \(label) could not be reached: \(reason)" }
}
