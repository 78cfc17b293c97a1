import Foundation
import Provisioning

/// The line a long apply of a set keeps at the bottom of the terminal:
/// roles done of total, calls in flight, time so far. Only on a terminal
/// and for text output; each finished role is printed above it.
final class RoleSetProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let started = Date()
    private var done = 0
    private var inFlight = 0
    private let draws: Bool
    private let style: TerminalStyle

    init(total: Int, draws: Bool, style: TerminalStyle) {
        self.total = total
        self.draws = draws
        self.style = style
    }

    /// Notes `event`; a finished role's line is printed with `say`.
    func note(_ event: RoleSetEvent, say: @Sendable (String) -> Void) {
        lock.withLock {
            switch event {
            case .roleStarted: break
            case .step(_, .started): inFlight += 1
            case .step(_, .succeeded), .step(_, .failed): inFlight = max(0, inFlight - 1)
            case .step: break
            case .roleFinished(let key, let result):
                done += 1
                if draws { Console.progress(nil) }
                let place = key.account.isEmpty ? "" : "\(key.account): "
                switch result.status {
                case .succeeded: say("  " + style.green("done     ") + place + key.roleName)
                case .failed: say("  " + style.red("failed   ") + place + key.roleName)
                case .cancelled: say("  " + style.yellow("stopped  ") + place + key.roleName)
                }
            }
            if draws {
                let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                Console.progress("  \(done) of \(total) roles done · \(inFlight) call\(inFlight == 1 ? "" : "s") in flight · \(seconds) s")
            }
        }
    }

    /// Clears the line at the end.
    func finish() {
        if draws { Console.progress(nil) }
    }
}
