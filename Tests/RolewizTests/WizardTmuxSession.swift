import Foundation
import TestSupport

/// The built rolewiz running inside a detached tmux session on its own
/// socket, for end-to-end tests: send keys, read the screen, resize. The
/// command is wrapped so the tty settings (`stty -g`) are recorded before
/// and after, and the exit status is kept.
final class WizardTmuxSession {
    let socket = MotoServer.uniqueName("rolewiz-tmux")
    let directory: URL
    private let tmux: URL

    /// Starts `rolewiz arguments` at 80x24 with exactly `environment`.
    init(arguments: [String], environment: [String: String]) async throws {
        guard let tmux = Processes.which("tmux") else { throw ProcessLookupError(message: "tmux is not installed") }
        self.tmux = tmux
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let binary = try Processes.rolewizExecutable().path
        let env = environment.sorted { $0.key < $1.key }.map { Self.quote("\($0.key)=\($0.value)") }.joined(separator: " ")
        let dir = Self.quote(directory.path)
        let script = "cd \(dir) && stty -g > \(dir)/stty-before; env -i \(env) \(Self.quote(binary)) "
            + arguments.map(Self.quote).joined(separator: " ")
            + " 2> \(dir)/stderr; echo $? > \(dir)/exit-status.tmp; stty -g > \(dir)/stty-after; mv \(dir)/exit-status.tmp \(dir)/exit-status; sleep 600"
        _ = try await run(["new-session", "-d", "-x", "80", "-y", "24", "sh", "-c", script])
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    private func run(_ arguments: [String]) async throws -> String {
        let result = try await Processes.run(
            tmux, arguments: ["-L", socket, "-f", "/dev/null"] + arguments,
            environment: Processes.minimalEnvironment(["TERM": "xterm-256color"]), timeout: 20)
        return result.stdout
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-c`, `Space`, `F2`) or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) async throws {
        for key in keys {
            try await run(["send-keys", "-t", "0"] + (literal ? ["-l", key] : [key]))
        }
    }

    func screen() async throws -> String {
        try await run(["capture-pane", "-p", "-t", "0"])
    }

    func resize(columns: Int, rows: Int) async throws {
        try await run(["resize-window", "-t", "0", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Waits (polling the pane, up to about a minute) until `text` is on screen; returns the screen.
    @discardableResult
    func waitFor(_ text: String) async throws -> String {
        var last = ""
        for _ in 0..<600 {
            last = try await screen()
            if last.contains(text) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessLookupError(message: "'\(text)' never appeared; the screen was:\n\(last)\nstderr: \(stderr)")
    }

    /// Waits for rolewiz to exit; returns its exit status.
    func waitForExit() async throws -> Int32 {
        let file = directory.appendingPathComponent("exit-status")
        for _ in 0..<600 {
            if let text = try? String(contentsOf: file, encoding: .utf8) {
                return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessLookupError(message: "rolewiz did not exit; the screen was:\n\(try await screen())")
    }

    var stderr: String { (try? String(contentsOf: directory.appendingPathComponent("stderr"), encoding: .utf8)) ?? "" }

    /// The tty settings before the run and after it.
    var sttyBeforeAndAfter: (String, String) {
        let read = { (name: String) in (try? String(contentsOf: self.directory.appendingPathComponent(name), encoding: .utf8)) ?? "missing" }
        return (read("stty-before"), read("stty-after"))
    }

    func close() async {
        _ = try? await run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }
}
