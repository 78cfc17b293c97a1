import Foundation
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
    /// How long a test case may run once it holds a permit; past it the
    /// test fails and is cancelled, and its permit is given back once it
    /// has stopped.
    public var runningLimit: Duration
    /// How long a test case may wait for a permit. Every holder is bounded
    /// by its running limit, so reaching this means the gate is stuck.
    public var waitingLimit: Duration

    public var isRecursive: Bool { true }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> HeavyTestTrait? {
        testCase == nil ? nil : self
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let gate = HeavyTestGate.shared
        let clock = ContinuousClock()
        let asked = clock.now
        guard await gate.acquire(within: waitingLimit) else {
            Issue.record("Waited \(Self.seconds(waitingLimit)) for one of the \(gate.permits) heavy-test permits: a heavy test is stuck", sourceLocation: test.sourceLocation)
            return
        }
        let waited = clock.now - asked
        do {
            let finished = try await Self.run(function, within: runningLimit)
            if !finished {
                Issue.record("Time limit was exceeded: ran for \(Self.seconds(runningLimit)) (after waiting \(Self.seconds(waited)) for a heavy-test permit)", sourceLocation: test.sourceLocation)
            }
        } catch {
            await gate.release()
            throw error
        }
        await gate.release()
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f s", Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// Runs `body` and returns true when it ends within `limit`; otherwise
    /// cancels it, waits for it to stop, and returns false. What `body`
    /// throws is thrown.
    public static func run(_ body: @Sendable () async throws -> Void, within limit: Duration) async throws -> Bool {
        try await withoutActuallyEscaping(body) { body in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { try await body(); return true }
                group.addTask {
                    try await Task.sleep(for: limit)
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
    /// minutes to run once it has its permit and 25 to get one.
    public static var heavy: Self { .heavy(runningLimit: .seconds(600)) }

    /// The heavy-test limit with a running limit of the test's own.
    public static func heavy(runningLimit: Duration, waitingLimit: Duration = .seconds(1500)) -> Self {
        HeavyTestTrait(runningLimit: runningLimit, waitingLimit: waitingLimit)
    }
}

/// A counting semaphore for async code whose waits are bounded.
public actor HeavyTestGate {
    /// The one gate every heavy test shares.
    public static let shared = HeavyTestGate(permits: 3)

    /// How many tests may hold a permit at once.
    public nonisolated let permits: Int
    private var available: Int
    private var waiters: [Waiter] = []
    private var nextWaiter = 0

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

    /// Takes a permit, waiting at most `limit` for one: true when it was
    /// taken, false when the wait ran out (and then nothing is held).
    public func acquire(within limit: Duration) async -> Bool {
        if available > 0 {
            available -= 1
            return true
        }
        let id = nextWaiter
        nextWaiter += 1
        return await withCheckedContinuation { continuation in
            let timer = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled { self.expire(id) }
            }
            waiters.append(Waiter(id: id, continuation: continuation, timer: timer))
        }
    }

    /// Gives a permit back: to the longest waiter, or to the pool.
    public func release() {
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
}
