import Foundation
import Testing

/// A moto server (the AWS emulator) on a free 127.0.0.1 port, for tests that
/// must talk to a real IAM/STS implementation.
///
/// A small pool of shared servers serves every test in the process (`MotoServer.shared()`);
/// tests keep apart by using unique names (`MotoServer.uniqueName(_:)`). A test
/// that needs its own server (signature checking) calls `start(environment:)`
/// and `stop()`s it when done.
///
/// Orphans are impossible by construction: a small Python launcher
/// (`python/moto_launcher.py`) runs moto's `ThreadedMotoServer` and exits
/// as soon as its standard input closes, which happens when the test process
/// exits or dies, however it dies. The PIDs are also killed from an `atexit`
/// handler.
public final class MotoServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let endpoint: URL
    public let port: Int
    /// moto's own log (werkzeug's request lines), for looking into a failure.
    public let logPath: String
    private let helper: HelperProcess

    private init(endpoint: URL, port: Int, logPath: String, helper: HelperProcess) {
        self.endpoint = endpoint
        self.port = port
        self.logPath = logPath
        self.helper = helper
    }

    public var pid: Int32 { helper.pid }

    // MARK: - The shared server

    /// The server shared by every test in this process, started on first use.
    /// - Throws: `MotoUnavailable` when Python or moto is missing or moto did not start.
    public static func shared() async throws -> MotoServer {
        try await SharedMoto.instance.server()
    }

    /// The shared server's endpoint, or: when moto is missing, a recorded test
    /// failure under `CI=true`, otherwise a skip (the test is cancelled with the reason).
    /// Call it first in every test that needs moto: `let moto = try await MotoServer.sharedOrSkip()`.
    public static func sharedOrSkip(sourceLocation: SourceLocation = #_sourceLocation) async throws -> MotoServer {
        do {
            return try await shared()
        } catch let unavailable as MotoUnavailable {
            try skipOrFail(unavailable, sourceLocation: sourceLocation)
        }
    }

    /// Under CI a missing moto is a failure; on a developer machine it skips the test.
    public static func skipOrFail(_ unavailable: MotoUnavailable, sourceLocation: SourceLocation = #_sourceLocation) throws -> Never {
        try MissingTool.stop("moto (\(unavailable.reason))", install: "pip install 'moto[server]'", sourceLocation: sourceLocation)
    }

    // MARK: - A separate server

    /// Starts a new server with extra environment, such as
    /// `["INITIAL_NO_AUTH_ACTION_COUNT": "4"]` to turn on signature checking
    /// after four calls. `stop()` it when done.
    public static func start(environment extra: [String: String] = [:]) async throws -> MotoServer {
        try await launch(extraEnvironment: extra)
    }

    /// `start(environment:)`, or the same skip-or-fail as `sharedOrSkip()` when
    /// moto is missing. `stop()` the server when done (`defer { moto.stop() }`).
    public static func startOrSkip(
        environment extra: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> MotoServer {
        do {
            return try await start(environment: extra)
        } catch let unavailable as MotoUnavailable {
            try skipOrFail(unavailable, sourceLocation: sourceLocation)
        }
    }

    /// Stops the server.
    public func stop() {
        LaunchedProcesses.remove(pid)
        helper.stop()
    }

    /// A name no other test uses, `prefix-<8 hex>`: tests run in parallel
    /// against one server, so every role, user and path must be unique.
    public static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    // MARK: - Launching

    /// Tests/TestSupport/python/moto_launcher.py: moto on 127.0.0.1 with an
    /// ephemeral port; prints `MOTO-READY <port>`, exits when stdin closes.
    /// The screenshots and the benchmarks start moto with the same script.
    static var launcherScript: URL {
        Processes.packageRoot().appendingPathComponent("Tests/TestSupport/python/moto_launcher.py")
    }

    private static func launch(extraEnvironment: [String: String]) async throws -> MotoServer {
        guard let python = Processes.which("python3") else {
            throw MotoUnavailable(reason: "python3 is not on PATH")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        environment["PYTHONUNBUFFERED"] = "1"
        environment.merge(extraEnvironment) { _, new in new }

        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("rolewiz-moto-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(6)).log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let process = Process()
        process.executableURL = python
        process.arguments = [launcherScript.path]
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: logPath)
        do {
            try process.run()
        } catch {
            throw MotoUnavailable(reason: "could not run \(python.path): \(error)")
        }
        LaunchedProcesses.add(process.processIdentifier)

        let line = await HelperProcess.firstLine(from: output.fileHandleForReading, timeout: 120)
        if let line, line.hasPrefix("MOTO-READY "), let port = Int(line.dropFirst("MOTO-READY ".count)) {
            return MotoServer(
                endpoint: URL(string: "http://\(extraEnvironment["ROLEWIZ_MOTO_HOST"] == "::1" ? "[::1]" : "127.0.0.1"):\(port)")!,
                port: port, logPath: logPath,
                helper: HelperProcess(process, input: input.fileHandleForWriting))
        }
        try? input.fileHandleForWriting.close()
        kill(process.processIdentifier, SIGKILL)
        LaunchedProcesses.remove(process.processIdentifier)
        if let line, line.hasPrefix("MOTO-UNAVAILABLE ") {
            throw MotoUnavailable(reason: String(line.dropFirst("MOTO-UNAVAILABLE ".count)))
        }
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        throw MotoUnavailable(reason: "moto did not start (said \(line.map { "'\($0)'" } ?? "nothing")); log: \(log.suffix(600))")
    }
}

/// Why moto cannot be used here.
public struct MotoUnavailable: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "moto unavailable: \(reason)" }
}

/// The shared servers: two, handed out in turn, each started once even when
/// many tests ask at the same time. moto answers one request at a time per
/// process (Python's GIL), so one server for every parallel test would queue
/// calls past their time-outs on a 2-core machine. Each test asks once and
/// keeps the server it got, so its calls all reach the same IAM.
private actor SharedMoto {
    static let instance = SharedMoto()
    static let poolSize = 2
    private var starting: [Task<MotoServer, any Error>] = []
    private var next = 0

    func server() async throws -> MotoServer {
        let index = next % Self.poolSize
        next += 1
        if index < starting.count { return try await starting[index].value }
        let task = Task.detached { try await MotoServer.start() }
        starting.append(task)
        return try await task.value
    }
}

/// PIDs to kill when the test process exits normally.
private enum LaunchedProcesses {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pids: Set<Int32> = []
    private static let registerExitHandler: Void = {
        atexit {
            for pid in LaunchedProcesses.snapshot() { kill(pid, SIGTERM) }
        }
    }()

    static func add(_ pid: Int32) {
        _ = registerExitHandler
        lock.lock()
        pids.insert(pid)
        lock.unlock()
    }

    static func remove(_ pid: Int32) {
        lock.lock()
        pids.remove(pid)
        lock.unlock()
    }

    static func snapshot() -> Set<Int32> {
        lock.lock()
        defer { lock.unlock() }
        return pids
    }
}
