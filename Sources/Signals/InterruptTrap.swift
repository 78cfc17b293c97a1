#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
internal import CSignals

/// Turns Ctrl-C (SIGINT) into a call of `onInterrupt` instead of killing
/// the process, for as long as the trap is set, so an apply can stop after
/// the IAM call in flight and say what it did.
///
/// The handler (in CSignals, installed before `init` returns) writes a byte
/// to a pipe; a thread of the trap's own reads it and calls `onInterrupt`
/// outside signal context. (A Dispatch signal source registers later, on
/// Dispatch's own thread; a Ctrl-C in that gap was dropped on a loaded
/// machine.) One trap at a time: a second one while the first is set is
/// not installed, and Ctrl-C keeps calling the first. Once `remove()` has
/// begun, bytes left in the pipe call nothing (a call already under way
/// may still finish).
public final class InterruptTrap: Sendable {
    /// The pipe's write end while the trap is set; -1 once removed (or never set).
    private let writeEnd: Atomic<Int32>
    /// Set by `remove()`: a byte still in the pipe then calls nothing.
    private let removed: Flag

    private final class Flag: Sendable {
        let isSet = Atomic<Bool>(false)
    }

    /// Sets the trap; `onInterrupt` runs on the trap's thread for each Ctrl-C.
    public init(onInterrupt: @escaping @Sendable () -> Void) {
        let removed = Flag()
        self.removed = removed
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            // No pipe, no trap: Ctrl-C keeps what it did and ends the process.
            writeEnd = Atomic(-1)
            return
        }
        let readEnd = ends[0]
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)

        let reader = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 {
                    if !removed.isSet.load(ordering: .sequentiallyConsistent) { onInterrupt() }
                    continue
                }
                if count < 0 && errno == EINTR { continue }
                break  // the write end was closed: the trap is gone
            }
            close(readEnd)
        }
        reader.name = "rolewiz.interrupt"
        reader.start()

        guard rws_trap_interrupt(ends[1]) == 0 else {
            close(ends[1])  // ends the reader
            writeEnd = Atomic(-1)
            return
        }
        writeEnd = Atomic(ends[1])
    }

    /// Puts back what SIGINT did before the trap (usually: Ctrl-C ends the
    /// process). Safe to call twice.
    public func remove() {
        let end = writeEnd.exchange(-1, ordering: .sequentiallyConsistent)
        guard end >= 0 else { return }
        removed.isSet.store(true, ordering: .sequentiallyConsistent)
        // Returns once no handler can still write to `end`, so closing it
        // cannot send a byte into a descriptor that reuses its number.
        rws_release_interrupt()
        close(end)
    }
}
