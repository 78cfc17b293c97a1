/// Near-miss suggestions for typos ("did you mean sagemaker.amazonaws.com?"),
/// by edit distance, ignoring case.
public enum DidYouMean {
    /// The candidates within a small edit distance of `word`, closest first.
    /// The allowance grows with the word: one edit for short words, about a
    /// third of the length for long ones.
    public static func suggestions(for word: String, among candidates: [String]) -> [String] {
        let lowered = word.lowercased()
        let allowance = max(1, min(lowered.count / 3, 4))
        return candidates
            .map { ($0, editDistance(lowered, $0.lowercased())) }
            .filter { $0.1 <= allowance && $0.0 != word }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }

    /// ` (did you mean "x"?)`, or nothing when no candidate is close.
    public static func hint(for word: String, among candidates: [String]) -> String {
        guard let best = suggestions(for: word, among: candidates).first else { return "" }
        return " (did you mean \"\(best)\"?)"
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps
    /// of neighbours as one each (optimal string alignment), since "naem" for
    /// "name" is one slip, not two.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var distance = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { distance[i][0] = i }
        for j in 0...b.count { distance[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                distance[i][j] = min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance[i][j] = min(distance[i][j], distance[i - 2][j - 2] + 1)
                }
            }
        }
        return distance[a.count][b.count]
    }
}
