import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) into a call of `onInterrupt` instead of killing
/// the process, for as long as the trap is set, so an apply can stop after
/// the IAM call in flight and say what it did.
final class InterruptTrap {
    private let source: any DispatchSourceSignal

    init(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: onInterrupt)
        source.resume()
    }

    /// Restores the default: Ctrl-C ends the process.
    func remove() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
