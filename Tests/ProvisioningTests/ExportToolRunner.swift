import Foundation

/// Runs the external tools the export tests check their output with
/// (sh, cfn-lint, terraform), which may not be installed everywhere.
enum ExportToolRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The tool's path on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether a missing tool is a failure (under CI=true) rather than a skip.
    static var toolsRequired: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Runs the tool to the end without holding a thread of the shared
    /// concurrency pool (cfn-lint takes seconds; other tests keep running).
    static func run(
        _ executable: String, _ arguments: [String], stdin: String? = nil,
        environment: [String: String]? = nil, in directory: URL? = nil
    ) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        let outputReader = PipeReader(output.fileHandleForReading)
        let errorReader = PipeReader(errors.fileHandleForReading)
        let status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        return Output(
            status: status,
            stdout: String(decoding: await outputReader.data(), as: UTF8.self),
            stderr: String(decoding: await errorReader.data(), as: UTF8.self)
        )
    }

    /// Reads a pipe to its end on a Dispatch thread, so neither pipe can
    /// fill up and stall the tool.
    private final class PipeReader: @unchecked Sendable {
        private let group = DispatchGroup()
        private var collected = Data()

        init(_ handle: FileHandle) {
            group.enter()
            DispatchQueue.global().async {
                self.collected = handle.readDataToEndOfFile()
                self.group.leave()
            }
        }

        func data() async -> Data {
            await withCheckedContinuation { continuation in
                group.notify(queue: .global()) { continuation.resume(returning: self.collected) }
            }
        }
    }

    /// A new empty directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
