import Testing
@testable import TerminalUI

/// The key bar never hides a key without a way to find it: what does not
/// fit is counted on Help.
@Suite(.timeLimit(.minutes(10))) struct KeyHintBarTests {
    let hints = ["Next", "Scope", "Preview", "Add by name", "Toggle", "Filter"].enumerated().map {
        KeyHint(keys: [.function($0.offset + 2)], label: $0.element, help: $0.element)
    }
    let pinned = [
        KeyHint(keys: [.function(1), .character("?")], label: "Help", help: "Show every key"),
        KeyHint(keys: [.escape], label: "Back", help: "Back"),
    ]

    @Test func whatDoesNotFitIsCountedOnHelp() {
        let (shown, pinnedShown) = KeyHintBar.fitted(hints: hints, pinned: pinned, columns: 60)
        let dropped = hints.count - shown.count
        #expect(dropped > 0)
        #expect(pinnedShown.first?.label == "Help (+\(dropped))")
        #expect(KeyHintBar.width(of: shown + pinnedShown) <= 60)
    }

    @Test func everythingFitsAndHelpSaysNothingMore() {
        let (shown, pinnedShown) = KeyHintBar.fitted(hints: hints, pinned: pinned, columns: 200)
        #expect(shown.count == hints.count)
        #expect(pinnedShown.first?.label == "Help")
    }

    @Test(arguments: 20...120)
    func atAnyWidthTheCountIsExact(_ columns: Int) {
        let (shown, pinnedShown) = KeyHintBar.fitted(hints: hints, pinned: pinned, columns: columns)
        let help = pinnedShown.first?.label ?? ""
        let dropped = hints.count - shown.count
        #expect(help == (dropped == 0 ? "Help" : "Help (+\(dropped))"))
        #expect(shown.isEmpty || KeyHintBar.width(of: shown + pinnedShown) <= columns)
    }
}
