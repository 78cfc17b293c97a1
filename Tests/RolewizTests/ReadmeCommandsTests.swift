import Foundation
import Testing
import TestSupport

/// Every `rolewiz` command the README shows runs here, in order, against a
/// moto of its own, so the README cannot drift from the program. The
/// interactive ones (`rolewiz wizard`, `rolewiz edit`) are driven under tmux
/// by WizardEndToEndTests and screenshots/generate.
@Suite("README commands", .heavy)
struct ReadmeCommandsTests {
    static let interactive: Set<String> = ["wizard", "edit"]

    /// `rolewiz ...` lines of the README's `sh` blocks, comments removed.
    static func readmeCommands() throws -> [String] {
        let readme = try String(contentsOf: Processes.packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        return codeBlocks(in: readme, language: "sh").flatMap { $0.split(separator: "\n") }
            .map { line in
                let text = String(line)
                return (text.range(of: " #").map { String(text[..<$0.lowerBound]) } ?? text)
                    .trimmingCharacters(in: .whitespaces)
            }
            .filter { $0.hasPrefix("rolewiz ") }
    }

    static func codeBlocks(in markdown: String, language: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```\(language)" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func theReadmeShowsEveryNonInteractiveCommand() throws {
        let subcommands = Set(try Self.readmeCommands().compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) })
        for name in ["whoami", "plan", "apply", "show", "lint", "export", "presets", "wizard", "delete"] {
            #expect(subcommands.contains(name), "the README shows no `rolewiz \(name)`")
        }
    }

    @Test func everyReadmeCommandRunsAgainstMoto() async throws {
        let moto = try await MotoServer.startOrSkip()
        defer { moto.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("readme"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "readme-SECRET-never-printed"
        let environment = Processes.minimalEnvironment([
            "HOME": directory.path, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": secret,
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": moto.endpoint.absoluteString,
            "AWS_CONFIG_FILE": directory.path + "/config", "AWS_SHARED_CREDENTIALS_FILE": directory.path + "/credentials",
        ])
        let rolewiz = try Processes.rolewizExecutable()
        var ran = 0
        for command in try Self.readmeCommands() {
            var words = command.split(separator: " ").map(String.init).dropFirst().map { $0 }
            guard let subcommand = words.first, !Self.interactive.contains(subcommand) else { continue }
            var redirect: String?
            if let index = words.firstIndex(of: ">"), index + 1 < words.count {
                redirect = words[index + 1]
                words.removeSubrange(index...)
            }
            // Relative file names in the README are relative to the reader's folder: ours.
            words = words.map { word in
                word.hasSuffix(".yaml") && !word.hasPrefix("/") ? directory.appendingPathComponent(word).path : word
            }
            let result = try await Processes.run(rolewiz, arguments: words, environment: environment)
            #expect(result.exitCode == 0, "`\(command)` exited \(result.exitCode): \(result.stderr)")
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
            if let redirect {
                try result.stdout.write(to: directory.appendingPathComponent(redirect), atomically: true, encoding: .utf8)
            }
            ran += 1
        }
        #expect(ran >= 12)
        // The CloudFormation export the README writes to a file exists and names the role.
        let template = try String(contentsOf: directory.appendingPathComponent("l4e.cfn.yaml"), encoding: .utf8)
        #expect(template.contains("AWS::IAM::Role") && template.contains("l4e-role"))
    }

    @Test func theReadmeSpecExampleIsAValidSpec() async throws {
        let readme = try String(contentsOf: Processes.packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let spec = try #require(Self.codeBlocks(in: readme, language: "yaml").first)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("readme-spec"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("spec.yaml")
        try spec.write(to: file, atomically: true, encoding: .utf8)
        let environment = Processes.minimalEnvironment(["HOME": directory.path, "AWS_EC2_METADATA_DISABLED": "true"])
        let lint = try await Processes.run(try Processes.rolewizExecutable(), arguments: ["lint", file.path], environment: environment)
        #expect(lint.exitCode == 0, "\(lint.stdout)\(lint.stderr)")
        let export = try await Processes.run(
            try Processes.rolewizExecutable(), arguments: ["export", "--spec", file.path, "--format", "json"], environment: environment)
        #expect(export.exitCode == 0, "\(export.stderr)")
        #expect(export.stdout.contains("team") && export.stdout.contains("lookoutequipment.amazonaws.com"))
    }
}
