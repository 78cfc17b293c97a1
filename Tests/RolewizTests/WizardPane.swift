import Foundation
import TestSupport

/// The built rolewiz running in a pane of its own tmux server (the shared
/// `Tmux` helper), wrapped so the tty settings (`stty -g`) are recorded
/// before and after the run and the exit status is kept in a directory
/// that is also the program's working directory.
final class WizardPane {
    let tmux: Tmux
    let directory: URL

    /// Starts `rolewiz arguments` at the given size (80x24 by default) with
    /// exactly `environment`. Without tmux the test is skipped (failed under CI=true).
    static func start(_ arguments: [String], environment: [String: String], columns: Int = 80, rows: Int = 24) throws -> WizardPane {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("wizard-pane"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let binary = try Processes.rolewizExecutable().path
        let env = environment.sorted { $0.key < $1.key }.map { quote("\($0.key)=\($0.value)") }.joined(separator: " ")
        let dir = quote(directory.path)
        // The inner sh writes its PID (rolewiz's, after the exec) for tests that send signals.
        let script = "cd \(dir) && stty -g > stty-before; sh -c 'echo $$ > pid.tmp && mv pid.tmp pid && exec \"$@\"' rolewiz env -i \(env) \(quote(binary)) "
            + arguments.map(quote).joined(separator: " ")
            + " 2> stderr; echo $? > exit-status.tmp; stty -g > stty-after; mv exit-status.tmp exit-status"
        let tmux = try Tmux.start(script, columns: columns, rows: rows)
        return WizardPane(tmux: tmux, directory: directory)
    }

    private init(tmux: Tmux, directory: URL) {
        self.tmux = tmux
        self.directory = directory
    }

    private static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Waits (asynchronously, so the cooperative pool is never blocked) until `text` is on screen; returns the screen. The error names the text, the screen and stderr.
    @discardableResult
    func waitFor(_ text: String) async throws -> String {
        do {
            return try await tmux.waitFor(seconds: 60) { $0.contains(text) }
        } catch {
            throw WizardPaneError(text: text, cause: "\(error)", stderr: read("stderr") ?? "")
        }
    }

    /// Waits for rolewiz to exit; returns its exit status.
    func waitForExit() async throws -> Int32 {
        try await tmux.waitFor(seconds: 60) { _ in self.read("exit-status") != nil }
        return Int32(read("exit-status")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? -1
    }

    /// rolewiz's process ID, once it has started.
    var pid: Int32? { read("pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }

    /// The tty settings before the run and after it.
    var sttyBeforeAndAfter: (String, String) { (read("stty-before") ?? "missing", read("stty-after") ?? "missing") }

    func read(_ name: String) -> String? {
        try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    func close() {
        tmux.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Text that never appeared, with what the pane and rolewiz's stderr showed instead.
struct WizardPaneError: Error, CustomStringConvertible {
    var text: String
    var cause: String
    var stderr: String
    var description: String { "'\(text)' never appeared: \(cause)\nstderr: \(stderr)" }
}
