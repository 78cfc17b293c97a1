import Foundation
import Testing
@testable import TerminalUI

/// The terminal loop's own thread: results and errors come back, and loops
/// that block do not take the cooperative threads background work needs.
@Suite("TerminalThread", .timeLimit(.minutes(1)))
struct TerminalThreadTests {
    struct Refused: Error, Equatable {}

    @Test func whatTheBodyReturnsOrThrowsComesBack() async throws {
        #expect(try await TerminalThread.run { 6 * 7 } == 42)
        await #expect(throws: Refused.self) { try await TerminalThread.run { throw Refused() } }
    }

    /// More blocked loops than the cooperative pool has threads: if they
    /// held those threads, the task that releases them could never run and
    /// the time limit would fail the test.
    @Test func blockedLoopsLeaveTheCooperativeThreadsFree() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let release = DispatchSemaphore(value: 0)
        let finished = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await TerminalThread.run {
                        // Bounded, so a broken implementation fails instead of hanging.
                        release.wait(timeout: .now() + 20) == .success ? index : -1
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(100))
                for _ in 0..<count { release.signal() }
                return count
            }
            var results: [Int] = []
            for try await value in group { results.append(value) }
            return results
        }
        #expect(finished.sorted() == Array(0...count))
    }
}
