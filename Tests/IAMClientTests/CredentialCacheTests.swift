import Foundation
import Testing
@testable import IAMClient

@Suite("CachedCredentialProvider", .timeLimit(.minutes(10)))
struct CredentialCacheTests {
    /// Counts fetches; each answers with a key numbered by the fetch and the given lifetime.
    /// While `gate` is closed, fetches wait, so that concurrent callers pile up.
    final class CountingProvider: CredentialProvider, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private var failNext = false
        private var waiters: [CheckedContinuation<Void, Never>] = []
        private var gateOpen = true
        let clock: TestClock
        let lifetime: TimeInterval?

        init(clock: TestClock, lifetime: TimeInterval?) {
            self.clock = clock
            self.lifetime = lifetime
        }

        var fetches: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }

        func failOnce() {
            lock.lock()
            failNext = true
            lock.unlock()
        }

        func closeGate() {
            lock.lock()
            gateOpen = false
            lock.unlock()
        }

        func openGate() {
            lock.lock()
            gateOpen = true
            let released = waiters
            waiters = []
            lock.unlock()
            released.forEach { $0.resume() }
        }

        func credentials() async throws -> AWSCredentials {
            await withCheckedContinuation { continuation in
                lock.lock()
                if gateOpen {
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiters.append(continuation)
                    lock.unlock()
                }
            }
            let (serial, shouldFail) = lock.withLock {
                count += 1
                defer { failNext = false }
                return (count, failNext)
            }
            if shouldFail { throw CredentialError(source: "test", kind: .processFailed, message: "fetch \(serial) failed") }
            return AWSCredentials(
                accessKeyId: "AKID\(serial)", secretAccessKey: "s", expiration: lifetime.map { clock.now + $0 }, source: "test"
            )
        }
    }

    /// A cache holding credentials that expire in 200 s, so the next call refreshes.
    static func dueForRefresh() async throws -> (TestClock, CountingProvider, CachedCredentialProvider) {
        let clock = TestClock()
        let base = CountingProvider(clock: clock, lifetime: 600)
        let cache = CachedCredentialProvider(base, now: clock.function)
        _ = try await cache.credentials()
        clock.advance(by: 400)
        return (clock, base, cache)
    }

    @Test("credentials are kept until five minutes before expiry")
    func refreshWindow() async throws {
        let clock = TestClock()
        let base = CountingProvider(clock: clock, lifetime: 3600)
        let cache = CachedCredentialProvider(base, now: clock.function)
        #expect(try await cache.credentials().accessKeyId == "AKID1")
        clock.advance(by: 3600 - 300 - 1)
        #expect(try await cache.credentials().accessKeyId == "AKID1")
        clock.advance(by: 2)
        #expect(try await cache.credentials().accessKeyId == "AKID2")
        #expect(base.fetches == 2)
    }

    @Test("credentials without an expiration are fetched once")
    func noExpiration() async throws {
        let clock = TestClock()
        let base = CountingProvider(clock: clock, lifetime: nil)
        let cache = CachedCredentialProvider(base, now: clock.function)
        _ = try await cache.credentials()
        clock.advance(by: 365 * 86400)
        #expect(try await cache.credentials().accessKeyId == "AKID1")
        #expect(base.fetches == 1)
    }

    @Test("concurrent callers of a due refresh share one fetch")
    func concurrentRefresh() async throws {
        let (clock, base, cache) = try await Self.dueForRefresh()
        base.closeGate()
        let readsBefore = clock.reads
        async let keys = withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 { group.addTask { try await cache.credentials().accessKeyId } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        // Each caller reads the clock once, in the same actor turn in which it
        // either starts the refresh or joins it; so once ten have read it, all
        // ten are waiting on refreshes and none can have finished.
        while clock.reads < readsBefore + 10 { try await Task.sleep(nanoseconds: 1_000_000) }
        base.openGate()
        #expect(try await keys == Array(repeating: "AKID2", count: 10))
        #expect(base.fetches == 2)
    }

    @Test("a failed refresh is thrown, and the next call tries again")
    func failedRefresh() async throws {
        let (_, base, cache) = try await Self.dueForRefresh()
        base.failOnce()
        let error = try await #require(throws: CredentialError.self) { try await cache.credentials() }
        #expect(error.message == "fetch 2 failed")
        #expect(try await cache.credentials().accessKeyId == "AKID3")
    }
}
