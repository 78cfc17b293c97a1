import Testing

/// Bounds how many heavy tests run at once: the ones that start servers,
/// subprocesses or tmux panes. Swift Testing would start them all together,
/// and on a 2-core machine moto and the panes then answer slower than the
/// time-outs under test. Mark a suite `@Suite(.heavy)`; each of its test
/// cases waits for one of a few permits.
public struct HeavyTestTrait: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> HeavyTestTrait? {
        testCase == nil ? nil : self
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        await HeavyTestGate.shared.acquire()
        do {
            try await function()
        } catch {
            await HeavyTestGate.shared.release()
            throw error
        }
        await HeavyTestGate.shared.release()
    }
}

extension Trait where Self == HeavyTestTrait {
    /// Runs each test case of the suite under the heavy-test limit.
    public static var heavy: Self { HeavyTestTrait() }
}

/// A counting semaphore for async code.
actor HeavyTestGate {
    static let shared = HeavyTestGate(permits: 3)
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) { available = permits }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
