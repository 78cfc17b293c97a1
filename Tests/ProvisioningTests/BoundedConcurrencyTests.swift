import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Provisioning

/// The bound a set of roles runs under: never more than `limit` at once,
/// results in order, for generated sizes and limits.
@Suite("Bounded concurrency", .timeLimit(.minutes(10)))
struct BoundedConcurrencyTests {
    @Test(arguments: 0..<40)
    func neverMoreThanTheLimitAndResultsInOrder(seed: Int) async {
        var random = SeededRandom(seed: UInt64(seed + 1))
        let count = Int.random(in: 0...60, using: &random)
        let limit = Int.random(in: 1...8, using: &random)
        let delays = (0..<count).map { _ in UInt64.random(in: 0...2_000_000, using: &random) }
        let running = Mutex((now: 0, most: 0))
        let results = await Array(0..<count).mapConcurrently(limit: limit) { index in
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            try? await Task.sleep(nanoseconds: delays[index])
            running.withLock { $0.now -= 1 }
            return index * 2
        }
        #expect(results == (0..<count).map { $0 * 2 })
        let most = running.withLock { $0.most }
        #expect(most <= limit)
        #expect(count == 0 || most >= 1)
    }
}
