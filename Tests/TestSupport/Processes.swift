import Foundation

/// What a finished subprocess left behind.
public struct ProcessResult: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    /// True when the process was killed for running past its time-out.
    public var timedOut: Bool
}

/// Runs subprocesses for tests (the built `rolewiz` binary, Python helpers)
/// with an explicit environment, optional standard input, captured output and
/// a time-out, and finds the package's files and products.
public enum Processes {
    /// Runs `executable` to completion. Standard output and error are read
    /// concurrently so neither pipe can fill up and stall the child.
    public static func run(
        _ executable: URL, arguments: [String] = [], environment: [String: String],
        stdin: Data? = nil, timeout: TimeInterval = 120
    ) async throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()

        let handle = UncheckedProcess(process)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let group = DispatchGroup()
                let collected = CollectedOutput()
                for (pipe, isOutput) in [(output, true), (errors, false)] {
                    group.enter()
                    DispatchQueue.global().async {
                        let data = pipe.fileHandleForReading.readDataToEndOfFile()
                        collected.set(data, isOutput: isOutput)
                        group.leave()
                    }
                }
                if let stdin { input.fileHandleForWriting.write(stdin) }
                try? input.fileHandleForWriting.close()

                let timer = DispatchWorkItem { handle.killAfterTimeout() }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
                handle.process.waitUntilExit()
                timer.cancel()
                group.wait()
                continuation.resume(returning: ProcessResult(
                    exitCode: handle.process.terminationStatus,
                    stdout: String(decoding: collected.output, as: UTF8.self),
                    stderr: String(decoding: collected.errors, as: UTF8.self),
                    timedOut: handle.didTimeOut))
            }
        }
    }

    /// The package root, found from this file's location.
    public static func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The directory of the built products (where `swift build` put the test bundle).
    public static func productsDirectory() -> URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        if let main = Bundle.main.executableURL, main.lastPathComponent.hasSuffix(".xctest") {
            return main.deletingLastPathComponent()
        }
        return packageRoot().appendingPathComponent(".build/debug")
    }

    /// The built `rolewiz` executable, next to the test bundle
    /// (or `ROLEWIZ_EXECUTABLE` when set).
    public static func rolewizExecutable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["ROLEWIZ_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let candidates = [
            productsDirectory().appendingPathComponent("rolewiz"),
            packageRoot().appendingPathComponent(".build/debug/rolewiz"),
        ]
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw ProcessLookupError(message: "rolewiz is not built; looked at \(candidates.map(\.path).joined(separator: ", ")). Run `swift build` first.")
    }

    /// The first executable called `name` on `PATH` of `environment`.
    public static func which(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// An environment with only what a child needs to run: PATH, HOME and the locale,
    /// plus `extra`. AWS settings from the developer's shell are not inherited.
    public static func minimalEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment: [String: String] = [:]
        let inherited = ProcessInfo.processInfo.environment
        for name in ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"] {
            if let value = inherited[name] { environment[name] = value }
        }
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        environment.merge(extra) { _, new in new }
        return environment
    }
}

/// A helper a test started and must stop (moto, the fault proxy). It is
/// signalled only while Foundation still knows it to be running: once it has
/// exited and been reaped its PID may belong to another process, such as a
/// script another test is running.
public final class HelperProcess: @unchecked Sendable {
    // @unchecked: Process answers isRunning and terminate() from any thread;
    // the input handle is only closed.
    private let process: Process
    private let input: FileHandle

    public init(_ process: Process, input: FileHandle) {
        self.process = process
        self.input = input
    }

    public var pid: Int32 { process.processIdentifier }

    /// SIGTERM while it runs, then its standard input closed (on which the
    /// helpers exit by themselves, so none outlives the test process).
    public func stop() {
        if process.isRunning { process.terminate() }
        try? input.close()
    }
}

public struct ProcessLookupError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A `Process` handed between the waiting thread and the time-out timer.
private final class UncheckedProcess: @unchecked Sendable {
    let process: Process
    private let lock = NSLock()
    private var timedOut = false

    init(_ process: Process) { self.process = process }

    var didTimeOut: Bool {
        lock.lock()
        defer { lock.unlock() }
        return timedOut
    }

    func killAfterTimeout() {
        lock.lock()
        timedOut = true
        lock.unlock()
        guard process.isRunning else { return }
        process.terminate()
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [self] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }
}

/// Output collected on two reader queues.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var storedOutput = Data()
    private var storedErrors = Data()

    func set(_ data: Data, isOutput: Bool) {
        lock.lock()
        if isOutput { storedOutput = data } else { storedErrors = data }
        lock.unlock()
    }

    var output: Data {
        lock.lock()
        defer { lock.unlock() }
        return storedOutput
    }

    var errors: Data {
        lock.lock()
        defer { lock.unlock() }
        return storedErrors
    }
}
