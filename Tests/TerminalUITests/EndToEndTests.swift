import Foundation
import Testing
import TestSupport

/// The demo executable under tmux: real ncurses, real tty, real signals.
/// Each test checks that the tty settings (`stty -g` in the pane before and
/// after) come back unchanged however the program ends.
@Suite(.serialized, .heavy) struct EndToEndTests {
    /// A temp folder for the pane's script to leave `stty -g` output, the
    /// exit status and the demo's pid in.
    struct Run {
        let directory: URL
        let demo: String

        init() throws {
            demo = try DemoBinary.path()
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("tui-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }

        /// A shell command: save stty, run the demo, save status and stty,
        /// then keep the pane alive so its terminal state can be inspected.
        func command(_ arguments: String = "", environment: String = "LC_ALL=C.UTF-8") -> String {
            "cd '\(directory.path)' && stty -g > before; env \(environment) '\(demo)' --pid-file pid \(arguments); "
                + "echo $? > status; stty -g > after; exec sleep 600"
        }

        func file(_ name: String) -> String? {
            try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func waitForFile(_ name: String, seconds: Double = 90) async throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let text = file(name), !text.isEmpty { return text }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw TmuxError.timedOut(screen: "no \(name) in \(directory.path)")
        }

        func expectTerminalRestored(_ tmux: Tmux, status expected: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            #expect(try await waitForFile("status") == expected, sourceLocation: sourceLocation)
            let before = try await waitForFile("before"), after = try await waitForFile("after")
            #expect(before == after, "stty settings changed", sourceLocation: sourceLocation)
            #expect(tmux.format("#{alternate_on}") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
            #expect(tmux.format("#{cursor_flag}") == "1", "cursor left hidden", sourceLocation: sourceLocation)
        }

        func cleanUp() {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// Runs the demo in a fresh tmux server and hands it to `body`; cleans
    /// everything up afterwards. Does nothing (the skip is printed) when
    /// tmux is missing outside CI.
    private func withDemo(_ arguments: String = "", environment: String = "LC_ALL=C.UTF-8",
                          _ body: (Run, Tmux) async throws -> Void) async throws {
        let run = try Run()
        defer { run.cleanUp() }
        let tmux = try Tmux.start(run.command(arguments, environment: environment))
        defer { tmux.close() }
        try await body(run, tmux)
    }

    @Test func typingMovingFilteringResizingPastingAndQuitting() async throws {
        try await withDemo { run, tmux in
            try await tmux.waitFor { $0.contains("Name:") && $0.contains("1-15 of 2000") }
            tmux.type("my-role")
            tmux.send("Tab", "Down", "Down", "Space")
            try await tmux.waitFor { $0.contains("> [x] charlie-alpha-2") && $0.contains("[2 Items]") }
            tmux.type("/delta")
            tmux.send("Enter")
            try await tmux.waitFor { $0.contains("filter: delta") && $0.contains("of 194 (2000 total)") }

            try tmux.resize(columns: 100, rows: 30)
            try await tmux.waitFor { $0.contains("Name: my-role") && $0.contains("filter: delta") && $0.contains("1-21 of 194") }
            try tmux.resize(columns: 50, rows: 12)
            try await tmux.waitFor { $0.contains("Terminal too small") && $0.contains("needs 60x16, now 50x12") }
            try tmux.resize(columns: 80, rows: 24)
            try await tmux.waitFor { $0.contains("Name: my-role") && $0.contains("[2 Items]") && $0.contains("filter: delta") }

            tmux.send("BTab")
            try await tmux.waitFor { $0.contains("[1 Name]") }
            try tmux.paste("abc\ndef")
            let pasted = try await tmux.waitFor { $0.contains("last: paste(7 chars)") }
            #expect(pasted.contains("Name: my-roleabcdef"))

            tmux.send("C-c")
            try await tmux.waitFor { $0.contains("unsaved changes") }
            tmux.send("q")
            try await run.expectTerminalRestored(tmux, status: "0")
        }
    }

    @Test(arguments: [("TERM", "143"), ("HUP", "129"), ("INT", "130")])
    func signalsRestoreTheTerminal(signal: String, status: String) async throws {
        try await withDemo { run, tmux in
            try await tmux.waitFor { $0.contains("Name:") }
            tmux.type("x")
            tmux.send("Tab", "Down")
            try await tmux.waitFor { $0.contains("[2 Items]") }
            try await send(signal: signal, to: run.waitForFile("pid"))
            try await run.expectTerminalRestored(tmux, status: status)
        }
    }

    /// A Swift error thrown by a screen leaves `run` after the terminal is
    /// restored; a runtime trap (fatalError) is caught by the signal handler.
    @Test(arguments: [("throw", ["1"]), ("trap", ["132", "133"])])
    func errorsAndCrashesRestoreTheTerminal(fault: String, statuses: [String]) async throws {
        try await withDemo("--fault \(fault)") { run, tmux in
            try await tmux.waitFor { $0.contains("Name:") }
            tmux.send("C-x")
            let status = try await run.waitForFile("status")
            #expect(statuses.contains(status))
            try await run.expectTerminalRestored(tmux, status: status)
            if fault == "throw" {
                // main prints the error after the terminal is back to normal.
                try await tmux.waitFor { $0.contains("tui-demo: demo failure requested with Ctrl-X") }
            }
        }
    }

    @Test func ctrlCQuitsAtOnceWithoutUnsavedWork() async throws {
        try await withDemo { run, tmux in
            try await tmux.waitFor { $0.contains("Name:") }
            tmux.send("C-c")
            try await run.expectTerminalRestored(tmux, status: "0")
        }
    }

    @Test func ctrlZSuspendsAndFgRedraws() async throws {
        let run = try Run()
        defer { run.cleanUp() }
        let tmux = try Tmux.start("PS1='prompt> ' bash --norc --noprofile -i")
        defer { tmux.close() }
        try await tmux.waitFor { $0.contains("prompt>") }
        tmux.type("cd '\(run.directory.path)' && stty -g > before && LC_ALL=C.UTF-8 '\(run.demo)' --pid-file pid")
        tmux.send("Enter")
        try await tmux.waitFor { $0.contains("Name:") }
        tmux.type("abc")
        try await tmux.waitFor { $0.contains("Name: abc") }
        tmux.send("C-z")
        try await tmux.waitFor { $0.contains("Stopped") }
        #expect(tmux.format("#{alternate_on}") == "0")
        tmux.type("stty -g > during; fg")
        tmux.send("Enter")
        try await tmux.waitFor { $0.contains("Name: abc") && $0.contains("keys:") }
        tmux.send("Tab", "Down")
        try await tmux.waitFor { $0.contains("> [ ] bravo-alpha-1") }

        // SIGTSTP from outside takes the same path as Ctrl-Z.
        try await send(signal: "TSTP", to: run.waitForFile("pid"))
        try await tmux.waitFor { $0.components(separatedBy: "Stopped").count == 3 }
        tmux.type("clear; stty -g > during2; fg")
        tmux.send("Enter")
        try await tmux.waitFor { $0.contains("> [ ] bravo-alpha-1") && $0.contains("Name: abc") }

        tmux.send("C-c")
        try await tmux.waitFor { $0.contains("unsaved changes") }
        tmux.send("q")
        try await tmux.waitFor { $0.contains("prompt>") }
        tmux.type("stty -g > after")
        tmux.send("Enter")
        let before = try await run.waitForFile("before")
        #expect(try await run.waitForFile("during") == before)
        #expect(try await run.waitForFile("during2") == before)
        #expect(try await run.waitForFile("after") == before)
    }

    private func send(signal: String, to pid: String) async throws {
        let kill = try await Processes.run(
            URL(fileURLWithPath: "/bin/kill"), arguments: ["-\(signal)", pid], environment: Processes.minimalEnvironment(), timeout: 10)
        #expect(kill.exitCode == 0, "kill -\(signal) \(pid): \(kill.stderr)")
    }

    @Test func unknownTermFallsBackToAKnownType() async throws {
        try await withDemo(environment: "LC_ALL=C.UTF-8 TERM=xterm-no-such-terminal") { run, tmux in
            try await tmux.waitFor { $0.contains("Name:") && $0.contains("F1/? Help") }
            tmux.send("C-c")
            try await run.expectTerminalRestored(tmux, status: "0")
        }
    }

    /// The `ascii` option, and a locale that is not UTF-8, both give `+-|` frames.
    @Test(arguments: [("--ascii", "LC_ALL=C.UTF-8"), ("", "LC_ALL=C")])
    func asciiLocaleAndOptionDrawPlainFrames(option: String, locale: String) async throws {
        try await withDemo(option, environment: locale) { run, tmux in
            try await tmux.waitFor { $0.contains("Name:") }
            tmux.send("Tab", "F3")
            let screen = try await tmux.waitFor { $0.contains("! Request failed") && $0.contains("[ OK ]") }
            #expect(screen.contains("+- ! Request failed -"))
            #expect(screen.contains("| detail line 1"))
            #expect(!screen.contains("┌"))
            tmux.send("Escape")
            try await tmux.waitFor { $0.contains("last: dialog error closed") }
            tmux.send("F10")
            try await run.expectTerminalRestored(tmux, status: "0")
        }
    }

    /// Colour by default; NO_COLOR (non-empty) or --no-color give the
    /// monochrome scheme (reverse video instead of colour pairs).
    @Test(arguments: [("", "", true), ("NO_COLOR=1", "", false), ("", "--no-color", false)])
    func colourFollowsNoColor(environment: String, option: String, expectColour: Bool) async throws {
        try await withDemo(option, environment: "LC_ALL=C.UTF-8 \(environment)") { run, tmux in
            try await tmux.waitFor { $0.contains("F10/q Quit") }
            let styled = (try? tmux.run(["capture-pane", "-p", "-e", "-t", tmux.session])) ?? ""
            let hasColour = ["30m", "31m", "34m", "36m", "44m", "46m", "43m"].contains { styled.contains($0) }
            #expect(hasColour == expectColour, "\(styled)")
            if !expectColour { #expect(styled.contains("7m")) }
            tmux.send("C-c")
            try await run.expectTerminalRestored(tmux, status: "0")
        }
    }

    @Test func spinnerTurnsAndKeysWorkDuringBackgroundWork() async throws {
        try await withDemo("--screen progress", environment: "LC_ALL=C.UTF-8 TUI_DEMO_STEP_SECONDS=2") { run, tmux in
            let first = try await tmux.waitFor { $0.contains("Create the thing") && $0.contains("[ ") && !$0.contains("[ ok ]") }
            let spinnerRow = first.split(separator: "\n").first { $0.contains("Create the thing") }.map(String.init)
            try await tmux.waitFor { screen in
                let row = screen.split(separator: "\n").first { $0.contains("Create the thing") }.map(String.init)
                return row != spinnerRow
            }
            tmux.send("F1")
            try await tmux.waitFor { $0.contains("Help: Progress") }
            tmux.send("Escape")
            try await tmux.waitFor { $0.contains("[FAIL] Check the result") && $0.contains("[ ok ] Attach the parts") }
            tmux.send("q")
            try await run.expectTerminalRestored(tmux, status: "0")
        }
    }

    @Test func dumbAndMissingTerminalsGetAClearMessage() async throws {
        let demo = try DemoBinary.path()
        for (environment, expected) in [(["TERM": "dumb"], "TERM=dumb"), ([:], "TERM=dumb or unset"),
                                        (["TERM": "xterm"], "must be a terminal")] {
            let result = try await Processes.run(
                URL(fileURLWithPath: demo), environment: environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }, timeout: 60)
            #expect(result.exitCode == 1)
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            #expect(result.stderr.contains("Run it in a terminal; the end-to-end tests drive it under tmux."))
        }
    }
}

/// Finds the tui-demo executable SwiftPM built next to the test bundle.
enum DemoBinary {
    static func path() throws -> String {
        var folders: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        folders.append(executable.deletingLastPathComponent())
        var bundle = Bundle.main.bundleURL
        for _ in 0..<4 {
            folders.append(bundle)
            bundle = bundle.deletingLastPathComponent()
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("tui-demo").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw DemoBinaryError.notBuilt(searched: folders.map(\.path))
    }

    enum DemoBinaryError: Error, CustomStringConvertible {
        case notBuilt(searched: [String])
        var description: String {
            "tui-demo is not built next to the tests (run `swift build` first); looked in \(searched.joined(separator: ", "))"
        }
        private var searched: [String] {
            if case .notBuilt(let folders) = self { return folders }
            return []
        }
    }
}
