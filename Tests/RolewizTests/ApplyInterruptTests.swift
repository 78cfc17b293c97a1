import Foundation
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

        let process = Process()
        process.executableURL = try Processes.rolewizExecutable()
        process.arguments = ["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes", "--endpoint-url", proxy.endpoint.absoluteString]
        process.environment = rolewiz.environment()
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()

        // Wait (on the output, not the clock) for the first write to start.
        let before = try #require(TextLines.read(from: output.fileHandleForReading) { $0.contains("CreateRole") && $0.contains("started") })
        kill(process.processIdentifier, SIGINT)
        let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit, "the process handled SIGINT instead of dying of it")
        #expect(process.terminationStatus == 1)
        #expect((before + rest).contains("done       CreateRole"))
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

/// Reads lines from a pipe until one matches.
enum TextLines {
    /// Everything read up to and including the first line matching
    /// `condition`, or nil if the pipe closed first.
    static func read(from handle: FileHandle, until condition: (String) -> Bool) -> String? {
        var text = ""
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            text += String(decoding: chunk, as: UTF8.self)
            if text.split(separator: "\n").contains(where: { condition(String($0)) }) { return text }
        }
    }
}
