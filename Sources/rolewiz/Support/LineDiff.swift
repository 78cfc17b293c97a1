/// A line-by-line diff of two texts, for showing how a trust policy changes.
enum LineDiff {
    enum Line: Equatable {
        case same(String)
        case removed(String)
        case added(String)

        var marker: Character {
            switch self {
            case .same: " "
            case .removed: "-"
            case .added: "+"
            }
        }

        var text: String {
            switch self {
            case .same(let text), .removed(let text), .added(let text): text
            }
        }
    }

    /// Every line of both texts in order, old lines not in the new text
    /// marked removed and new ones added (the standard library's diff).
    static func lines(from old: String, to new: String) -> [Line] {
        let oldLines = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let newLines = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = newLines.difference(from: oldLines)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [Line] = []
        var oldIndex = 0
        var newIndex = 0
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
}
