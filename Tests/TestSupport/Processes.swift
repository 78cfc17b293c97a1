import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

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
    /// The most output a test child may write to each of its two pipes.
    public static let outputLimit = 64 << 20

    /// Runs `executable` to completion with swift-subprocess, which reads
    /// standard output and error concurrently (neither pipe can fill up and
    /// stall the child) and writes `stdin`, or nothing: without it the child
    /// reads /dev/null. Past `timeout` the child is sent SIGTERM, then
    /// SIGKILL two seconds later, and the result says `timedOut`.
    public static func run(
        _ executable: URL, arguments: [String] = [], environment: [String: String],
        stdin: Data? = nil, timeout: TimeInterval = 120
    ) async throws -> ProcessResult {
        let path = FilePath(executable.path)
        // NUL-terminated: swift-subprocess strdup()s each entry (see CredentialCommand).
        let variables = environment.map { Array("\($0.key)=\($0.value)\0".utf8) }
        let input = stdin.map { Array($0) } ?? []
        return try await withThrowingTaskGroup(of: ProcessResult?.self) { group in
            group.addTask {
                var options = PlatformOptions()
                options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(2))]
                let result = try await Subprocess.run(
                    .path(path), arguments: Arguments(arguments), environment: .custom(variables), platformOptions: options,
                    input: .array(input), output: .bytes(limit: outputLimit), error: .bytes(limit: outputLimit))
                let code: Int32 = switch result.terminationStatus {
                case .exited(let code): code
                case .signaled(let signal): signal  // as Foundation's Process reported it
                }
                return ProcessResult(
                    exitCode: code, stdout: String(decoding: result.standardOutput, as: UTF8.self),
                    stderr: String(decoding: result.standardError, as: UTF8.self), timedOut: false)
            }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                return ProcessResult(
                    exitCode: 128 + SIGKILL, stdout: "", stderr: "\(executable.lastPathComponent) ran past its \(Int(timeout)) s time-out and was stopped",
                    timedOut: true)
            }
            return result
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
