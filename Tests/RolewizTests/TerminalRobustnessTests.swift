import Foundation
import Testing
import TestSupport

/// The TerminalUI toolkit under tmux through its demo (tui-demo): signals
/// during editing and during a run leave the terminal settings as they were,
/// resizes do not crash it, and unusual terminals either work or get a clear
/// message. The same for the wizard itself: `WizardRobustnessTests`.
@Suite("Terminal: signals, resizes and terminal types under tmux", .serialized, .heavy)
struct TerminalRobustnessTests {
    struct SignalCase: Sendable, CustomTestStringConvertible {
        var signal: Int32
        var name: String
        /// `editor` is editing; `progress` is a run in progress (the stand-in for apply).
        var screen: String
        var testDescription: String { "\(name) during \(screen)" }
    }

    static let signalCases: [SignalCase] = [SIGINT, SIGTERM, SIGHUP].flatMap { signal in
        ["editor", "progress"].map { screen in
            SignalCase(signal: signal, name: signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP", screen: screen)
        }
    }

    @Test(arguments: signalCases)
    func aSignalRestoresTheTerminalSettings(_ signalCase: SignalCase) async throws {
        let pane = try await TerminalTmuxPane.start(["--screen", signalCase.screen])
        defer { Task { await pane.stop() } }
        let pid = try #require(try await pane.pid(), "tui-demo never wrote its PID")
        #expect(try await pane.waitForScreen(containing: signalCase.screen == "editor" ? "Statement" : "Create the thing"))
        kill(pid, signalCase.signal)
        var status = try await pane.exitStatus(within: 5)
        if status == nil, signalCase.signal == SIGINT {
            // Ctrl-C may open a quit confirmation instead of quitting: answer it.
            try await pane.sendKeys("q")
            status = try await pane.exitStatus(within: 5)
        }
        let screen = try await pane.screen()
        let exited = try #require(status, "tui-demo still runs after \(signalCase.name): \(screen)")
        #expect(pane.read("after") == pane.read("before"), "stty -g changed after \(signalCase.name)")
        // Killed by a signal the shell reports 128+n; a clean quit is 0. Either way not a crash.
        #expect(![Int32(128) + SIGSEGV, 128 + SIGABRT, 128 + SIGILL, 128 + SIGTRAP, 128 + SIGBUS].contains(exited),
                "exit \(exited), stderr: \(pane.read("stderr") ?? "")")
    }

    @Test func aResizeStormAndATinyWindowDoNotCrashIt() async throws {
        let pane = try await TerminalTmuxPane.start(["--screen", "form"])
        defer { Task { await pane.stop() } }
        _ = try #require(try await pane.pid())
        #expect(try await pane.waitForScreen(containing: "Name"))
        var random = SeededRandom(seed: 20_6)
        for _ in 0..<40 {
            try await pane.resize(columns: Int.random(in: 10...200, using: &random), rows: Int.random(in: 3...60, using: &random))
        }
        try await pane.resize(columns: 20, rows: 6)
        try await pane.sendKeys("Tab")
        try await pane.sendKeys("Down")
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(pane.read("status") == nil, "tui-demo ended during the resizes: \(pane.read("stderr") ?? "")")
        #expect(!(try await pane.screen()).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        try await pane.resize(columns: 80, rows: 24)
        #expect(try await pane.waitForScreen(containing: "Name"))
        try await pane.sendKeys("C-c")
        if try await pane.exitStatus(within: 3) == nil { try await pane.sendKeys("q") }
        #expect(try await pane.exitStatus() == 0, "stderr: \(pane.read("stderr") ?? "")")
        #expect(pane.read("after") == pane.read("before"))
    }

    @Test(arguments: [("vt100", "C.UTF-8"), ("linux", "C.UTF-8"), ("xterm-mono", "C.UTF-8"), ("dumb", "C.UTF-8"), ("xterm-256color", "C")])
    func everyTerminalTypeWorksOrGetsAClearMessage(_ term: String, _ lang: String) async throws {
        let pane = try await TerminalTmuxPane.start(["--screen", "form"], term: term, lang: lang)
        defer { Task { await pane.stop() } }
        if try await pane.waitForScreen(containing: "Name", seconds: 5) {
            try await pane.sendKeys("C-c")
            if try await pane.exitStatus(within: 3) == nil { try await pane.sendKeys("q") }
            #expect(try await pane.exitStatus() == 0, "TERM=\(term) LANG=\(lang): \(pane.read("stderr") ?? "")")
        } else {
            let status = try #require(try await pane.exitStatus(), "TERM=\(term): neither a screen nor an exit")
            let message = pane.read("stderr") ?? ""
            #expect(status != 0 && message.contains("tui-demo:") && message.count > 20,
                    "TERM=\(term) LANG=\(lang): exit \(status) with \(message.debugDescription)")
        }
        #expect(pane.read("after") == pane.read("before"), "TERM=\(term) LANG=\(lang) changed stty")
    }
}
