import Foundation

/// Runs a command line through `/bin/sh -c`, as the AWS CLI documents for
/// `credential_process`, and collects what it printed.
struct ShellCommand: Sendable {
    var commandLine: String
    var environment: [String: String]

    struct Output: Sendable {
        var status: Int32
        /// True when the process was killed by a signal; `status` is then the signal number.
        var signalled: Bool
        var stdout: Data
        var stderr: Data
    }

    /// Runs on a background thread so that a slow command does not hold a
    /// cooperative-pool thread while it waits.
    func run() async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try runBlocking())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func runBlocking() throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", commandLine]
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr on its own thread so that a chatty command cannot fill
        // one pipe while we block reading the other.
        let stderrData = DrainedPipe(stderr)
        let stdoutData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            stdout: stdoutData,
            stderr: stderrData.wait()
        )
    }
}

/// Reads a pipe to its end on a separate thread.
private final class DrainedPipe: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// The semaphore orders the write on the reading thread before this read.
    func wait() -> Data {
        done.wait()
        return data
    }
}
