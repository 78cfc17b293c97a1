#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import Signals

/// A run that ended on SIGTERM, SIGHUP (an SSH connection dropped) or
/// SIGINT. The loop first let the screens' work in flight finish (an apply
/// stops after the IAM call in flight), then restored the terminal; the
/// caller says what was done and `end()`s the process by the same signal,
/// so the shell and any supervisor see what ended it.
public struct Termination: Sendable, Equatable {
    /// The signal number, as `<signal.h>` gives it.
    public let signal: Int32

    /// A termination by `signal`.
    public init(signal: Int32) {
        self.signal = signal
    }

    /// The signal's name for messages (`SIGTERM`), or its number for any other.
    public var name: String {
        switch signal {
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        case SIGINT: "SIGINT"
        default: "signal \(signal)"
        }
    }

    /// How long the loop waits for work in flight before it ends anyway.
    static let gracePeriod: Duration = .seconds(30)

    /// Ends the process by the signal's default action.
    public func end() -> Never {
        endProcess(bySignal: signal)
    }
}
