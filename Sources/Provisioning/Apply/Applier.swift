public import IAMClient

/// Carries out a `Plan` with the fewest, safest IAM calls.
///
/// A new role is created complete in one CreateRole call (trust policy,
/// description, max session, path, boundary, tags), then its policies are
/// attached concurrently. An existing role gets at most one call each of
/// UpdateAssumeRolePolicy, UpdateRole, TagRole and UntagRole, then the
/// attachments, detachments and inline policy puts and deletions
/// concurrently; then the role's own instance profile, created and the role
/// added to it. An empty plan makes no call.
///
/// Re-running after a failure, a cancellation or a lost reply converges:
/// plan again and apply; a CreateRole that finds its role already there
/// reads it back instead of failing, attaching an attached policy and
/// detaching a detached one count as done, and a PutRolePolicy again
/// replaces the document with the same one. A profile made before a failure
/// is found empty by the next plan, which only adds the role to it.
public struct Applier: Sendable {
    /// The IAM client every call goes through; a fake one in tests.
    public let iam: any IAMOperations
    /// How many attach/detach calls may be in flight at once.
    public let maxConcurrentCalls: Int

    /// `maxConcurrentCalls` bounds the steps that run concurrently (attachments, detachments,
    /// inline policies); below 1 counts as 1.
    public init(iam: any IAMOperations, maxConcurrentCalls: Int = 4) {
        self.iam = iam
        self.maxConcurrentCalls = maxConcurrentCalls
    }

    /// The calls `apply` will make for `plan`, in order (CreateRole may add
    /// updates if it finds the role already there).
    public static func steps(for plan: Plan) -> [ApplyStep] {
        ApplyStep.steps(for: plan.changes)
    }

    /// Applies `plan`, reporting progress to `onEvent` (which may be called
    /// from several tasks, never twice at once for the same step).
    public func apply(
        _ plan: Plan,
        cancellation: ApplyCancellation = ApplyCancellation(),
        onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
    ) async -> ApplyResult {
        await run(Self.steps(for: plan), roleName: plan.roleName, roleArn: plan.roleArn, cancellation: cancellation, onEvent: onEvent)
    }

    /// Runs `steps` on role `roleName` as an apply runs a plan's (in order,
    /// independent ones concurrently, nothing new after a failure or a stop):
    /// for work that is not a plan, such as deleting the role.
    public func run(
        _ steps: [ApplyStep], roleName: String, roleArn: String?,
        cancellation: ApplyCancellation = ApplyCancellation(),
        onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
    ) async -> ApplyResult {
        let performer = StepPerformer(iam: iam, roleName: roleName, emit: onEvent)
        var run = ApplyRun(performer: performer, roleArn: roleArn, maxConcurrentCalls: maxConcurrentCalls, cancellation: cancellation)
        return await run.run(steps)
    }

    /// Starts applying `plan` in a new task; follow `events` (which ends when
    /// the apply does) and await `result`.
    public func start(_ plan: Plan, cancellation: ApplyCancellation = ApplyCancellation()) -> ApplyProgress {
        let (events, continuation) = AsyncStream.makeStream(of: ApplyEvent.self)
        let result = Task {
            let result = await apply(plan, cancellation: cancellation) { continuation.yield($0) }
            continuation.finish()
            return result
        }
        return ApplyProgress(events: events, result: result, cancellation: cancellation)
    }
}

/// An apply running in its own task.
public struct ApplyProgress: Sendable {
    /// Every event of the apply, in order; the stream ends when the apply does.
    public let events: AsyncStream<ApplyEvent>
    /// The apply's outcome; it never throws, failures are in the result.
    public let result: Task<ApplyResult, Never>
    /// Stops the apply after the call in flight.
    public let cancellation: ApplyCancellation
}
