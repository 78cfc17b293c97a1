import Foundation
import Testing

/// Runs a command in a detached tmux session on a private server socket
/// (`tmux -L <unique name>`), for end-to-end tests of terminal programs:
/// send keys, paste, resize, capture the pane. Each instance starts its own
/// server and `close()` kills only that server.
///
///     let tmux = try Tmux.start("my-program", columns: 80, rows: 24)  // without tmux: skipped, or failed under CI
///     defer { tmux.close() }
///     try tmux.waitFor { $0.contains("Ready") }
///     tmux.send("Down", "Enter")
public final class Tmux: Sendable {
    public let server: String
    public let session = "main"
    private let executable: String
    private let environment: [String: String]

    /// Where tmux is, or nil when it is not installed.
    public static let executablePath: String? = {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    /// The environment the tmux server (and so every pane) gets: only what a
    /// shell needs, so variables of the test run (NO_COLOR, TERM, LANG...)
    /// do not leak into the program under test.
    public static let cleanEnvironment: [String: String] = [
        "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": NSHomeDirectory(), "SHELL": "/bin/sh",
        "TMPDIR": NSTemporaryDirectory(),
    ]

    /// Starts `command` (run by /bin/sh) in a new session of the given size,
    /// on a server whose environment is exactly `environment`. Without tmux
    /// the test is cancelled (a visible skip, never a silent pass) outside
    /// CI, and fails under CI=true (`ci` reads the test run's own environment).
    public static func start(_ command: String, columns: Int = 80, rows: Int = 24,
                             environment: [String: String] = cleanEnvironment,
                             ci: Bool = ProcessInfo.processInfo.environment["CI"] == "true") throws -> Tmux {
        guard let executable = executablePath else {
            try MissingTool.stop("tmux (the end-to-end terminal tests need it)", install: "apt-get install tmux", required: ci)
        }
        let unique = UUID().uuidString.prefix(8).lowercased()
        let tmux = Tmux(server: "rolewiz-test-\(getpid())-\(unique)", executable: executable, environment: environment)
        // Keep the pane (and its text) when the command ends: set for the
        // whole server before the session exists, as a command that exits at
        // once (TERM=dumb) would otherwise take its session with it.
        try tmux.run(["-f", "/dev/null", "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                      "new-session", "-d", "-s", tmux.session, "-x", String(columns), "-y", String(rows), command])
        return tmux
    }

    private init(server: String, executable: String, environment: [String: String]) {
        self.server = server
        self.executable = executable
        self.environment = environment
    }

    deinit {
        close()
    }

    /// Runs a tmux subcommand on this server; returns its standard output.
    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        let (status, output) = try Self.spawn(executable, ["-u", "-L", server] + arguments, environment: environment)
        guard status == 0 else { throw TmuxError.failed(arguments: arguments, output: output) }
        return output
    }

    /// Runs a program to completion with a clean signal state and its output
    /// in a temp file. Not Foundation's Process: that passes on the calling
    /// thread's blocked signals (test threads block SIGTERM and friends), so
    /// the programs in the pane could not be signalled; and the tmux server
    /// would inherit an output pipe and keep it open forever. Not
    /// swift-subprocess either, though it resets the child's signals too: it
    /// is async only, and every call here (`send`, `capture`, `close` from
    /// `deinit`) is synchronous.
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> (Int32, String) {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw TmuxError.failed(arguments: arguments, output: "posix_spawn: \(result)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-c`, `BTab`, `F1`, `Down`...).
    public func send(_ keys: String...) {
        _ = try? run(["send-keys", "-t", session] + keys)
    }

    /// Types text literally.
    public func type(_ text: String) {
        _ = try? run(["send-keys", "-t", session, "-l", text])
    }

    /// Pastes text as a bracketed paste when the program asked for one.
    public func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "test", text])
        try run(["paste-buffer", "-p", "-d", "-b", "test", "-t", session])
    }

    public func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", session, "-x", String(columns), "-y", String(rows)])
    }

    /// The visible text of the pane.
    public func capture() -> String {
        (try? run(["capture-pane", "-p", "-t", session])) ?? ""
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}`.
    public func format(_ format: String) -> String {
        ((try? run(["display-message", "-p", "-t", session, format])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the pane until `condition` holds; throws with the last capture
    /// if it does not within `seconds` (a wait, not a timing assertion).
    /// Async so that waiting never holds one of the few cooperative threads
    /// that background work in other tests needs.
    @discardableResult
    public func waitFor(seconds: Double = 90, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture()
        while !condition(screen) {
            if Date() > deadline { throw TmuxError.timedOut(screen: screen) }
            try await Task.sleep(for: .milliseconds(50))
            screen = capture()
        }
        return screen
    }

    /// The blocking form, for synchronous callers. Prefer the async one in
    /// tests: a blocked thread here is one fewer for everyone's async work.
    @discardableResult
    public func waitFor(seconds: Double = 90, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture()
        while !condition(screen) {
            if Date() > deadline { throw TmuxError.timedOut(screen: screen) }
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
        return screen
    }

    /// Kills this server (and only it). Safe to call twice.
    public func close() {
        _ = try? run(["kill-server"])
    }
}

public enum TmuxError: Error, CustomStringConvertible {
    case failed(arguments: [String], output: String)
    case timedOut(screen: String)

    public var description: String {
        switch self {
        case .failed(let arguments, let output): "tmux \(arguments.joined(separator: " ")) failed: \(output)"
        case .timedOut(let screen): "timed out waiting for the pane; it shows:\n\(screen)"
        }
    }
}
