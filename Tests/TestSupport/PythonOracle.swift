import Foundation
import Testing

/// Python as a reference implementation for differential tests: botocore,
/// `shlex`, `ipaddress`, universal newlines. A script reads JSON on
/// standard input and writes JSON on standard output.
public enum PythonOracle {
    /// The script's answer for `input`. When python3 or a module it imports
    /// is missing the test is skipped, or fails under CI=true (`MissingTool`).
    /// A script still running after `timeout` seconds is killed and fails the test.
    public static func answer<Input: Encodable, Output: Decodable>(
        _ script: String, for input: Input, as type: Output.Type = Output.self,
        timeout: TimeInterval = 120, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Output {
        guard let python = Processes.which("python3") else {
            try MissingTool.stop("python3", install: "apt-get install python3", sourceLocation: sourceLocation)
        }
        let result = try await Processes.run(
            python, arguments: ["-c", script], environment: Processes.minimalEnvironment(),
            stdin: try JSONEncoder().encode(input), timeout: timeout)
        try #require(!result.timedOut, "python3 ran past its \(Int(timeout))s time-out", sourceLocation: sourceLocation)
        guard result.exitCode == 0 else {
            try #require(result.stderr.contains("ModuleNotFoundError"), "python3 failed: \(result.stderr.suffix(800))", sourceLocation: sourceLocation)
            let module = result.stderr.firstMatch(of: /No module named '([^']+)'/).map { String($0.1) } ?? "a module"
            try MissingTool.stop("python's \(module)", install: "pip install \(module)", sourceLocation: sourceLocation)
        }
        return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    }
}
