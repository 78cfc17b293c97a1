import Foundation
import Testing
import TestSupport

/// The heavy-test trait's two bounds: a wait for a permit ends when the
/// gate stops giving permits back, and a test that runs past its limit is
/// reported at that moment, cancelled, and its permit passed on. Each case
/// uses a gate of its own, not the shared one.
@Suite(.timeLimit(.minutes(1)))
struct HeavyTestGateTests {
    /// Waits (up to 20 s) until `gate` has `count` waiters.
    static func waitUntil(_ gate: HeavyTestGate, hasWaiting count: Int) async -> Bool {
        for _ in 0..<2000 {
            if await gate.waiting == count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test func aWaitEndsWhenTheGateGivesNothingBackAndHoldsNothing() async {
        let gate = HeavyTestGate(permits: 1)
        #expect(await gate.acquire(stallLimit: .seconds(5)))
        // Nothing releases: without its limit the wait would last past the suite's.
        #expect(await !gate.acquire(stallLimit: .milliseconds(50)))
        #expect(await gate.waiting == 0)
        // The expired wait took nothing: one release makes one permit.
        await gate.release()
        #expect(await gate.available == 1)
    }

    @Test func aWaitGoesOnWhileTheGateKeepsGivingPermitsBack() async {
        let gate = HeavyTestGate(permits: 1)
        #expect(await gate.acquire(stallLimit: .seconds(5)))
        var ahead: [Task<Bool, Never>] = []
        for count in 1...60 {
            ahead.append(Task { await gate.acquire(stallLimit: .seconds(50)) })
            #expect(await Self.waitUntil(gate, hasWaiting: count))
        }
        let last = Task { await gate.acquire(stallLimit: .seconds(5)) }
        #expect(await Self.waitUntil(gate, hasWaiting: 61))
        // A permit back every 100 ms, 6 s in all: longer than the last waiter's
        // stall limit, but the gate never stalls that long.
        for task in ahead {
            try? await Task.sleep(for: .milliseconds(100))
            await gate.release()  // a holder's test ended; the next in line gets the permit
            #expect(await task.value)
        }
        await gate.release()
        #expect(await last.value, "it waited past its stall limit because permits kept coming back")
    }

    @Test func permitsGoToWaitersInTheOrderTheyCame() async {
        let gate = HeavyTestGate(permits: 1)
        #expect(await gate.acquire(stallLimit: .seconds(5)))
        let order = OrderLog()
        let first = Task { if await gate.acquire(stallLimit: .seconds(20)) { await order.append(1) } }
        #expect(await Self.waitUntil(gate, hasWaiting: 1))
        let second = Task { if await gate.acquire(stallLimit: .seconds(20)) { await order.append(2) } }
        #expect(await Self.waitUntil(gate, hasWaiting: 2))
        await gate.release()
        await first.value
        #expect(await order.entries == [1])
        #expect(await gate.waiting == 1, "the permit went to the first waiter, not the pool")
        await gate.release()
        await second.value
        #expect(await order.entries == [1, 2])
        await gate.release()
        #expect(await gate.available == 1)
    }

    @Test func aTestPastItsLimitIsReportedCancelledAndItsPermitGivenBack() async throws {
        let gate = HeavyTestGate(permits: 1)
        let trait = HeavyTestTrait.heavy(runningLimit: .milliseconds(50), gate: gate)
        let test = try #require(Test.current)
        // The body sleeps 300 s: uncancelled, it would run past the suite's limit.
        try await withKnownIssue("the trait records the time-out") {
            try await trait.provideScope(for: test, testCase: Test.Case.current) {
                try await Task.sleep(for: .seconds(300))
            }
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("Time limit was exceeded") }
        }
        #expect(await gate.available == 1, "the permit is back")
    }

    @Test func theTimeOutIsReportedEvenWhenTheBodyIgnoresItsCancellation() async throws {
        let reported = OrderLog(), seen = OrderLog()
        let finished = try await HeavyTestTrait.run({
            // Ignores its cancellation and goes on until the report has been made
            // (40 s at most): a report that waited for the body to stop never comes.
            let end = ContinuousClock.now + .seconds(40)
            while ContinuousClock.now < end {
                if await !reported.entries.isEmpty {
                    await seen.append(1)
                    return
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
        }, within: .milliseconds(50)) {
            await reported.append(1)
        }
        #expect(!finished)
        #expect(await reported.entries == [1])
        #expect(await seen.entries == [1], "the time-out was reported while the body was still running")
    }

    @Test func aBodyThatEndsInTimeFinishesAndItsErrorIsThrown() async throws {
        #expect(try await HeavyTestTrait.run({}, within: .seconds(30)))
        struct Failure: Error {}
        await #expect(throws: Failure.self) {
            try await HeavyTestTrait.run({ throw Failure() }, within: .seconds(30))
        }
    }
}

/// What happened, in order, across tasks.
private actor OrderLog {
    private(set) var entries: [Int] = []
    func append(_ entry: Int) { entries.append(entry) }
}
