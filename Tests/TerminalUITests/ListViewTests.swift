import Testing
import TestSupport
@testable import TerminalUI

@Suite(.timeLimit(.minutes(10))) struct ListViewTests {
    private func bigList() -> ListView {
        ListView(items: (0..<2000).map { ListItem(id: "\($0)", title: "Policy\($0)", detail: $0 % 2 == 0 ? "even" : "odd") },
                 selection: .multiple)
    }

    @Test func movesAndClampsTheCursor() {
        let list = bigList()
        _ = render(Size(columns: 60, rows: 11)) { list.draw($0, focused: true) }
        #expect(list.handle(.up) == .handled)
        #expect(list.currentItem?.id == "0")
        _ = list.handle(.pageDown)
        #expect(list.currentItem?.id == "9")
        _ = list.handle(.end)
        #expect(list.currentItem?.id == "1999")
        _ = list.handle(.down)
        #expect(list.currentItem?.id == "1999")
        _ = list.handle(.home)
        #expect(list.currentItem?.id == "0")
    }

    @Test func spaceTogglesCheckboxesShownAsX() {
        let list = bigList()
        #expect(list.handle(.space) == .changed)
        _ = list.handle(.down)
        _ = list.handle(.space)
        _ = list.handle(.space)
        #expect(list.checked == ["0"])
        let surface = render(Size(columns: 40, rows: 4)) { list.draw($0, focused: true) }
        #expect(surface.row(0).hasPrefix("  [x] Policy0"))
        #expect(surface.row(1).hasPrefix("> [ ] Policy1"))
        #expect(surface.row(3).contains("1 selected"))
    }

    @Test func aFilterBeingTypedStaysVisibleInANarrowListAndTheCountsGiveWay() {
        TestLocale.utf8()
        let list = bigList()
        _ = list.handle(.character("/"))
        for character in "policy19" { _ = list.handle(.character(character)) }
        let roomy = render(Size(columns: 46, rows: 4)) { list.draw($0, focused: true) }
        #expect(roomy.row(3) == "/policy19  1-3 of 111 (2000 total), 0 selected")
        #expect(roomy.cursor == Point(x: 9, y: 3))
        for character in "99" { _ = list.handle(.character(character)) }
        let narrow = render(Size(columns: 24, rows: 4)) { list.draw($0, focused: true) }
        #expect(narrow.row(3) == "/policy1999     1-1 of 1")
        // Wider than the row: the end of what was typed, where the cursor is.
        for character in "-and-more-text" { _ = list.handle(.character(character)) }
        let tiny = render(Size(columns: 16, rows: 4)) { list.draw($0, focused: true) }
        #expect(tiny.row(3) == "…-and-more-text")
        #expect(tiny.cursor == Point(x: 15, y: 3))
    }

    @Test func slashFilterIsIncrementalAndKeepsSelection() {
        let list = bigList()
        _ = list.handle(.space)
        #expect(list.handle(.character("/")) == .handled)
        #expect(list.takesTextInput)
        for character in "policy199" { #expect(list.handle(.character(character)) == .filtered) }
        #expect(list.visibleIndices.count == 11)   // 199, 1990-1999
        #expect(list.items[list.visibleIndices[0]].title == "Policy199")
        _ = list.handle(.backspace)
        #expect(list.visibleIndices.count == 111)
        _ = list.handle(.enter)
        #expect(!list.takesTextInput)
        #expect(list.filter == "policy19")
        #expect(list.handle(.escape) == .filtered)
        #expect(list.visibleIndices.count == 2000)
        #expect(list.checked == ["0"])
    }

    /// `/` begins a new search, as in less and vim, instead of appending
    /// to the filter kept from the last one.
    @Test func slashAgainStartsANewFilter() {
        let list = bigList()
        _ = list.handle(.character("/"))
        for character in "policy19" { _ = list.handle(.character(character)) }
        _ = list.handle(.enter)
        #expect(list.filter == "policy19")
        #expect(list.handle(.character("/")) == .filtered)
        #expect(list.filter.isEmpty)
        for character in "7" { _ = list.handle(.character(character)) }
        #expect(list.filter == "7")
    }

    @Test func filterMatchesDetailCaseInsensitively() {
        let list = bigList()
        list.setFilter("ODD")
        #expect(list.visibleIndices.count == 1000)
        list.setFilter("ODD Policy")   // title comes first in the search key
        #expect(list.visibleIndices.isEmpty)
        let surface = render(Size(columns: 40, rows: 3)) { list.draw($0, focused: true) }
        #expect(surface.row(0).contains("Nothing matches"))
    }

    @Test func cursorFollowsItsItemThroughFiltering() {
        let list = bigList()
        list.moveCursor(to: "1234")
        list.setFilter("1234")
        #expect(list.currentItem?.id == "1234")
        list.setFilter("")
        #expect(list.currentItem?.id == "1234")
    }

    @Test func setItemsKeepsCheckedThatStillExist() {
        let list = bigList()
        list.setChecked(["1", "5", "nope"])
        #expect(list.checked == ["1", "5"])
        list.setItems(list.items.filter { $0.id != "5" })
        #expect(list.checkedItems.map(\.id) == ["1"])
    }

    @Test func singleSelectionHasNoCheckboxes() {
        let list = ListView(items: Fixture.services)
        #expect(list.handle(.space) == .ignored)
        #expect(list.handle(.enter) == .submitted)
        let surface = render(Size(columns: 40, rows: 3)) { list.draw($0, focused: true) }
        #expect(surface.row(0).hasPrefix("> EC2"))
    }

    @Test func wideCharactersTakeTwoColumns() {
        let list = ListView(items: Fixture.services)
        let surface = render(Size(columns: 40, rows: 5)) { list.draw($0, focused: false) }
        #expect(surface.row(2).hasPrefix("  日本語サービス"))
        // 7 wide characters: columns 2-15, then padding to the title column.
        #expect(surface.cell(at: Point(x: 3, y: 2)).glyph == .continuation)
    }
}

/// Rows that change in the background (the role list's last activity) are
/// updated in place: the same rows and filter result as rebuilding the
/// list, but the cursor's item and the scroll stay where they were.
@Suite(.timeLimit(.minutes(10))) struct ListViewUpdateTests {
    @Test func updatingRowsKeepsTheViewWhereItWas() {
        let list = ListView(items: (0..<3000).map { ListItem(id: "role-\($0)", title: "role-\($0)", detail: "last used …") })
        _ = render(Size(columns: 60, rows: 12)) { list.draw($0, focused: true) }.text
        for _ in 0..<40 { _ = list.handle(.down) }
        let before = render(Size(columns: 60, rows: 12)) { list.draw($0, focused: true) }.text
        list.updateItems((30..<45).map { ListItem(id: "role-\($0)", title: "role-\($0)", detail: "last used …") })
        #expect(render(Size(columns: 60, rows: 12)) { list.draw($0, focused: true) }.text == before, "an update that changes nothing redraws nothing")
        list.updateItems((30..<45).map { ListItem(id: "role-\($0)", title: "role-\($0)", detail: "not used recently") })
        let after = render(Size(columns: 60, rows: 12)) { list.draw($0, focused: true) }.text
        #expect(list.currentItem?.id == "role-40")
        let firstRow = { (text: String) in text.split(separator: "\n").first.map(String.init) ?? "" }
        let topRole = { (text: String) in firstRow(text).split(separator: " ").first.map(String.init) ?? "" }
        #expect(topRole(after) == topRole(before) && topRole(before) == "role-30", "the scroll moved:\n\(after)")
        #expect(after.contains("not used recently"))
        list.updateItems([ListItem(id: "no-such-role", title: "x", detail: "y")])
        #expect(list.items.count == 3000)
    }

    /// Generated updates and filters: `updateItems` gives the rows and the
    /// filter result that `setItems` with the same rows gives.
    @Test func updatesAgreeWithRebuildingTheList() {
        var random = SeededRandom(seed: 0x5EED_1157)
        let words = ["lambda", "ec2", "not used", "2026-11", "unknown", "…"]
        for _ in 0..<200 {
            let count = Int.random(in: 1...60, using: &random)
            var rows = (0..<count).map { ListItem(id: "r\($0)", title: "r\($0)", detail: words.randomElement(using: &random)!) }
            let list = ListView(items: rows)
            let filter = ["", "l", "la", "used", "r1", "zzz"].randomElement(using: &random)!
            list.setFilter(filter)
            for _ in 0..<Int.random(in: 0...5, using: &random) { _ = list.handle(.down) }
            let current = list.currentItem?.id
            var updates: [ListItem] = []
            for index in (0..<count).filter({ _ in Bool.random(using: &random) }) {
                rows[index].detail = words.randomElement(using: &random)!
                updates.append(rows[index])
            }
            list.updateItems(updates)
            let rebuilt = ListView(items: rows)
            rebuilt.setFilter(filter)
            #expect(list.items == rows)
            #expect(list.visibleIndices == rebuilt.visibleIndices)
            if let current, rebuilt.visibleIndices.contains(where: { rows[$0].id == current }) {
                #expect(list.currentItem?.id == current, "the cursor's row still matches, so the cursor stays on it")
            }
        }
    }
}
