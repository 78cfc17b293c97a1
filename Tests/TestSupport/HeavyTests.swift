import Foundation
import Synchronization
import Testing

/// Bounds how many heavy tests run at once: the ones that start servers,
/// subprocesses or tmux panes. Swift Testing would start them all together,
/// and on a 2-core machine moto and the panes then answer slower than the
/// time-outs under test. Mark a suite `@Suite(.heavy)`; each of its test
/// cases waits for one of a few permits.
///
/// The trait is also the heavy test's time limit, and it replaces
/// `.timeLimit`: Swift Testing's limit counts the time a test case spends
/// in scoping traits, so a test queued behind others for its permit would
/// time out without having run. Here the running limit starts when the
/// permit is held, and the wait for it has a bound of its own.
public struct HeavyTestTrait: SuiteTrait, TestTrait, TestScoping {
    /// How long a test case may run once it holds a permit. Past it the
    /// failure is recorded at once, the test is cancelled, and its permit
    /// goes to the next test even if the test ignores the cancellation.
    public var runningLimit: Duration
    /// How long the gate may go without giving back a permit before a
    /// waiting test fails. Every holder gives its permit back within its
    /// running limit, so a longer silence means the gate is stuck (however
    /// long the queue, which is all the heavy tests at the start of a run).
    public var stallLimit: Duration
    /// The gate the permits come from: the shared one, or a test's own.
    public var gate: HeavyTestGate

    public var isRecursive: Bool { true }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> HeavyTestTrait? {
        testCase == nil ? nil : self
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let clock = ContinuousClock()
        let asked = clock.now
        guard await gate.acquire(stallLimit: stallLimit) else {
            Issue.record("No heavy-test permit was given back for \(Self.seconds(stallLimit)) of waiting: a heavy test is stuck",
                         sourceLocation: test.sourceLocation)
            return
        }
        let waited = clock.now - asked
        let permit = HeavyTestGate.Permit(gate)
        do {
            try await Self.run(function, within: runningLimit) {
                Issue.record("Time limit was exceeded: ran for \(Self.seconds(runningLimit)) (after waiting \(Self.seconds(waited)) for a heavy-test permit)",
                             sourceLocation: test.sourceLocation)
                // A test that ignores its cancellation must not hold up the others.
                await permit.giveBack()
            }
        } catch {
            await permit.giveBack()
            throw error
        }
        await permit.giveBack()
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f s", Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// Runs `body`; if it is still running after `limit`, calls `onTimeout`
    /// at that moment (not once the body stops: it may never), cancels it
    /// and waits for it. Returns true when the body ended within the limit.
    /// What `body` throws is thrown.
    @discardableResult
    public static func run(
        _ body: @Sendable () async throws -> Void, within limit: Duration,
        onTimeout: @escaping @Sendable () async -> Void = {}
    ) async throws -> Bool {
        try await withoutActuallyEscaping(body) { body in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { try await body(); return true }
                group.addTask {
                    try await Task.sleep(for: limit)
                    await onTimeout()
                    return false
                }
                defer { group.cancelAll() }
                return try await group.next() ?? true
            }
        }
    }
}

extension Trait where Self == HeavyTestTrait {
    /// Runs each test case of the suite under the heavy-test limit, with 10
    /// minutes to run once it has its permit.
    public static var heavy: Self { .heavy(runningLimit: .seconds(600)) }

    /// The heavy-test limit with a running limit of the test's own; the
    /// stall limit is 5 minutes more than the running limit.
    public static func heavy(runningLimit: Duration, gate: HeavyTestGate = .shared) -> Self {
        HeavyTestTrait(runningLimit: runningLimit, stallLimit: runningLimit + .seconds(300), gate: gate)
    }
}

/// A counting semaphore for async code, first come first served, whose
/// waits end when it stops giving permits back.
public actor HeavyTestGate {
    /// The one gate every heavy test shares.
    public static let shared = HeavyTestGate(permits: 3)

    /// How many tests may hold a permit at once.
    public nonisolated let permits: Int
    /// Permits free now.
    public private(set) var available: Int
    private var waiters: [Waiter] = []
    private var nextWaiter = 0
    /// Counts the permits given back: a waiter's timer sees whether the
    /// gate moved since it last looked.
    private var releases = 0

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Bool, Never>
        let timer: Task<Void, Never>
    }

    /// A gate with `permits` permits, all free.
    public init(permits: Int) {
        self.permits = permits
        available = permits
    }

    /// How many are waiting for a permit.
    public var waiting: Int { waiters.count }

    /// Takes a permit: true when taken, false when the gate gave no permit
    /// back to anyone for `stallLimit` while this waited (then nothing is held).
    public func acquire(stallLimit: Duration) async -> Bool {
        if available > 0 {
            available -= 1
            return true
        }
        let id = nextWaiter
        nextWaiter += 1
        return await withCheckedContinuation { continuation in
            let timer = Task {
                var seen = releases
                while !Task.isCancelled {
                    try? await Task.sleep(for: stallLimit)
                    if Task.isCancelled { return }
                    if releases == seen {
                        expire(id)
                        return
                    }
                    seen = releases
                }
            }
            waiters.append(Waiter(id: id, continuation: continuation, timer: timer))
        }
    }

    /// Gives a permit back: to the longest waiter, or to the pool.
    public func release() {
        releases += 1
        guard !waiters.isEmpty else {
            available = min(available + 1, permits)
            return
        }
        let next = waiters.removeFirst()
        next.timer.cancel()
        next.continuation.resume(returning: true)
    }

    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }

    /// A held permit, given back once however many paths try (the end of
    /// the test, its error, its time-out).
    final class Permit: Sendable {
        private let gate: HeavyTestGate
        private let held = Mutex(true)

        init(_ gate: HeavyTestGate) { self.gate = gate }

        func giveBack() async {
            guard held.withLock({ held in defer { held = false }; return held }) else { return }
            await gate.release()
        }
    }
}
