import Foundation
import Testing
import TestSupport

/// The heavy-test trait's two bounds: a wait for a permit ends, and a test
/// that runs past its limit is cancelled and reported, while a test that
/// ends in time is not. Each case uses a gate of its own, not the shared one.
@Suite(.timeLimit(.minutes(1)))
struct HeavyTestGateTests {
    @Test func aWaitForAPermitEndsAtItsLimitAndHoldsNothing() async {
        let gate = HeavyTestGate(permits: 1)
        #expect(await gate.acquire(within: .seconds(5)))
        let started = ContinuousClock.now
        #expect(await !gate.acquire(within: .milliseconds(50)))
        // Nothing releases: without its limit the wait would last until the suite's.
        #expect(ContinuousClock.now - started < .seconds(30))
        // The expired wait took nothing: one release makes one permit.
        await gate.release()
        #expect(await gate.acquire(within: .milliseconds(50)))
        #expect(await !gate.acquire(within: .milliseconds(50)))
    }

    @Test func aReleaseGoesToTheLongestWaiter() async {
        let gate = HeavyTestGate(permits: 1)
        #expect(await gate.acquire(within: .seconds(5)))
        let waiter = Task { await gate.acquire(within: .seconds(30)) }
        try? await Task.sleep(for: .milliseconds(50))
        await gate.release()
        #expect(await waiter.value)
        // The permit went to the waiter, not back to the pool.
        #expect(await !gate.acquire(within: .milliseconds(50)))
    }

    @Test func aBodyPastItsLimitIsCancelledAndReported() async throws {
        let started = ContinuousClock.now
        let finished = try await HeavyTestTrait.run({ try await Task.sleep(for: .seconds(300)) }, within: .milliseconds(50))
        #expect(!finished)
        // Loose on purpose (a loaded machine is slow); uncancelled it would take 300 s.
        #expect(ContinuousClock.now - started < .seconds(30), "the body was not cancelled")
    }

    @Test func aBodyThatEndsInTimeFinishesAndItsErrorIsThrown() async throws {
        #expect(try await HeavyTestTrait.run({}, within: .seconds(30)))
        struct Failure: Error {}
        await #expect(throws: Failure.self) {
            try await HeavyTestTrait.run({ throw Failure() }, within: .seconds(30))
        }
    }
}
