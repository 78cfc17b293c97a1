import Foundation
import Testing

/// Python as a reference implementation for differential tests: botocore,
/// `shlex`, `ipaddress`, universal newlines. A script reads JSON on
/// standard input and writes JSON on standard output.
public enum PythonOracle {
    /// The script's answer for `input`, or nil (a visible skip) when python3
    /// or a module it imports is missing; under CI=true that is a failure.
    /// A script still running after `timeout` seconds is killed and fails the test.
    public static func answer<Input: Encodable, Output: Decodable>(
        _ script: String, for input: Input, as type: Output.Type = Output.self,
        timeout: TimeInterval = 120, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Output? {
        let required = ProcessInfo.processInfo.environment["CI"] == "true"
        guard let python = Processes.which("python3") else {
            try #require(!required, "python3 is required under CI=true", sourceLocation: sourceLocation)
            Issue.record("skipped: python3 is not on PATH", severity: .warning, sourceLocation: sourceLocation)
            return nil
        }
        let result = try await Processes.run(
            python, arguments: ["-c", script], environment: Processes.minimalEnvironment(),
            stdin: try JSONEncoder().encode(input), timeout: timeout)
        try #require(!result.timedOut, "python3 ran past its \(Int(timeout))s time-out", sourceLocation: sourceLocation)
        guard result.exitCode == 0 else {
            let missingModule = result.stderr.contains("ModuleNotFoundError")
            try #require(missingModule && !required, "python3 failed: \(result.stderr.suffix(800))", sourceLocation: sourceLocation)
            Issue.record("skipped: \(result.stderr.suffix(200))", severity: .warning, sourceLocation: sourceLocation)
            return nil
        }
        return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    }
}
