import Foundation
import Testing
import TestSupport

/// `Processes.run`, which every CLI test goes through: a child that does not
/// read its input still gives its status and output (and does not kill the
/// test process with SIGPIPE), large output is kept whole, and a child that
/// hangs is stopped and reported.
@Suite(.timeLimit(.minutes(10)))
struct ProcessRunTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")
    static let mebibyte = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)

    @Test func aChildThatDoesNotReadItsInputKeepsItsStatusAndOutput() async throws {
        // Its input closed while it still runs, so the write meets EPIPE
        // (SIGPIPE) for certain, not only when it loses the race with the exit.
        let script = "exec 0<&-; sleep 0.2; printf 'did not read'; exit 3"
        let result = try await Processes.run(
            Self.shell, arguments: ["-c", script], environment: Processes.minimalEnvironment(), stdin: Self.mebibyte, timeout: 60)
        #expect(result.exitCode == 3)
        #expect(result.stdout == "did not read")
        #expect(!result.timedOut)
    }

    @Test func inputAndLargeOutputOnBothPipesArriveWhole() async throws {
        let script = "cat; head -c 3000000 /dev/zero | tr '\\0' e >&2"
        let result = try await Processes.run(
            Self.shell, arguments: ["-c", script], environment: Processes.minimalEnvironment(), stdin: Self.mebibyte, timeout: 60)
        #expect(result.exitCode == 0)
        #expect(Data(result.stdout.utf8) == Self.mebibyte)
        #expect(Data(result.stderr.utf8) == Data(repeating: UInt8(ascii: "e"), count: 3_000_000))
    }

    @Test func aChildPastItsTimeOutIsStoppedAndReported() async throws {
        let started = Date()
        let result = try await Processes.run(
            Self.shell, arguments: ["-c", "echo started; exec sleep 120"], environment: Processes.minimalEnvironment(), timeout: 1)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.timedOut)
        #expect(result.exitCode == SIGTERM, "sleep dies of the SIGTERM it is sent first")
        #expect(result.stdout == "started\n", "what it printed before the time-out is kept")
        // Far below the child's 120 s, with room for a loaded machine (moto
        // starting in parallel has held the concurrency pool for 9 s).
        #expect(elapsed < 30, "stopped \(elapsed) s after it started")
    }
}
