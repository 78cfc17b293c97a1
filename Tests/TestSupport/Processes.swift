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

    /// Runs `executable` to completion with swift-subprocess. Standard input
    /// is written while standard output and error are read, so no pipe can
    /// fill up and stall the child. Past `timeout` the child gets SIGTERM,
    /// then SIGKILL two seconds later; the result says `timedOut` and keeps
    /// what it printed until then.
    public static func run(
        _ executable: URL, arguments: [String] = [], environment: [String: String],
        stdin: Data? = nil, timeout: TimeInterval = 120
    ) async throws -> ProcessResult {
        _ = BrokenPipes.ignored
        return try await withThrowingTaskGroup(of: ProcessResult?.self) { group in
            group.addTask { try await runToEnd(executable, arguments: arguments, environment: environment, stdin: stdin) }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            if let finished = first { return finished }
            // Cancelled, the run stops the child (its teardown sequence) and
            // still returns its status and the output read so far.
            guard var stopped = try await group.next() ?? nil else {
                throw ProcessLookupError(message: "\(executable.path) ran past its \(Int(timeout)) s time-out and gave no result")
            }
            stopped.timedOut = true
            return stopped
        }
    }

    private static func runToEnd(
        _ executable: URL, arguments: [String], environment: [String: String], stdin: Data?
    ) async throws -> ProcessResult {
        var options = PlatformOptions()
        options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(2))]
        let outcome = try await Subprocess.run(
            .file(executable), arguments: Arguments(arguments), environment: .exactly(environment),
            platformOptions: options, input: .inputWriter, output: .sequence, error: .sequence
        ) { execution in
            async let written: Void = feed(stdin, to: execution.standardInputWriter)
            async let output = collect(execution.standardOutput, name: "standard output")
            async let errors = collect(execution.standardError, name: "standard error")
            _ = await written
            return try await (output, errors)
        }
        let code: Int32 = switch outcome.terminationStatus {
        case .exited(let code): code
        case .signaled(let signal): signal  // as Foundation's Process reported it
        }
        return ProcessResult(
            exitCode: code, stdout: String(decoding: outcome.closureResult.0, as: UTF8.self),
            stderr: String(decoding: outcome.closureResult.1, as: UTF8.self), timedOut: false)
    }

    /// Writes `data` and closes the pipe. A child may exit without reading
    /// its input (`/bin/true`, a usage error): the write then fails with
    /// EPIPE, which is not the test's failure, and its output still counts.
    private static func feed(_ data: Data?, to writer: StandardInputWriter) async {
        if let data, !data.isEmpty { _ = try? await writer.write(data) }
        try? await writer.finish()
    }

    /// Everything a child wrote to one pipe, up to `outputLimit`.
    private static func collect(_ stream: SubprocessOutputSequence, name: String) async throws -> Data {
        var data = Data()
        for try await buffer in stream {
            buffer.withUnsafeBytes { data.append(contentsOf: $0) }
            guard data.count <= outputLimit else {
                throw ProcessLookupError(message: "the child wrote more than \(outputLimit) bytes to its \(name)")
            }
        }
        return data
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

public struct ProcessLookupError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// SIGPIPE, ignored once for the whole test process. A child that exits
/// without reading its standard input turns the write into that pipe into
/// SIGPIPE, whose default action kills the test process. swift-subprocess
/// leaves the signal alone and writes from whichever pool thread runs its
/// I/O, so blocking it on one thread cannot work; ignored, the write fails
/// with EPIPE, which `Processes.run` drops. Children do not inherit it:
/// swift-subprocess resets every signal to its default before exec.
private enum BrokenPipes {
    static let ignored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}

extension Environment {
    /// Exactly `variables` and nothing inherited, as Foundation's
    /// `Process.environment` gives a child.
    public static func exactly(_ variables: [String: String]) -> Environment {
        // NUL-terminated: swift-subprocess strdup()s each entry (see CredentialCommand).
        .custom(variables.map { Array("\($0.key)=\($0.value)\0".utf8) })
    }
}

extension Executable {
    /// The program at `url`, not looked up on PATH.
    public static func file(_ url: URL) -> Executable {
        .path(FilePath(url.path))
    }
}
