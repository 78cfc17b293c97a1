import Foundation
import Subprocess
import Testing
import TestSupport

/// Ctrl-C during `rolewiz apply`: the fault proxy slows every call down, the
/// test waits for the CreateRole step to start, sends SIGINT, and the apply
/// stops after that call and says what it did.
@Suite("rolewiz apply interrupted", .heavy)
struct ApplyInterruptTests {
    @Test func sigintStopsAfterTheCallInFlightAndReportsWhatWasDone() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let proxy = try await FaultProxy.start(upstream: moto, latencyMilliseconds: 1500)
        defer { proxy.stop() }
        let rolewiz = try RolewizRunner(moto: moto)
        let name = MotoServer.uniqueName("sigint")

        let arguments = ["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes", "--endpoint-url", proxy.endpoint.absoluteString]
        let run = try await Subprocess.run(
            .file(try Processes.rolewizExecutable()), arguments: Arguments(arguments), environment: .exactly(rolewiz.environment()),
            input: .none, output: .sequence, error: .string(limit: 1 << 20)
        ) { execution in
            // Wait (on the output, not the clock) for the first write to start.
            var output = "", interrupted = false
            for try await line in execution.standardOutput.strings() {
                output += line + "\n"
                if !interrupted, line.contains("CreateRole"), line.contains("started") {
                    try execution.send(signal: .interrupt)
                    interrupted = true
                }
            }
            return (output: output, interrupted: interrupted)
        }
        let stderr = run.standardError

        try #require(run.closureResult.interrupted, "CreateRole never started: \(run.closureResult.output)\(stderr)")
        #expect(run.terminationStatus == .exited(1), "the process handled SIGINT instead of dying of it")
        #expect(run.closureResult.output.contains("done       CreateRole"))
        #expect(stderr.contains("Interrupted: stopping after the call in flight"))
        #expect(stderr.contains("Stopped on request after the calls in flight."))
        #expect(stderr.contains("Done: create role \(name)"))
        #expect(stderr.contains("Not done: attach arn:aws:iam::aws:policy/"))
        #expect(stderr.contains("Run the same command again to finish the job."))
        let iam = try rolewiz.iam()
        #expect(try await iam.getRole(name: name).roleName == name)
        #expect(try await iam.listAttachedRolePolicies(roleName: name).count < 3)
    }
}
