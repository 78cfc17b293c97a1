/// A line-by-line diff of two policy documents, both printed in reading
/// order first, so it shows what changed rather than how each was written.
/// `rolewiz plan` and the wizard's review both show trust changes with it.
public enum PolicyDiff {
    /// One line of the diff; `marker` and `text` print it as `diff -u` would.
    public enum Line: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)

        /// ` ` for a line in both, `-` for one only in the old document, `+` for one only in the new.
        public var marker: Character {
            switch self {
            case .same: " "
            case .removed: "-"
            case .added: "+"
            }
        }

        /// The line's text, without the marker.
        public var text: String {
            switch self {
            case .same(let text), .removed(let text), .added(let text): text
            }
        }
    }

    /// True when the two print the same in reading order.
    public static func isSame(_ old: String, _ new: String) -> Bool {
        PolicyDocument.readingText(old) == PolicyDocument.readingText(new)
    }

    /// Every line of both documents in order, old lines not in the new one
    /// marked removed and new ones added (the standard library's diff). An
    /// empty `old` (a role to be created) makes every line added.
    public static func lines(from old: String, to new: String) -> [Line] {
        let oldLines = old.isEmpty ? [] : lines(of: PolicyDocument.readingText(old))
        let newLines = lines(of: PolicyDocument.readingText(new))
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in newLines.difference(from: oldLines) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [Line] = []
        var (oldIndex, newIndex) = (0, 0)
        while oldIndex < oldLines.count || newIndex < newLines.count {
            if oldIndex < oldLines.count, removed.contains(oldIndex) {
                result.append(.removed(oldLines[oldIndex]))
                oldIndex += 1
            } else if newIndex < newLines.count, inserted.contains(newIndex) {
                result.append(.added(newLines[newIndex]))
                newIndex += 1
            } else {
                result.append(.same(newLines[newIndex]))
                oldIndex += 1
                newIndex += 1
            }
        }
        return result
    }

    private static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
