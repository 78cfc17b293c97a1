/// Progress of an apply, in the order things happen, for a screen or a printer.
///
/// Every step reports `started` and then `succeeded` or `failed`; attachment
/// steps run concurrently, so their events interleave. The last event is
/// `finished` when everything was done, `cancelled` when the apply was asked
/// to stop, and otherwise the last `failed`.
public enum ApplyEvent: Sendable, Hashable {
    case started(ApplyStep)
    /// The IAM client is trying the step's call again (see `Applier.noteAttempt`).
    case retried(ApplyStep, attempt: Int, reason: String)
    case succeeded(ApplyStep)
    case failed(ApplyStep, StepFailure)
    /// The apply stopped on request; these steps were not started.
    case cancelled(notStarted: [ApplyStep])
    case finished(roleArn: String)
}
