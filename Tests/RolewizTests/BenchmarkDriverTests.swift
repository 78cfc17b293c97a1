import Foundation
import Testing
import TestSupport

/// `Benchmarks/pty_bench.py`, the driver behind the interactive benchmarks,
/// for one short session against the debug build and moto: it must still
/// find its way through the wizard's screens, so `Benchmarks/run` cannot rot
/// between runs. It prints its numbers; none is asserted (a debug build on a
/// loaded machine says nothing about speed).
@Suite("Benchmarks: the wizard driver still drives the wizard", .heavy)
struct BenchmarkDriverTests {
    @Test func oneShortSessionMeasuresEveryInteractiveNumber() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let python = try #require(Processes.which("python3"))
        let hasPyte = try await Processes.run(python, arguments: ["-c", "import pyte"], environment: Processes.minimalEnvironment())
        guard hasPyte.exitCode == 0 else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("pyte is required under CI=true (pip install pyte)") }
            return
        }
        let home = try WizardEndToEndTests.emptyHome()
        let script = Processes.packageRoot().appendingPathComponent("Benchmarks/pty_bench.py")
        let result = try await Processes.run(
            python, arguments: [script.path, try Processes.rolewizExecutable().path, moto.endpoint.absoluteString, "1", "6"],
            environment: Processes.minimalEnvironment([
                "HOME": home.path, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_EC2_METADATA_DISABLED": "true",
            ]), timeout: 240)
        #expect(result.exitCode == 0, "pty_bench.py: \(result.stderr)")
        let numbers = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Double],
                                   "not JSON numbers: \(result.stdout)")
        #expect((numbers["policies"] ?? 0) > 1000, "the permissions list never held moto's managed policies")
        for name in ["first_frame", "move_median", "filter_median", "type_median", "move_bytes", "type_bytes", "peak_kb", "anon_kb"] {
            let value = try #require(numbers[name], "\(name) is missing")
            #expect(value.isFinite && value > 0, "\(name) = \(value)")
        }
        print("pty_bench.py, one debug session (not a benchmark):", result.stdout)
    }
}
