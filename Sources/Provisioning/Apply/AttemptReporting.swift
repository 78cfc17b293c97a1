public import IAMClient

/// The step a task is performing, so that the IAM client's request observer,
/// which runs in the same task as the call it reports on, can be turned into
/// `ApplyEvent.retried` for exactly that step, even when several attachments
/// with the same action run at once.
struct ActiveStep: Sendable {
    @TaskLocal static var current: ActiveStep?

    var step: ApplyStep
    var emit: @Sendable (ApplyEvent) -> Void
}

extension Applier {
    /// Add this to the session once (`session.addObserver(Applier.requestObserver)`):
    /// each attempt the IAM client is about to repeat for a step being applied
    /// becomes `.retried` with the attempt that follows and why.
    public static let requestObserver: RequestObserver = { event in
        guard event.willRetry else { return }
        let reason = event.errorCode
            ?? event.transportError.map { "no response (\($0.kind.rawValue))" }
            ?? "HTTP \(event.httpStatus.map(String.init) ?? "?")"
        noteAttempt(action: event.action, attempt: event.attempt + 1, reason: reason)
    }

    /// Reports attempt `attempt` (1-based) of `action` in the calling task.
    /// Attempts after the first, for the action of the step being applied in
    /// this task, become `.retried` events; everything else (reads, first
    /// attempts, calls outside an apply) is ignored.
    public static func noteAttempt(action: String, attempt: Int, reason: String) {
        guard attempt > 1, let active = ActiveStep.current, active.step.action == action else { return }
        active.emit(.retried(active.step, attempt: attempt, reason: reason))
    }
}
