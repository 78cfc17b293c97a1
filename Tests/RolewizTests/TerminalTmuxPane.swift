import Foundation
import TestSupport

/// A program in a pane of its own tmux server (a private socket, so nothing
/// touches the developer's tmux), started from a shell that records `stty -g`
/// before and after it and the program's exit status, and whose standard
/// error goes to a file.
///
/// The tests drive `tui-demo`, the TerminalUI demo: the wizard binary is not
/// merged on this branch yet.
struct TerminalTmuxPane {
    let socket: String
    let directory: URL
    let tmux: URL

    /// Starts `arguments` of tui-demo in a `columns`x`rows` pane with `TERM` and `LANG`.
    static func start(
        _ arguments: [String], term: String = "xterm-256color", lang: String = "C.UTF-8",
        columns: Int = 80, rows: Int = 24
    ) async throws -> TerminalTmuxPane {
        guard let tmux = Processes.which("tmux") else { throw TmuxPaneError(message: "tmux is not installed") }
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
            sleep 60
            """
        try script.write(toFile: "\(d)/run.sh", atomically: true, encoding: .utf8)
        let pane = TerminalTmuxPane(socket: "rolewiz-\(UUID().uuidString.prefix(8))", directory: directory, tmux: tmux)
        try await pane.tmuxCommand(["new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "sh", "\(d)/run.sh"])
        return pane
    }

    /// Runs a tmux subcommand on this pane's server. Through `Tmux.spawn`, not
    /// Foundation's Process: the tmux server started by `new-session` would
    /// inherit Process's output pipe and keep it open, so reading it to the
    /// end would never finish.
    @discardableResult
    func tmuxCommand(_ arguments: [String]) async throws -> String {
        let executable = tmux.path, socket = socket
        let (status, output) = try await Task.detached {
            try Tmux.spawn(executable, ["-L", socket, "-f", "/dev/null"] + arguments,
                           environment: Processes.minimalEnvironment(["TERM": "xterm-256color"]))
        }.value
        guard status == 0 else {
            throw TmuxPaneError(message: "tmux \(arguments.joined(separator: " ")) failed: \(output)")
        }
        return output
    }

    /// What the pane shows now.
    func screen() async throws -> String {
        try await tmuxCommand(["capture-pane", "-p"])
    }

    func sendKeys(_ keys: String...) async throws {
        try await tmuxCommand(["send-keys"] + keys)
    }

    func resize(columns: Int, rows: Int) async throws {
        try await tmuxCommand(["resize-window", "-x", "\(columns)", "-y", "\(rows)"])
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
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await screen().contains(text) { return true }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    func read(_ name: String) -> String? {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Kills the tmux server and removes the files.
    func stop() async {
        _ = try? await tmuxCommand(["kill-server"])
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
