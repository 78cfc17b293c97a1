import Foundation
import TestSupport

/// tui-demo, the TerminalUI demo, in a pane of the shared `Tmux` helper's
/// private server, started from a shell that records `stty -g` before and
/// after it and the program's exit status, and whose standard error goes to
/// a file. (The wizard itself runs in `WizardPane`, on the same helper.)
struct TerminalTmuxPane {
    let tmux: Tmux
    let directory: URL

    /// Starts `arguments` of tui-demo in a `columns`x`rows` pane with `TERM` and `LANG`.
    /// Without tmux the test is skipped (failed under CI=true).
    static func start(
        _ arguments: [String], term: String = "xterm-256color", lang: String = "C.UTF-8",
        columns: Int = 80, rows: Int = 24
    ) async throws -> TerminalTmuxPane {
        let demo = Processes.productsDirectory().appendingPathComponent("tui-demo")
        guard FileManager.default.isExecutableFile(atPath: demo.path) else {
            throw TmuxPaneError(message: "tui-demo is not built at \(demo.path); run `swift build`")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("rolewiz-tmux"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let d = directory.path
        let command = ([demo.path] + arguments + ["--pid-file", "\(d)/pid"]).map { "'\($0)'" }.joined(separator: " ")
        let script = """
            stty -g > '\(d)/before'
            TERM='\(term)' LANG='\(lang)' LC_ALL='\(lang)' \(command) 2> '\(d)/stderr'
            echo $? > '\(d)/status.tmp'
            stty -g > '\(d)/after'
            mv '\(d)/status.tmp' '\(d)/status'
            """
        try script.write(toFile: "\(d)/run.sh", atomically: true, encoding: .utf8)
        let tmux = try Tmux.start("sh '\(d)/run.sh'", columns: columns, rows: rows)
        return TerminalTmuxPane(tmux: tmux, directory: directory)
    }

    /// What the pane shows now.
    func screen() async throws -> String { tmux.capture() }

    func sendKeys(_ keys: String...) async throws {
        for key in keys { tmux.send(key) }
    }

    func resize(columns: Int, rows: Int) async throws {
        try tmux.resize(columns: columns, rows: rows)
    }

    /// The program's PID, once it has written its PID file.
    func pid() async throws -> Int32? {
        try await waitFor { Int32(self.read("pid") ?? "") }
    }

    /// The exit status once the program has ended (nil if it is still running after `seconds`).
    func exitStatus(within seconds: Double = 10) async throws -> Int32? {
        try await waitFor(seconds: seconds) { self.read("status").flatMap { Int32($0) } }
    }

    /// Waits (bounded) until the screen contains `text`.
    func waitForScreen(containing text: String, seconds: Double = 10) async throws -> Bool {
        (try? await tmux.waitFor(seconds: seconds) { $0.contains(text) }) != nil
    }

    func read(_ name: String) -> String? {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Kills the tmux server and removes the files.
    func stop() async {
        tmux.close()
        try? FileManager.default.removeItem(at: directory)
    }

    private func waitFor<T>(seconds: Double = 10, _ probe: () -> T?) async throws -> T? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = probe() { return value }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return probe()
    }
}

struct TmuxPaneError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
