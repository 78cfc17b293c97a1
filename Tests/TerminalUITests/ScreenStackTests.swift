import Foundation
import Testing
@testable import TerminalUI

@Suite(.timeLimit(.minutes(10))) struct ScreenStackTests {
    @Test func tabMovesFocusAndTextGoesToTheField() throws {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        try harness.type("q?n")   // letters that are also keys: typed while the field has focus
        #expect(screen.name.text == "q?n")
        #expect(!harness.stack.isFinished)
        #expect(!harness.stack.isShowingHelp)
        try harness.press(.tab)
        #expect(screen.focus.isFocused(.list))
        try harness.press(.backTab)
        #expect(screen.focus.isFocused(.name))
    }

    @Test func helpListsEveryKeyAndClosesOnAnyKey() throws {
        let harness = Harness<String>(FormScreen())
        try harness.press(.function(1))
        #expect(harness.stack.isShowingHelp)
        for line in ["F2/n", "Go to the next step", "Space", "/", "F1/?", "F10/q", "^C", "^L", "^Z"] {
            #expect(harness.text.contains(line), "help lacks \(line)")
        }
        try harness.press(.character("x"))
        #expect(!harness.stack.isShowingHelp)
    }

    @Test func hintBarComesFromTheKeyTable() throws {
        let harness = Harness<String>(FormScreen())
        let bar = harness.surface.row(23)
        #expect(bar.hasPrefix("F2/n Next  F3/x Fail  Space Toggle  / Filter"))
        #expect(bar.hasSuffix("F1/? Help  F10/q Quit"))
        let narrow = Harness<String>(FormScreen(), size: Size(columns: 60, rows: 16))
        // Too narrow for every key: Help counts those left out of the bar.
        #expect(narrow.surface.row(15).hasSuffix("F1/? Help (+2)  F10/q Quit"), "\(narrow.surface.row(15))")
    }

    @Test func quitAsksFirstWhenThereIsUnsavedWork() throws {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        try harness.press(.tab, .character("q"))
        #expect(harness.stack.isFinished)

        let dirty = Harness<String>(FormScreen())
        try dirty.type("x")
        try dirty.press(.control("c"))
        #expect(!dirty.stack.isFinished)
        #expect(dirty.text.contains("unsaved changes"))
        try dirty.press(.escape)
        #expect(!dirty.stack.isFinished)
        // Enter keeps the work (Stay is the default); choosing Quit quits.
        try dirty.press(.control("c"), .enter)
        #expect(!dirty.stack.isFinished)
        try dirty.press(.control("c"), .left, .enter)
        #expect(dirty.stack.isFinished)
    }

    @Test func ctrlCTwiceQuitsEvenFromTheConfirmation() throws {
        let dirty = Harness<String>(FormScreen())
        try dirty.type("x")
        try dirty.press(.control("c"), .control("c"))
        #expect(dirty.stack.isFinished)
    }

    @Test func pushAndEscapeBackKeepState() throws {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        try harness.type("kept")
        try harness.press(.tab, .down, .down, .function(2))
        #expect(harness.stack.screens.count == 2)
        #expect(harness.surface.row(23).contains("Esc Back"))
        try harness.press(.escape)
        #expect(harness.stack.screens.count == 1)
        #expect(screen.name.text == "kept")
        #expect(screen.list.currentItem?.id == "wide")
    }

    @Test func dialogResultGoesToThePresentingScreen() throws {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        try harness.press(.function(3))
        #expect(harness.stack.presentedDialog?.kind == .error)
        #expect(harness.text.contains("! Create failed"))
        #expect(harness.text.contains("HTTP 403"))
        try harness.press(.enter)
        #expect(screen.lastDialog?.0 == "fail")
        #expect(screen.lastDialog?.1 == .button(0))
    }

    @Test func tooSmallNoticeComesAndGoesKeepingState() throws {
        let screen = FormScreen()
        let harness = Harness<String>(screen)
        try harness.type("name")
        try harness.press(.tab)
        for _ in 0..<30 { try harness.press(.down) }
        try harness.resize(to: Size(columns: 30, rows: 8))
        #expect(harness.text.contains("Terminal too small"))
        #expect(harness.text.contains("needs 60x16"))
        try harness.press(.down)     // ignored while too small
        try harness.resize(to: Size(columns: 100, rows: 30))
        #expect(!harness.text.contains("too small"))
        #expect(screen.name.text == "name")
        #expect(screen.focus.isFocused(.list))
        #expect(screen.list.currentItem?.id == "svc28")
        #expect(harness.text.contains("> [ ] Service 28"))
    }

    @Test func tinyAndEmptySizesNeverCrash() throws {
        let harness = Harness<String>(FormScreen())
        for size in [Size(columns: 0, rows: 0), Size(columns: 1, rows: 1), Size(columns: 5, rows: 2), Size(columns: 60, rows: 16)] {
            try harness.resize(to: size)
            try harness.press(.function(1))
            try harness.press(.escape)
            try harness.press(.function(3))
            try harness.press(.escape)
        }
        #expect(harness.text.contains("Role name"))
    }

    @Test func performPostsTheResultAndWakesTheLoop() async throws {
        let inbox = try Inbox<String>()
        inbox.perform {
            try? await Task.sleep(for: .milliseconds(10))
            return "done"
        }
        // Watch the wake pipe with poll(2) like the loop does, without holding
        // a cooperative thread the posted work may need.
        var descriptor = pollfd(fd: inbox.wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0)
        var ready: Int32 = 0
        for _ in 0..<6_000 where ready == 0 {
            ready = poll(&descriptor, 1, 0)
            if ready == 0 { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(ready == 1)
        #expect(inbox.wakePipe.drain() == [WakePipe.messageByte])
        #expect(inbox.drain() == ["done"])
    }

    @Test func errorsFromScreensReachTheCaller() throws {
        let harness = Harness<String>(FormScreen())
        #expect(throws: FormScreen.Refused.self) { try harness.press(.control("x")) }
    }

    @Test func redrawAndSuspendBecomeRequestsForTheTerminalOwner() throws {
        let harness = Harness<String>(FormScreen())
        try harness.press(.control("l"), .control("z"))
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
        for message in inbox.drain() { try stack.receive(message) }
        #expect(screen.received.count == 100)
        for worker in 0..<4 {
            let mine = screen.received.filter { $0.hasPrefix("\(worker)-") }
            #expect(mine == (0..<25).map { "\(worker)-\($0)" })
        }
        #expect(inbox.drain().isEmpty)
    }

    /// Work that a termination waits for: "done" ends it.
    final class WorkScreen: Screen {
        typealias Message = String
        var working = true
        var stopAsked = false
        var keys: [Key] = []
        var title: String { "Work" }
        var keyHints: [KeyHint] { [] }
        var defersTermination: Bool { working }
        func terminationRequested() { stopAsked = true }
        func draw(_ canvas: Canvas) {}
        func handle(_ key: Key) -> Transition<String> {
            keys.append(key)
            return .handled
        }
        func receive(_ message: String) -> Transition<String> {
            if message == "done" { working = false }
            return .handled
        }
    }

    @Test func aTerminationWaitsForWorkInFlightAndIgnoresKeysMeanwhile() throws {
        let screen = WorkScreen()
        let stack = ScreenStack<String>(root: screen)
        try stack.handle(.control("c"))
        stack.apply(.present(Dialog.confirm(title: "Stop?", message: "Stop now?", confirm: "Stop", cancel: "Go on"), tag: "stop"))
        stack.terminate()
        #expect(screen.stopAsked)
        #expect(stack.presentedDialog == nil, "an open dialog is closed by the termination")
        #expect(!stack.isFinished)
        try stack.handle(.character("x"))
        #expect(screen.keys == [.control("c")], "keys after a termination are not the person's answer to anything")
        try stack.receive("progress")
        #expect(!stack.isFinished)
        try stack.receive("done")
        #expect(stack.isFinished)
    }

    @Test func aTerminationWithNothingInFlightFinishesAtOnce() {
        let stack = ScreenStack<String>(root: FormScreen())
        stack.terminate()
        #expect(stack.isFinished)
    }
    /// A named step that records what reached it and ignores the rest.
    final class StepScreen: Screen {
        typealias Message = String
        let name: String
        var received: [String] = []
        init(_ name: String) { self.name = name }
        var title: String { name }
        var keyHints: [KeyHint] { [] }
        func draw(_ canvas: Canvas) {}
        func handle(_ key: Key) -> Transition<String> { .ignored }
        func receive(_ message: String) -> Transition<String> {
            guard message.hasPrefix(name) else { return .ignored }
            received.append(message)
            return .handled
        }
    }

    /// A screen that answers its dialog by recording the choice.
    final class AskingScreen: Screen {
        typealias Message = String
        var answers: [String] = []
        var title: String { "Asking" }
        var keyHints: [KeyHint] { [] }
        func draw(_ canvas: Canvas) {}
        func handle(_ key: Key) -> Transition<String> { .ignored }
        func receive(_ message: String) -> Transition<String> { message == "push" ? .push(StepScreen("pushed")) : .ignored }
        func dialogClosed(tag: String, choice: DialogChoice) -> Transition<String> {
            answers.append("\(tag): \(choice.isConfirmed)")
            return .handled
        }
    }

    /// A screen pushed while a dialog is open (a sign-in question arriving
    /// while "Stop applying?" asks) waits for the answer, so the answer goes
    /// to the screen that asked, not to the newcomer.
    @Test func aScreenPushedWhileADialogIsOpenWaitsForTheAnswer() throws {
        let asking = AskingScreen()
        let stack = ScreenStack<String>(root: asking)
        stack.apply(.present(Dialog.confirm(title: "Stop?", message: "Stop now?", confirm: "Stop", cancel: "Go on"), tag: "stop"))
        try stack.receive("push")
        #expect(stack.screens.map(\.title) == ["Asking"], "the pushed screen waits")
        try stack.handle(.character("y"))
        try stack.handle(.enter)
        #expect(stack.presentedDialog == nil)
        #expect(asking.answers.count == 1 && asking.answers[0].hasPrefix("stop: "), "\(asking.answers)")
        #expect(stack.screens.map(\.title) == ["Asking", "pushed"], "then it opens")
        // A dialog dismissed by its screen lets waiting screens in too.
        stack.apply(.present(Dialog.confirm(title: "Again?", message: "?", confirm: "Yes", cancel: "No"), tag: "again"))
        stack.apply(.push(StepScreen("second")))
        stack.apply(.dismissDialog(tag: "again"))
        #expect(stack.screens.map(\.title) == ["Asking", "pushed", "second"])
    }

    /// While the top screen takes text, `?` and `q` are text: the bar offers F1 and F10 only.
    @Test func theHintBarOffersFunctionKeysOnlyWhileTheTopScreenTakesText() {
        final class Typing: Screen {
            typealias Message = String
            var takesTextInput: Bool { true }
            var title: String { "Typing" }
            var keyHints: [KeyHint] { [] }
            func draw(_ canvas: Canvas) {}
            func handle(_ key: Key) -> Transition<String> { .handled }
        }
        let typing = ScreenStack<String>(root: Typing())
        let bar = render(Size(columns: 80, rows: 24)) { canvas in typing.draw(on: canvas.surface) }.text
        #expect(bar.contains("F10 Quit") && bar.contains("F1 Help"), "\(bar)")
        #expect(!bar.contains("F10/q") && !bar.contains("F1/?"))
        let plain = ScreenStack<String>(root: StepScreen("menu"))
        #expect(render(Size(columns: 80, rows: 24)) { canvas in plain.draw(on: canvas.surface) }.text.contains("F10/q Quit"))
    }

    @Test func pushAllLeavesEveryStepBelowAndUnwindGoesBackToOne() {
        let stack = ScreenStack<String>(root: StepScreen("menu"))
        stack.apply(.pushAll(["one", "two", "three"].map { StepScreen($0) }))
        #expect(stack.screens.map(\.title) == ["menu", "one", "two", "three"])
        stack.apply(.unwind(to: { $0.title == "one" }))
        #expect(stack.screens.map(\.title) == ["menu", "one"])
        stack.apply(.unwind(to: { $0.title == "nowhere" }))
        #expect(stack.screens.map(\.title) == ["menu", "one"], "no match: nothing is popped")
        stack.apply(.pop)
        #expect(stack.screens.map(\.title) == ["menu"])
    }

    @Test func theModelTakesEachMessageOnceBeforeAnyScreen() throws {
        var modelSaw: [String] = []
        let menu = StepScreen("menu"), step = StepScreen("step")
        var screensWhenModelSaw: [[String]] = []
        let stack = ScreenStack<String>(root: menu, model: { message in
            modelSaw.append(message)
            screensWhenModelSaw.append((menu.received + step.received).sorted())
        })
        stack.apply(.push(step))
        for message in ["step-a", "menu-b", "nobody-c"] { try stack.receive(message) }
        #expect(modelSaw == ["step-a", "menu-b", "nobody-c"], "every message, once, whoever shows it")
        #expect(screensWhenModelSaw == [[], ["step-a"], ["menu-b", "step-a"]], "the model first, then the screens")
        #expect(step.received == ["step-a"])
        #expect(menu.received == ["menu-b"], "a message the top ignores goes down the stack")
    }
}
