internal import IAMClient

/// One apply in progress: runs the steps in order, attachments concurrently,
/// and keeps the journal of what was done, failed and not started.
///
/// After a failed step no new step starts (attachments already running
/// finish), because later steps may depend on earlier ones; the journal
/// says where to pick up, and a new plan picks up exactly there.
struct ApplyRun {
    let performer: StepPerformer
    let maxConcurrentCalls: Int
    let cancellation: ApplyCancellation

    private(set) var roleArn: String?
    private var completed: [ApplyStep] = []
    private var failures: [StepFailure] = []
    private var notStarted: [ApplyStep] = []
    private var stoppedOnRequest = false

    init(performer: StepPerformer, roleArn: String?, maxConcurrentCalls: Int, cancellation: ApplyCancellation) {
        self.performer = performer
        self.roleArn = roleArn
        self.maxConcurrentCalls = max(1, maxConcurrentCalls)
        self.cancellation = cancellation
    }

    private var stopRequested: Bool { cancellation.isCancelled || Task.isCancelled }

    mutating func run(_ steps: [ApplyStep]) async -> ApplyResult {
        var pending = steps[...]
        while let step = pending.first, failures.isEmpty {
            if stopRequested {
                stoppedOnRequest = true
                break
            }
            if step.runsConcurrently {
                let group = Array(pending.prefix(while: \.runsConcurrently))
                pending.removeFirst(group.count)
                await runConcurrently(group)
            } else {
                pending.removeFirst()
                let followUps = await runAlone(step)
                pending.insert(contentsOf: followUps.filter { !$0.isUnsupported }, at: pending.startIndex)
                pending.append(contentsOf: followUps.filter(\.isUnsupported))
            }
        }
        notStarted += pending
        return finish()
    }

    private mutating func finish() -> ApplyResult {
        let status: ApplyResult.Status
        if !failures.isEmpty {
            status = .failed
        } else if stoppedOnRequest {
            status = .cancelled
        } else {
            status = .succeeded
        }
        if stoppedOnRequest {
            performer.emit(.cancelled(notStarted: notStarted))
        }
        if status == .succeeded, let roleArn {
            performer.emit(.finished(roleArn: roleArn))
        }
        return ApplyResult(
            status: status, roleArn: roleArn, completed: completed, failures: failures, notStarted: notStarted
        )
    }

    /// Runs one step; returns the steps it calls for (after CreateRole found
    /// the role already there).
    private mutating func runAlone(_ step: ApplyStep) async -> [ApplyStep] {
        performer.emit(.started(step))
        do {
            if let role = try await performer.perform(step) {
                roleArn = role.arn
            }
            record(step, failure: nil)
            return []
        } catch {
            if case .createRole(let role) = step, error.awsErrorCode == AWSErrorCode.entityAlreadyExists {
                do {
                    let followUps = try await adoptExistingRole(role, conflict: error)
                    record(step, failure: nil)
                    return followUps
                } catch {
                    record(step, failure: StepFailure(step: step, error: error))
                    return []
                }
            }
            record(step, failure: StepFailure(step: step, error: error))
            return []
        }
    }

    /// CreateRole answered EntityAlreadyExists, typically because an earlier
    /// attempt whose reply was lost did create it. Read the role back and
    /// return the updates that make it what was asked for (none when it was
    /// this run's own create), rather than calling it a conflict.
    private mutating func adoptExistingRole(_ role: NewRole, conflict: any Error) async throws -> [ApplyStep] {
        guard let current = try await Planner(iam: performer.iam).currentRole(named: role.roleName) else {
            throw conflict
        }
        roleArn = current.role.arn
        return ApplyStep.steps(for: Planner.changes(from: current, to: role.desiredRole, prune: false))
    }

    /// Runs independent steps with at most `maxConcurrentCalls` in flight;
    /// a stop request or a failure keeps new ones from starting.
    private mutating func runConcurrently(_ steps: [ApplyStep]) async {
        let performer = performer
        let limit = maxConcurrentCalls
        let cancellation = cancellation
        let (outcomes, unstarted) = await withTaskGroup(of: (ApplyStep, StepFailure?).self) { group in
            var waiting = steps[...]
            var outcomes: [(ApplyStep, StepFailure?)] = []
            var running = 0
            while true {
                let mayStart = !cancellation.isCancelled && !Task.isCancelled && outcomes.allSatisfy { $0.1 == nil }
                while mayStart, running < limit, let step = waiting.popFirst() {
                    performer.emit(.started(step))
                    group.addTask {
                        do {
                            _ = try await performer.perform(step)
                            return (step, nil)
                        } catch {
                            return (step, StepFailure(step: step, error: error))
                        }
                    }
                    running += 1
                }
                guard let outcome = await group.next() else { break }
                running -= 1
                outcomes.append(outcome)
                performer.emit(ApplyEvent.outcome(of: outcome.0, failure: outcome.1))
            }
            return (outcomes, Array(waiting))
        }
        for (step, failure) in outcomes {
            journal(step, failure: failure)
        }
        if !unstarted.isEmpty, failures.isEmpty {
            stoppedOnRequest = true
        }
        notStarted += unstarted
    }

    /// Reports and journals a step run on its own.
    private mutating func record(_ step: ApplyStep, failure: StepFailure?) {
        performer.emit(ApplyEvent.outcome(of: step, failure: failure))
        journal(step, failure: failure)
    }

    private mutating func journal(_ step: ApplyStep, failure: StepFailure?) {
        if let failure { failures.append(failure) } else { completed.append(step) }
    }
}

private extension ApplyEvent {
    static func outcome(of step: ApplyStep, failure: StepFailure?) -> ApplyEvent {
        failure.map { .failed(step, $0) } ?? .succeeded(step)
    }
}

private extension ApplyStep {
    var isUnsupported: Bool {
        if case .unsupported = self { true } else { false }
    }
}
