import Foundation
import Provisioning

/// What every screen of one run shares: the service (all I/O), the answers,
/// what background reads have brought back so far, and where to post
/// results. Screens start work with `run`; its result arrives through the
/// application inbox as a `WizardMessage`, so input never waits on IAM.
public final class WizardContext {
    /// Swapped once when signing in from the start screen ends (see `connect`).
    public internal(set) var service: RoleService
    /// The answers, one instance for the whole run; screens edit it in place.
    public let model: WizardModel
    /// Delivers a message to the UI thread (the application inbox, or a test queue).
    let post: @Sendable (WizardMessage) -> Void
    /// Where exports and saved specs are written.
    public var outputDirectory: URL
    /// Writes raw bytes to the terminal (OSC 52 clipboard); nil when there is none.
    public var writeToTerminal: (@Sendable (String) -> Void)?

    /// Who the session is (STS GetCallerIdentity); nil until read, and never read offline.
    public internal(set) var identity: Outcome<AccountIdentity>?
    /// The account's IAM quotas for lint; IAM's defaults until read.
    public private(set) var quotas = LintQuotas()
    /// Every managed policy the account can attach; nil until listed (never offline).
    public private(set) var policies: Outcome<[ManagedPolicySummary]>?
    /// How many policies the pages read so far held, for the permissions step's progress
    /// (-1 once the read starts, before the first page; 0 again after a failure, so it can be retried).
    public private(set) var policiesLoadedSoFar = 0
    /// Policy documents read so far, by ARN, for the permissions step's preview.
    public private(set) var policyDocuments: [String: Outcome<String>] = [:]
    /// Every apply of this run that came to an end, in order: what a run cut
    /// short by a signal reports after the terminal is restored.
    public private(set) var applyResults: [ApplyResult] = []
    private var requestedDocuments: Set<String> = []
    /// The answers as last started, saved, exported or applied: quitting
    /// with anything else would lose work, so the quit key asks.
    private var keptAnswers: RoleSpec?
    /// For each role name checked: whether IAM already has a role by that name.
    public private(set) var takenRoleNames: [String: Bool] = [:]
    private var checkedRoleNames: Set<String> = []
    private var checkingRoleName: String?
    private var nextRoleNameToCheck: String?
    /// The account's identity providers, once listed (the provider picker); nil until read.
    public internal(set) var identityProviders: Outcome<IdentityProviders>?
    var identityProvidersRequested = false
    /// The account's roles, once listed (the editor's role list).
    public private(set) var roles: Outcome<[RoleSummary]>?
    /// Each listed role's last activity, once read (ListRoles does not carry it).
    public private(set) var rolesLastUsed: [String: Outcome<Date?>] = [:]
    private var requestedLastUsed: Set<String> = []
    private var lastUsedQueue: [String] = []
    /// GetRole calls for last activity under way, across every request.
    private(set) var lastUsedInFlight = 0
    static let lastUsedReadsAtOnce = 4
    /// The role open in the editor as IAM last returned it, and its answers
    /// as loaded (to tell whether anything was edited since).
    public private(set) var editedRole: Outcome<RoleDetails>?
    /// The answers as the role loaded, compared with the model to tell if anything changed.
    public private(set) var editedRoleAnswers: RoleSpec?
    /// What deleting the open role takes, and how its deletion ended.
    public private(set) var deletion: Outcome<RoleDeletion>?
    /// How deleting it ended; nil until it has.
    public private(set) var deleteResult: Outcome<ApplyResult>?
    /// The latest review request and, once planned, its result: a plan
    /// for older answers is dropped here, so no screen can show it.
    public private(set) var reviewRequest = 0
    /// The plan of request `reviewRequest`; nil while it is being made.
    public private(set) var review: Outcome<ReviewSummary>?
    /// Where signing in stands, and what it needs of the person.
    public internal(set) var signIn: SignInProgress = .idle
    /// The MFA question on screen, answered by `answerMFACode` or `declineSignIn`.
    var pendingMFAReply: MFACodeReply?
    /// How to sign in again (set by `connect`); the attempt whose result counts.
    var connector: RoleServiceConnector?
    var connectAttempt = 0
    var connectTask: Task<Void, Never>?
    /// True from `connect` until its result lands: the start screen holds its menu meanwhile.
    public internal(set) var isConnecting = false

    /// A context whose work all goes through `service`, posting its results with `post`
    /// (which must hand them to the UI thread); exports and saved specs go to `outputDirectory`.
    public init(
        service: RoleService, model: WizardModel = WizardModel(), outputDirectory: URL,
        post: @escaping @Sendable (WizardMessage) -> Void
    ) {
        self.service = service
        self.model = model
        self.outputDirectory = outputDirectory
        self.post = post
    }

    /// The AWS partition (`aws`, `aws-cn`, ...) that ARNs are built in.
    public var partition: String { service.partition }
    /// The signed-in account, once known; nil offline or before the identity is read.
    public var accountId: String? { identity?.value?.account }

    /// Runs `work` off the UI thread and posts what it returns.
    func run(_ work: @escaping @Sendable () async -> WizardMessage) {
        let post = post
        Task.detached { post(await work()) }
    }

    /// Starts the reads every run needs: who am I and the account's quotas.
    func loadAccount() {
        guard identity == nil, !service.isOffline else { return }
        let service = service
        run { .identity(await Outcome.of { try await service.identity() }) }
        run { .quotas(await service.quotas()) }
    }

    /// Starts reading every managed policy (once per session).
    func loadPolicies() {
        guard policies == nil, policiesLoadedSoFar == 0, !service.isOffline else { return }
        policiesLoadedSoFar = -1
        let (service, post) = (service, post)
        let counter = PageCounter()
        run {
            .policies(await Outcome.of {
                try await service.listPolicies { page in post(.policiesPage(count: counter.add(page.count))) }
            })
        }
    }

    /// Starts reading one policy's document, unless it is known or on its way.
    func loadPolicyDocument(arn: String) {
        guard !service.isOffline, requestedDocuments.insert(arn).inserted else { return }
        let service = service
        run { .policyDocument(arn: arn, await Outcome.of { try await service.policyDocument(arn: arn) }) }
    }

    /// True when an apply of this run reached the role at `roleArn`, even
    /// one stopped half way: the person chose to create it, so the create
    /// flow may go on changing it.
    func createdThisRun(roleArn: String?) -> Bool {
        guard let roleArn else { return false }
        return applyResults.contains { $0.roleArn == roleArn }
    }

    /// Marks the current answers as kept (the flow started from them, or
    /// they were saved, exported or applied).
    func markAnswersKept() {
        keptAnswers = model.spec(partition: partition)
    }

    /// True when the answers differ from what was last kept.
    var hasUnkeptAnswers: Bool {
        keptAnswers.map { $0 != model.spec(partition: partition) } ?? false
    }

    /// Starts asking IAM whether a role called `name` exists, once per name
    /// (the create flow never writes over a role it was not asked to edit).
    /// One check at a time: a name typed while one is out waits, and only
    /// the latest such name is asked next, so typing is not a GetRole per key.
    func checkRoleName(_ name: String) {
        guard !service.isOffline, !name.isEmpty, !checkedRoleNames.contains(name) else { return }
        guard checkingRoleName == nil else {
            nextRoleNameToCheck = name
            return
        }
        checkedRoleNames.insert(name)
        checkingRoleName = name
        let service = service
        run {
            .roleNameTaken(name: name, await Outcome.of { try await service.roleExists(name: name) })
        }
    }

    /// True when IAM is known to have a role called `name`.
    func isTaken(_ name: String) -> Bool {
        takenRoleNames[name] == true || takenRoleNames.first { $0.key.lowercased() == name.lowercased() }?.value == true
    }

    /// Starts listing the account's roles; the result lands in `roles`.
    func loadRoles() {
        roles = nil
        let service = service
        run { .roles(await Outcome.of { try await service.listRoles() }) }
    }

    /// Queues the last activity of those of `names` not read or queued yet,
    /// ahead of names queued earlier that are no longer wanted (the list
    /// moved on), and starts reads: at most four in flight in all, however
    /// fast keys come, each landing as it arrives.
    func loadLastUsed(of names: [String]) {
        guard !service.isOffline else { return }
        requestedLastUsed.subtract(lastUsedQueue)
        lastUsedQueue = names.filter { !requestedLastUsed.contains($0) }
        requestedLastUsed.formUnion(lastUsedQueue)
        startLastUsedReads()
    }

    private func startLastUsedReads() {
        while lastUsedInFlight < Self.lastUsedReadsAtOnce, !lastUsedQueue.isEmpty {
            let name = lastUsedQueue.removeFirst()
            lastUsedInFlight += 1
            let service = service
            run { .rolesLastUsed([name: await Outcome.of { try await service.lastUsed(ofRole: name) }]) }
        }
    }

    /// Starts reading what deleting role `name` takes.
    func loadDeletion(of name: String) {
        deletion = nil
        deleteResult = nil
        let service = service
        run { .deletion(await Outcome.of { try await service.deletion(of: name) }) }
    }

    /// Starts deleting as `deletion` listed; the result lands in `deleteResult`.
    func delete(_ deletion: RoleDeletion) {
        let service = service
        run { .deleteFinished(await Outcome.of { try await service.delete(deletion) }) }
    }

    /// Starts reading the role to edit; once read, the answers become that role's.
    func loadRole(name: String) {
        editedRole = nil
        let service = service
        run { .role(await Outcome.of { try await service.loadRole(name: name) }) }
    }

    /// Takes each background result once, whichever screen is on top (the
    /// screen stack calls this before offering the message to any screen).
    func absorb(_ message: WizardMessage) {
        switch message {
        case .signInQuestion(let question): absorb(question)
        case .connected(let connected, let attempt): absorbConnection(connected, attempt: attempt)
        case .deletion(let outcome): deletion = outcome
        case .deleteFinished(let outcome):
            deleteResult = outcome
            if let result = outcome.value, result.status == .succeeded, let name = deletion?.value?.role.roleName {
                // Gone from IAM: gone from the list too, without a reload.
                roles = roles?.map { $0.filter { $0.roleName != name } }
                editedRole = nil
                editedRoleAnswers = nil
            }
        case .rolesLastUsed(let dates):
            rolesLastUsed.merge(dates) { _, new in new }
            lastUsedInFlight -= dates.count
            startLastUsedReads()
        case .roles(let outcome):
            rolesLastUsed = [:]
            requestedLastUsed = []
            lastUsedQueue = []
            // By name, as the console lists them, so the order is the same on every run.
            roles = outcome.map { $0.sorted { $0.roleName.lowercased() < $1.roleName.lowercased() } }
        case .role(let outcome):
            editedRole = outcome
            if let loaded = outcome.value {
                model.load(RoleSpec(existing: loaded, partition: partition, accountId: accountId), partition: partition)
                editedRoleAnswers = model.spec(partition: partition)
            }
        case .review(let request, let outcome) where request == reviewRequest:
            review = outcome
        case .identityProviders(let outcome): identityProviders = outcome
        case .identity(let outcome): identity = outcome
        case .quotas(let value): quotas = value
        case .policiesPage(let count): policiesLoadedSoFar = count
        case .policies(let outcome):
            policies = outcome
            if case .failure = outcome { policiesLoadedSoFar = 0 }
        case .policyDocument(let arn, let outcome): policyDocuments[arn] = outcome
        case .applyFinished(let outcome):
            if let result = outcome.value {
                applyResults.append(result)
                if result.status == .succeeded { markAnswersKept() }
            }
        case .roleNameTaken(let name, let outcome):
            if let taken = outcome.value { takenRoleNames[name] = taken }
            checkingRoleName = nil
            if let next = nextRoleNameToCheck {
                nextRoleNameToCheck = nil
                checkRoleName(next)
            }
        default: break
        }
    }

    /// Starts planning the current answers: resolve, plan (pruning when
    /// editing an existing role), lint; the result lands in `review` unless
    /// a newer request was made meanwhile. Returns the request's number.
    @discardableResult
    func loadReview(prune: Bool) -> Int {
        reviewRequest += 1
        review = nil
        let (service, request) = (service, reviewRequest)
        let spec = model.spec(partition: partition)
        run {
            .review(request: request, await Outcome.of {
                let desired = try await service.resolve(spec)
                let plan = try await service.plan(desired, prune: prune)
                let findings = await service.lint(desired)
                let current = plan.createsRole || service.isOffline ? nil : try await service.loadRole(name: desired.roleName)
                return ReviewSummary(desired: desired, plan: plan, findings: findings, current: current)
            })
        }
        return request
    }

    /// Where the spec file goes unless the person says otherwise: the
    /// output directory, in a file named after the role (made a plain file
    /// name, since in `edit` the name came from the server).
    var defaultSpecPath: String {
        outputDirectory.appendingPathComponent(SpecFileName.forRole(model.roleName)).path
    }

    /// Saves the answers as a YAML spec file for `rolewiz apply --spec` at
    /// `path` (relative paths from the output directory); returns the full path written.
    func saveSpec(to path: String) -> Result<String, WizardFailure> {
        write(RoleSpecFile.encode(model.spec(partition: partition), format: .yaml), to: resolve(path))
    }

    /// `path` as a file URL, relative paths (and `~`) resolved the way a shell would from the output directory.
    func resolve(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return (expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : outputDirectory.appendingPathComponent(expanded))
            .standardizedFileURL
    }

    /// Writes `text` to `url`; returns the full path or the error in words.
    func write(_ text: String, to url: URL) -> Result<String, WizardFailure> {
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return .success(url.path)
        } catch {
            return .failure(WizardFailure(message: "Could not write \(url.path): \(error.localizedDescription)"))
        }
    }
}

/// A failure already in words.
public struct WizardFailure: Error, Sendable {
    /// What went wrong, fit to show on a screen.
    public var message: String
}

/// Adds up page sizes from whichever task reports them.
final class PageCounter: @unchecked Sendable {
    // @unchecked: `total` is only touched while `lock` is held.
    private let lock = NSLock()
    private var total = 0

    func add(_ count: Int) -> Int {
        lock.withLock {
            total += count
            return total
        }
    }
}
