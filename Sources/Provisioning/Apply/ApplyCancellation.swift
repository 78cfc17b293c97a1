import Foundation

/// Asks an apply to stop after the call in flight. Checked between steps, so
/// a call IAM is already processing is never cut off half-way.
public final class ApplyCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    /// Not yet cancelled; share one between the apply and whatever may stop it.
    public init() {}

    /// Asks the apply to stop; safe from any thread, and calling it again does nothing more.
    public func cancel() {
        lock.withLock { requested = true }
    }

    /// True once `cancel()` was called; an apply checks it before starting each step.
    public var isCancelled: Bool {
        lock.withLock { requested }
    }
}
