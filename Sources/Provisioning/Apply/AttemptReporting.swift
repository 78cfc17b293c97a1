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
    /// Wire this into the IAM client's request observer. The composition root
    /// does, for example:
    ///
    ///     observer: { attempt in Applier.noteAttempt(action: attempt.action, attempt: attempt.number, reason: attempt.reason) }
    ///
    /// Attempts after the first, for the action of the step being applied in
    /// the calling task, become `.retried` events; everything else (reads,
    /// first attempts, calls outside an apply) is ignored.
    public static func noteAttempt(action: String, attempt: Int, reason: String) {
        guard attempt > 1, let active = ActiveStep.current, active.step.action == action else { return }
        active.emit(.retried(active.step, attempt: attempt, reason: reason))
    }
}
