import Foundation

/// Asks an apply to stop after the call in flight. Checked between steps, so
/// a call IAM is already processing is never cut off half-way.
public final class ApplyCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    public func cancel() {
        lock.withLock { requested = true }
    }

    public var isCancelled: Bool {
        lock.withLock { requested }
    }
}
