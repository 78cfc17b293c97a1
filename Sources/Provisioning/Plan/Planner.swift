public import IAMClient

/// Reads a role from IAM and works out the changes that turn it into a
/// `DesiredRole`.
///
/// Fields left nil in the desired role (description, max session duration)
/// are not managed. Removals (policies, inline policies, tags) are only
/// planned with `prune`, so a spec never takes away what someone else added
/// unless asked to; a permissions boundary only with `removesPermissionsBoundary`.
public struct Planner: Sendable {
    /// IAM's MaxSessionDuration when none was given.
    public static let defaultMaxSessionDuration = 3600

    /// Only read here; `Applier` makes the writes.
    public let iam: any IAMOperations

    /// `iam` is read for the role and for whether the policies to attach exist.
    public init(iam: any IAMOperations) {
        self.iam = iam
    }

    /// The role as IAM holds it (`RoleDetails.load`, reads concurrent), or nil
    /// if there is no such role.
    public func currentRole(named roleName: String) async throws -> RoleDetails? {
        do {
            return try await RoleDetails.load(roleName: roleName, from: iam)
        } catch where error.awsErrorCode == AWSErrorCode.noSuchEntity {
            return nil
        }
    }

    /// Reads IAM and plans. Every policy the plan would attach (or set as
    /// the boundary) is known to exist first, so an apply never stops half
    /// way on a policy that was never there: AWS managed ones from the
    /// built-in list, the rest with GetPolicy (concurrently).
    /// - Throws: `UnattachablePoliciesError` naming those that do not exist.
    public func plan(for desired: DesiredRole, prune: Bool = false) async throws -> Plan {
        let current = try await currentRole(named: desired.roleName)
        let profile = try await sameNamedProfile(for: desired, current: current)
        let plan = Self.plan(for: desired, current: current, prune: prune, sameNamedProfile: profile)
        try await checkAttachable(plan)
        return plan
    }

    /// Throws when a policy the plan attaches does not exist.
    func checkAttachable(_ plan: Plan) async throws {
        let arns = plan.changes.compactMap { change -> String? in
            switch change {
            case .attachPolicy(let arn): arn
            case .changePermissionsBoundary(_, let arn?): arn
            case .createRole(let role): role.permissionsBoundaryArn
            default: nil
            }
        }
        let unknown = Set(arns.filter { !Self.isBuiltInAWSManaged($0) })
        guard !unknown.isEmpty else { return }
        let iam = self.iam
        let missing = try await withThrowingTaskGroup(of: String?.self) { group in
            for arn in unknown {
                group.addTask {
                    do {
                        _ = try await iam.getPolicy(arn: arn)
                        return nil
                    } catch where error.awsErrorCode == AWSErrorCode.noSuchEntity {
                        return arn
                    }
                }
            }
            var missing: [String] = []
            for try await arn in group { if let arn { missing.append(arn) } }
            return missing.sorted()
        }
        if !missing.isEmpty { throw UnattachablePoliciesError(arns: missing) }
    }

    /// An AWS managed policy ARN whose name and path the built-in list holds.
    static func isBuiltInAWSManaged(_ arn: String) -> Bool {
        let reference = PolicyReference(arn)
        return reference.isARN && reference.isAWSManaged && AWSManagedPolicyNames.reference(forName: reference.name) != nil
            && reference.unresolvableReason == nil
    }

    /// A plan made without IAM, for when there are no credentials: the role
    /// is assumed not to exist, so everything is to be created.
    public static func offlinePlan(for desired: DesiredRole) -> Plan {
        var plan = plan(for: desired, current: nil, prune: false)
        plan.offline = true
        return plan
    }

    /// The pure comparison: `current` nil means the role does not exist;
    /// `sameNamedProfile` is the instance profile named like the role when
    /// it exists and `current` does not list it (it holds no role, or another).
    public static func plan(
        for desired: DesiredRole, current: RoleDetails?, prune: Bool, sameNamedProfile: InstanceProfileSummary? = nil
    ) -> Plan {
        let profile = current.flatMap { heldProfile(named: desired.roleName, in: $0) } ?? sameNamedProfile
        let profileChanges = instanceProfileChanges(for: desired, profile: profile, prune: prune)
        guard let current else {
            let attachments = uniqueArns(desired.policyArns).map { Change.attachPolicy(arn: $0) }
            return Plan(
                roleName: desired.roleName, roleArn: nil, prune: prune,
                changes: [.createRole(NewRole(desired))] + attachments
                    + inlinePolicyChanges(current: [], desired: desired.inlinePolicies, prune: false) + profileChanges
            )
        }
        return Plan(
            roleName: desired.roleName, roleArn: current.role.arn, prune: prune,
            changes: changes(from: current, to: desired, prune: prune) + profileChanges
        )
    }

    static func changes(from current: RoleDetails, to desired: DesiredRole, prune: Bool) -> [Change] {
        roleChanges(from: current.role, to: desired, prune: prune)
            + policyChanges(attached: current.attachedPolicies.map(\.policyArn), desired: desired.policyArns, prune: prune)
            + tagChanges(current: current.tags, desired: desired.tags, prune: prune)
            + inlinePolicyChanges(current: current.inlinePolicies, desired: desired.inlinePolicies, prune: prune)
    }

    private static func roleChanges(from role: ExistingRole, to desired: DesiredRole, prune: Bool) -> [Change] {
        var changes: [Change] = []
        if role.path != desired.path {
            changes.append(.changePath(from: role.path, to: desired.path))
        }
        if !trustPoliciesAreEquivalent(role.assumeRolePolicyDocument, desired.trustPolicy) {
            changes.append(.updateTrustPolicy(from: role.assumeRolePolicyDocument, to: desired.trustPolicy))
        }
        if let description = desired.description, description != (role.description ?? "") {
            changes.append(.updateDescription(from: role.description, to: description))
        }
        if let seconds = desired.maxSessionDuration, seconds != (role.maxSessionDuration ?? defaultMaxSessionDuration) {
            changes.append(.updateMaxSessionDuration(from: role.maxSessionDuration, to: seconds))
        }
        let boundary = desired.permissionsBoundaryArn
        // A boundary guards the role: it is removed only when asked for by
        // name (`--no-permissions-boundary`), never as a side effect of prune.
        if boundary != role.permissionsBoundaryArn, boundary != nil || desired.removesPermissionsBoundary {
            changes.append(.changePermissionsBoundary(from: role.permissionsBoundaryArn, to: boundary))
        }
        return changes
    }

    private static func policyChanges(attached: [String], desired: [String], prune: Bool) -> [Change] {
        let attachedSet = Set(attached)
        let wanted = uniqueArns(desired)
        var changes = wanted.filter { !attachedSet.contains($0) }.map { Change.attachPolicy(arn: $0) }
        if prune {
            let wantedSet = Set(wanted)
            changes += attached.filter { !wantedSet.contains($0) }.map { Change.detachPolicy(arn: $0) }
        }
        return changes
    }

    private static func tagChanges(current: [RoleTag], desired: [RoleTag], prune: Bool) -> [Change] {
        let existing = TagSet(current)
        let wanted = TagSet(desired)
        var changes: [Change] = []
        for tag in wanted.tags {
            switch existing.value(for: tag.key) {
            case nil: changes.append(.addTag(tag))
            case let old? where old != tag.value: changes.append(.changeTag(key: tag.key, from: old, to: tag.value))
            default: break
            }
        }
        if prune {
            changes += existing.tags.filter { wanted.value(for: $0.key) == nil }.map { Change.removeTag($0) }
        }
        return changes
    }

    /// A put for each policy IAM lacks or holds with a document that means
    /// something else (compared as the trust policy is, so layout never
    /// counts); with prune, a delete for each one the role should not have.
    private static func inlinePolicyChanges(current: [RoleInlinePolicy], desired: [RoleInlinePolicy], prune: Bool) -> [Change] {
        var existing: [String: String] = [:]
        for policy in current { existing[policy.name] = policy.document }
        var wantedNames = Set<String>()
        var changes: [Change] = []
        for policy in desired where wantedNames.insert(policy.name).inserted {
            switch existing[policy.name] {
            case nil: changes.append(.putInlinePolicy(name: policy.name, from: nil, to: policy.document))
            case let old? where !inlinePoliciesAreEquivalent(old, policy.document):
                changes.append(.putInlinePolicy(name: policy.name, from: old, to: policy.document))
            default: break
            }
        }
        if prune {
            changes += current.filter { !wantedNames.contains($0.name) }.map { Change.deleteInlinePolicy(name: $0.name, document: $0.document) }
        }
        return changes
    }

    private static func uniqueArns(_ arns: [String]) -> [String] {
        var seen = Set<String>()
        return arns.filter { seen.insert($0).inserted }
    }
}
