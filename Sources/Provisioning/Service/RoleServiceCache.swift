import Foundation

/// What a `RoleService` remembers for the session: the account summary, the
/// policy list and policy documents never change while the wizard runs, so
/// each is read from IAM once.
final class RoleServiceCache: @unchecked Sendable {
    // @unchecked: every stored property is only touched while `lock` is held.
    private let lock = NSLock()
    private var quotas: LintQuotas?
    private var policies: [ManagedPolicySummary]?
    private var documents: [String: String] = [:]
    private var identity: AccountIdentity?

    func cachedQuotas() -> LintQuotas? { lock.withLock { quotas } }
    func store(quotas value: LintQuotas) { lock.withLock { quotas = value } }

    func cachedPolicies() -> [ManagedPolicySummary]? { lock.withLock { policies } }
    func store(policies value: [ManagedPolicySummary]) { lock.withLock { policies = value } }

    func cachedDocument(arn: String) -> String? { lock.withLock { documents[arn] } }
    func store(document: String, arn: String) { lock.withLock { documents[arn] = document } }

    func cachedIdentity() -> AccountIdentity? { lock.withLock { identity } }
    func store(identity value: AccountIdentity) { lock.withLock { identity = value } }
}
