import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end of the trap's pipe. A global because a signal handler can
/// capture nothing; an atomic, since the handler reads it on whatever thread
/// the signal lands on (a lock-free load is safe in signal context). Set
/// before the handler is installed and cleared after it is removed.
private let interruptPipeWriteEnd = Atomic<Int32>(-1)

/// Turns Ctrl-C (SIGINT) into a call of `onInterrupt` instead of killing
/// the process, for as long as the trap is set, so an apply can stop after
/// the IAM call in flight and say what it did.
///
/// The handler is a plain `sigaction` that writes a byte to a pipe, installed
/// before `init` returns. (A Dispatch signal source registers later, on
/// Dispatch's own thread; a Ctrl-C in that gap was dropped on a loaded
/// machine.) A thread of the trap's own reads the pipe and calls
/// `onInterrupt` outside signal context.
final class InterruptTrap: Sendable {
    private let writeEnd: Int32
    /// What SIGINT did before the trap (the default, or a parent's choice), put back by `remove()`.
    private let previous: sigaction

    init(onInterrupt: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            // No pipe, no trap: Ctrl-C keeps what it did and ends the process.
            writeEnd = -1
            previous = sigaction()
            return
        }
        let readEnd = ends[0]
        writeEnd = ends[1]
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        interruptPipeWriteEnd.store(writeEnd, ordering: .sequentiallyConsistent)

        let reader = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 { onInterrupt(); continue }
                if count < 0 && errno == EINTR { continue }
                break  // the write end was closed: the trap is gone
            }
            close(readEnd)
        }
        reader.name = "rolewiz.interrupt"
        reader.start()

        let handler: @convention(c) (Int32) -> Void = { _ in
            var byte: UInt8 = 1
            _ = write(interruptPipeWriteEnd.load(ordering: .relaxed), &byte, 1)
        }
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        var saved = sigaction()
        sigaction(SIGINT, &action, &saved)
        previous = saved

        // A parent may have started us with SIGINT blocked; the trap must see it.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// Puts back what SIGINT did before the trap (usually: Ctrl-C ends the process).
    func remove() {
        guard writeEnd >= 0 else { return }
        var restored = previous
        sigaction(SIGINT, &restored, nil)
        interruptPipeWriteEnd.store(-1, ordering: .sequentiallyConsistent)
        close(writeEnd)
    }
}
