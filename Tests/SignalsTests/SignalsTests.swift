#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Signals
import Synchronization
import Testing

/// The handlers, in this process: each installer hears its signals, and
/// each remover puts back exactly the action it found (a parent's SIG_IGN,
/// not the default), in either order when the trap and the terminal's set
/// overlap. Serialized, since signal actions are process-wide, and
/// synchronous, so that installing and removing (which also set this
/// thread's signal mask) happen on one thread. Only the non-fatal path of
/// each handler is raised here; the fatal ones are tested on real
/// terminals under tmux.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct SignalsTests {
    /// A signal's handler as an address, to compare actions.
    static func handlerAddress(of signal: Int32) -> Int {
        var current = sigaction()
        sigaction(signal, nil, &current)
        #if canImport(Glibc)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        #else
        return unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self)
        #endif
    }

    static let ignored = unsafeBitCast(SIG_IGN, to: Int.self)

    /// Runs `body` with `signals` ignored, then puts their actions back.
    static func withIgnored(_ signals: [Int32], _ body: () throws -> Void) rethrows {
        var saved: [Int32: sigaction] = [:]
        for signal in signals {
            var ignore = sigaction()
            #if canImport(Glibc)
            ignore.__sigaction_handler.sa_handler = SIG_IGN
            #else
            ignore.__sigaction_u.__sa_handler = SIG_IGN
            #endif
            var old = sigaction()
            sigaction(signal, &ignore, &old)
            saved[signal] = old
        }
        defer { for (signal, var old) in saved { sigaction(signal, &old, nil) } }
        try body()
    }

    /// Polls `condition` for up to 10 s on this thread.
    static func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<1000 {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    /// A non-blocking pipe whose read end collects what handlers write.
    final class WakePipe {
        let readEnd: Int32, writeEnd: Int32
        private(set) var received: [UInt8] = []

        init() throws {
            var ends: [Int32] = [-1, -1]
            try #require(pipe(&ends) == 0)
            (readEnd, writeEnd) = (ends[0], ends[1])
            _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        }

        deinit { close(readEnd); close(writeEnd) }

        /// Waits until the byte for `signal` has arrived.
        func waitFor(_ signal: Int32) -> Bool {
            SignalsTests.eventually {
                var byte: UInt8 = 0
                while read(readEnd, &byte, 1) == 1 { received.append(byte) }
                return received.contains(UInt8(signal))
            }
        }
    }

    @Test func ctrlCReachesTheTrapAndRemovingItPutsBackWhatSIGINTDidBefore() {
        Self.withIgnored([SIGINT]) {
            let calls = Atomic<Int>(0)
            let trap = InterruptTrap { calls.add(1, ordering: .relaxed) }
            #expect(Self.handlerAddress(of: SIGINT) != Self.ignored)
            kill(getpid(), SIGINT)
            #expect(Self.eventually { calls.load(ordering: .relaxed) == 1 })

            // A second trap while one is set is not installed: Ctrl-C still calls the first.
            let second = Atomic<Int>(0)
            let other = InterruptTrap { second.add(1, ordering: .relaxed) }
            kill(getpid(), SIGINT)
            #expect(Self.eventually { calls.load(ordering: .relaxed) == 2 })
            #expect(second.load(ordering: .relaxed) == 0)
            other.remove()

            trap.remove()
            trap.remove()  // twice is harmless
            #expect(Self.handlerAddress(of: SIGINT) == Self.ignored, "the parent's SIG_IGN is back")
            #expect(calls.load(ordering: .relaxed) == 2)
        }
    }

    @Test func terminalHandlersWakeTheLoopDeferTerminationAndAreRemovedWithoutATrace() throws {
        try Self.withIgnored([SIGWINCH, SIGTERM]) {
            let watched = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT]
            let before = watched.map(Self.handlerAddress(of:))
            let wake = try WakePipe()

            TerminalSignals.install(wakeDescriptor: wake.writeEnd)
            kill(getpid(), SIGWINCH)
            #expect(wake.waitFor(SIGWINCH))
            // While deferred, the first SIGTERM is a byte for the loop, not the end.
            TerminalSignals.deferTermination(true)
            kill(getpid(), SIGTERM)
            #expect(wake.waitFor(SIGTERM))
            #expect(wake.received == [UInt8(SIGWINCH), UInt8(SIGTERM)])
            TerminalSignals.uninstall()

            #expect(watched.map(Self.handlerAddress(of:)) == before, "every action is the one found")
        }
    }

    /// The trap set first, the terminal's handlers over it: whichever is
    /// removed first, SIGINT ends where it began, and while one remains,
    /// Ctrl-C still does what that one says.
    @Test(arguments: [true, false])
    func overlappingTrapAndTerminalPutSIGINTBackInEitherOrder(trapRemovedFirst: Bool) throws {
        try Self.withIgnored([SIGINT]) {
            let wake = try WakePipe()
            let calls = Atomic<Int>(0)
            let trap = InterruptTrap { calls.add(1, ordering: .relaxed) }
            TerminalSignals.install(wakeDescriptor: wake.writeEnd)
            TerminalSignals.deferTermination(true)  // so a SIGINT here is a byte, not the end
            let terminalHandler = Self.handlerAddress(of: SIGINT)

            if trapRemovedFirst {
                trap.remove()
                #expect(Self.handlerAddress(of: SIGINT) == terminalHandler, "the terminal keeps SIGINT while it is installed")
                TerminalSignals.uninstall()
            } else {
                TerminalSignals.uninstall()
                #expect(Self.handlerAddress(of: SIGINT) != Self.ignored, "the trap keeps SIGINT while it is set")
                kill(getpid(), SIGINT)
                #expect(Self.eventually { calls.load(ordering: .relaxed) == 1 }, "Ctrl-C still reaches the trap")
                trap.remove()
            }
            #expect(Self.handlerAddress(of: SIGINT) == Self.ignored, "the parent's SIG_IGN is back")
        }
    }
}
