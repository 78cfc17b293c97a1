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
/// each remover puts back exactly the action it found (a parent's
/// SIG_IGN, not the default). Serialized, since signal actions are
/// process-wide; only the non-fatal path of each handler is raised here
/// (the fatal ones are tested on real terminals under tmux).
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

    /// Runs `body` with `signals` ignored, then puts their actions back.
    static func withIgnored(_ signals: [Int32], _ body: () async throws -> Void) async rethrows {
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
        try await body()
    }

    static let ignored = unsafeBitCast(SIG_IGN, to: Int.self)

    /// Waits up to 10 s for `condition`.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<1000 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test func ctrlCReachesTheTrapAndRemovingItPutsBackWhatSIGINTDidBefore() async {
        await Self.withIgnored([SIGINT]) {
            let calls = Atomic<Int>(0)
            let trap = InterruptTrap { calls.add(1, ordering: .relaxed) }
            #expect(Self.handlerAddress(of: SIGINT) != Self.ignored)
            kill(getpid(), SIGINT)
            #expect(await Self.eventually { calls.load(ordering: .relaxed) == 1 })

            // A second trap while one is set is not installed: Ctrl-C still calls the first.
            let second = Atomic<Int>(0)
            let other = InterruptTrap { second.add(1, ordering: .relaxed) }
            kill(getpid(), SIGINT)
            #expect(await Self.eventually { calls.load(ordering: .relaxed) == 2 })
            #expect(second.load(ordering: .relaxed) == 0)
            other.remove()

            trap.remove()
            trap.remove()  // twice is harmless
            #expect(Self.handlerAddress(of: SIGINT) == Self.ignored, "the parent's SIG_IGN is back")
        }
    }

    @Test func terminalHandlersWakeTheLoopDeferTerminationAndAreRemovedWithoutATrace() async throws {
        try await Self.withIgnored([SIGWINCH, SIGTERM]) {
            let watched = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT]
            let before = watched.map(Self.handlerAddress(of:))
            var ends: [Int32] = [-1, -1]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]); close(ends[1]) }
            _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)

            TerminalSignals.install(wakeDescriptor: ends[1])
            kill(getpid(), SIGWINCH)
            // While deferred, the first SIGTERM is a byte for the loop, not the end.
            TerminalSignals.deferTermination(true)
            kill(getpid(), SIGTERM)
            var received: [UInt8] = []
            #expect(await Self.eventually {
                var byte: UInt8 = 0
                while read(ends[0], &byte, 1) == 1 { received.append(byte) }
                return received.count >= 2
            })
            #expect(received == [UInt8(SIGWINCH), UInt8(SIGTERM)])
            TerminalSignals.uninstall()

            #expect(watched.map(Self.handlerAddress(of:)) == before, "every action is the one found")
        }
    }
}
