import Foundation
import Testing
@testable import TerminalUI

@Suite struct ScreenStackTests {
    @Test func tabMovesFocusAndTextGoesToTheField() {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        harness.type("q?n")   // letters that are also keys: typed while the field has focus
        #expect(screen.name.text == "q?n")
        #expect(!harness.stack.isFinished)
        #expect(!harness.stack.isShowingHelp)
        harness.press(.tab)
        #expect(screen.focus.isFocused(.list))
        harness.press(.backTab)
        #expect(screen.focus.isFocused(.name))
    }

    @Test func helpListsEveryKeyAndClosesOnAnyKey() {
        let harness = Harness<String>(FormScreen())
        harness.press(.function(1))
        #expect(harness.stack.isShowingHelp)
        for line in ["F2/n", "Go to the next step", "Space", "/", "F1/?", "F10/q", "^C", "^L", "^Z"] {
            #expect(harness.text.contains(line), "help lacks \(line)")
        }
        harness.press(.character("x"))
        #expect(!harness.stack.isShowingHelp)
    }

    @Test func hintBarComesFromTheKeyTable() {
        let harness = Harness<String>(FormScreen())
        let bar = harness.surface.row(23)
        #expect(bar.hasPrefix("F2/n Next  F3/x Fail  Space Toggle  / Filter"))
        #expect(bar.hasSuffix("F1/? Help  F10/q Quit"))
        let narrow = Harness<String>(FormScreen(), size: Size(columns: 60, rows: 16))
        #expect(narrow.surface.row(15).hasSuffix("F1/? Help  F10/q Quit"))
    }

    @Test func quitAsksFirstWhenThereIsUnsavedWork() {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        harness.press(.tab, .character("q"))
        #expect(harness.stack.isFinished)

        let dirty = Harness<String>(FormScreen())
        dirty.type("x")
        dirty.press(.control("c"))
        #expect(!dirty.stack.isFinished)
        #expect(dirty.text.contains("unsaved changes"))
        dirty.press(.escape)
        #expect(!dirty.stack.isFinished)
        dirty.press(.control("c"), .enter)
        #expect(dirty.stack.isFinished)
    }

    @Test func ctrlCTwiceQuitsEvenFromTheConfirmation() {
        let dirty = Harness<String>(FormScreen())
        dirty.type("x")
        dirty.press(.control("c"), .control("c"))
        #expect(dirty.stack.isFinished)
    }

    @Test func pushAndEscapeBackKeepState() {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        harness.type("kept")
        harness.press(.tab, .down, .down, .function(2))
        #expect(harness.stack.screens.count == 2)
        #expect(harness.surface.row(23).contains("Esc Back"))
        harness.press(.escape)
        #expect(harness.stack.screens.count == 1)
        #expect(screen.name.text == "kept")
        #expect(screen.list.currentItem?.id == "wide")
    }

    @Test func dialogResultGoesToThePresentingScreen() {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        harness.press(.function(3))
        #expect(harness.stack.presentedDialog?.kind == .error)
        #expect(harness.text.contains("! Create failed"))
        #expect(harness.text.contains("HTTP 403"))
        harness.press(.enter)
        #expect(screen.lastDialog?.0 == "fail")
        #expect(screen.lastDialog?.1 == .button(0))
    }

    @Test func tooSmallNoticeComesAndGoesKeepingState() {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        harness.type("name")
        harness.press(.tab)
        for _ in 0..<30 { harness.press(.down) }
        harness.resize(to: Size(columns: 30, rows: 8))
        #expect(harness.text.contains("Terminal too small"))
        #expect(harness.text.contains("needs 60x16"))
        harness.press(.down)     // ignored while too small
        harness.resize(to: Size(columns: 100, rows: 30))
        #expect(!harness.text.contains("too small"))
        #expect(screen.name.text == "name")
        #expect(screen.focus.isFocused(.list))
        #expect(screen.list.currentItem?.id == "svc28")
        #expect(harness.text.contains("> [ ] Service 28"))
    }

    @Test func tinyAndEmptySizesNeverCrash() {
        let harness = Harness<String>(FormScreen())
        for size in [Size(columns: 0, rows: 0), Size(columns: 1, rows: 1), Size(columns: 5, rows: 2), Size(columns: 60, rows: 16)] {
            harness.resize(to: size)
            harness.press(.function(1))
            harness.press(.escape)
            harness.press(.function(3))
            harness.press(.escape)
        }
        #expect(harness.text.contains("Role name"))
    }

    @Test func redrawAndSuspendBecomeRequestsForTheTerminalOwner() {
        let harness = Harness<String>(FormScreen())
        harness.press(.control("l"), .control("z"))
        #expect(harness.stack.takeRequests() == [.fullRedraw, .suspend])
        #expect(harness.stack.takeRequests().isEmpty)
    }

    @Test func inboxMessagesFromOtherThreadsReachTheScreenInOrder() async throws {
        let inbox = try Inbox<String>()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for index in 0..<25 { inbox.post("\(worker)-\(index)") }
                }
            }
        }
        let wakeBytes = inbox.wakePipe.drain()
        #expect(!wakeBytes.isEmpty)
        #expect(wakeBytes.allSatisfy { $0 == WakePipe.messageByte })
        let screen = FormScreen()
        let stack = ScreenStack<String>(root: screen)
        for message in inbox.drain() { stack.receive(message) }
        #expect(screen.received.count == 100)
        for worker in 0..<4 {
            let mine = screen.received.filter { $0.hasPrefix("\(worker)-") }
            #expect(mine == (0..<25).map { "\(worker)-\($0)" })
        }
        #expect(inbox.drain().isEmpty)
    }
}
