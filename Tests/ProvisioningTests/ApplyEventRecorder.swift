import Foundation
import Provisioning

/// Collects apply events from whichever task reports them.
final class ApplyEventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [ApplyEvent] = []
    /// Runs on each event, after it is recorded (for example to cancel).
    private let reaction: @Sendable (ApplyEvent) -> Void

    init(reaction: @escaping @Sendable (ApplyEvent) -> Void = { _ in }) {
        self.reaction = reaction
    }

    var events: [ApplyEvent] { lock.withLock { recorded } }

    var record: @Sendable (ApplyEvent) -> Void {
        { event in
            self.lock.withLock { self.recorded.append(event) }
            self.reaction(event)
        }
    }
}
