/// Work over many roles or accounts, at most `limit` items at a time, so a
/// set of a hundred roles goes out as fast as IAM allows and no faster.
extension Array where Element: Sendable {
    /// `transform` of each element, at most `limit` running at once, in the
    /// array's order whatever order they finish in.
    func mapConcurrently<Result: Sendable>(
        limit: Int, _ transform: @escaping @Sendable (Element) async -> Result
    ) async -> [Result] {
        let limit = Swift.max(1, limit)
        return await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: count)
            var next = 0
            func startNext() {
                guard next < count else { return }
                let index = next
                let element = self[index]
                next += 1
                group.addTask { (index, await transform(element)) }
            }
            for _ in 0..<Swift.min(limit, count) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext()
            }
            return results.map { $0! }
        }
    }
}
