import Foundation
import Testing
import TestSupport

/// What `rolewiz` does with files and standard input that are not plain
/// files of text: each is an input error (exit 2) in plain words, a pipe
/// works, and nothing crashes or reads without end.
@Suite("rolewiz on unusual input files", .heavy)
struct HostileFileCLITests {
    static let spec = "name: piped\ntrust: {services: [ec2.amazonaws.com]}\n"

    @Test(arguments: ["lint", "plan"])
    func unreadableInputIsAnInputErrorInPlainWords(_ command: String) async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let notUTF8 = rolewiz.home.appendingPathComponent("bad.yaml")
        try Data(Array("name: ".utf8) + [0xFF, 0x0A]).write(to: notUTF8)
        // lint reads one file; plan's --spec may name a folder of specs, so
        // an empty folder is its unreadable directory.
        let emptyFolder = rolewiz.home.appendingPathComponent("empty", isDirectory: true)
        try FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            command == "lint"
                ? (rolewiz.home.path, "it is a directory, not a file")
                : (emptyFolder.path, "the folder holds no spec files"),
            (rolewiz.home.path + "/missing.yaml", "there is no such file"),
            ("/dev/zero", "larger than 1048576 bytes"),
            (notUTF8.path, "byte 0xFF at 1:7 is not valid UTF-8"),
        ]
        for (path, words) in cases {
            let arguments = command == "lint" ? ["lint", path] : ["plan", "--spec", path]
            let result = try await rolewiz.run(arguments, endpoint: false, credentials: false)
            #expect(result.exitCode == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("permission"), "\(result.stderr)")
        }
    }

    @Test func aClosedStandardInputIsReportedNotCrashedOn() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let result = try await Processes.run(
            URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", #"exec "$0" lint - <&-"#, try Processes.rolewizExecutable().path],
            environment: rolewiz.environment(credentials: false), timeout: 60)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("standard input is closed"))
    }

    @Test func specsArriveThroughStandardInputAndPipes() async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        let plan = try await rolewiz.run(["plan", "--spec", "/dev/stdin"], endpoint: false, credentials: false, stdin: Data(Self.spec.utf8))
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("Role piped will be created"))
        let lint = try await rolewiz.run(["lint", "-"], endpoint: false, credentials: false, stdin: Data(Self.spec.utf8))
        #expect(lint.exitCode == 0, "\(lint.stderr)")
        // Process substitution hands over a pipe as /dev/fd/N.
        let substituted = try await Processes.run(
            URL(fileURLWithPath: "/bin/bash"),
            arguments: ["-c", #"exec "$0" export --format cli --spec <(printf '%s' "$1")"#, try Processes.rolewizExecutable().path, Self.spec],
            environment: rolewiz.environment(credentials: false), timeout: 60)
        #expect(substituted.exitCode == 0, "\(substituted.stderr)")
        #expect(substituted.stdout.contains(#""RoleName": "piped""#))
    }

    /// A nested-alias spec ("billion laughs", 1.3 KB) is refused at its
    /// first anchor by both commands, in a moment and without memory.
    @Test(arguments: ["lint", "plan"])
    func aliasBombsAreRefusedWithTheirPlace(_ command: String) async throws {
        let rolewiz = try RolewizRunner(moto: nil)
        var text = "name: x\ntrust: {services: [ec2.amazonaws.com]}\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (level, previous) in zip("bcdefghijk", "abcdefghij") {
            text += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let path = try rolewiz.write(text, to: "laughs.yaml")
        let arguments = command == "lint" ? ["lint", path] : ["plan", "--spec", path]
        let result = try await rolewiz.run(arguments, endpoint: false, credentials: false)
        #expect(result.exitCode == (command == "lint" ? 1 : 2), "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("laughs.yaml:3:4"), "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("anchors (&a) are not supported"))
    }
}
