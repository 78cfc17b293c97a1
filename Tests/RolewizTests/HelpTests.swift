import Foundation
import Testing
import TestSupport

/// `rolewiz --help`, every subcommand's `--help` and the shell completion
/// scripts, checked against the command tree the binary itself reports.
@Suite("rolewiz help and completion", .heavy)
struct HelpTests {
    @Test func treeHasEveryRequiredSubcommand() async throws {
        let names = Set(try await HelpCommandTree.load().subcommands.map(\.commandName))
        for required in HelpRun.requiredSubcommands {
            #expect(names.contains(required), "rolewiz has no `\(required)` subcommand")
        }
    }

    @Test func rootHelpListsEverySubcommandWithItsAbstract() async throws {
        let tree = try await HelpCommandTree.load()
        let result = try await HelpRun.rolewiz(["--help"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("USAGE: rolewiz"))
        let listing = try #require(result.stdout.components(separatedBy: "SUBCOMMANDS:").last)
        for subcommand in tree.subcommands {
            let abstract = try #require(subcommand.abstract, "`\(subcommand.commandName)` has no abstract")
            #expect(!abstract.isEmpty, "`\(subcommand.commandName)` has an empty abstract")
            let line = listing.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(subcommand.commandName + " ") }
            #expect(line != nil, "rolewiz --help does not list `\(subcommand.commandName)`")
            #expect(listing.contains(String(abstract.prefix(30))), "rolewiz --help lacks the abstract of `\(subcommand.commandName)`")
        }
    }

    @Test(arguments: HelpRun.requiredSubcommands)
    func requiredSubcommandHelpExitsZero(name: String) async throws {
        let result = try await HelpRun.rolewiz([name, "--help"])
        #expect(result.exitCode == 0, "rolewiz \(name) --help: \(result.stderr)")
        #expect(result.stdout.contains("USAGE: rolewiz \(name)"))
        #expect(result.stdout.contains("OPTIONS:"))
    }

    @Test func everySubcommandHelpShowsEachOptionWithAnExplanation() async throws {
        let tree = try await HelpCommandTree.load()
        #expect(!tree.subcommands.isEmpty)
        for subcommand in tree.subcommands {
            let result = try await HelpRun.rolewiz([subcommand.commandName, "--help"])
            #expect(result.exitCode == 0, "rolewiz \(subcommand.commandName) --help: \(result.stderr)")
            for argument in subcommand.arguments ?? [] where argument.shouldDisplay {
                #expect(result.stdout.contains(argument.spelling),
                        "rolewiz \(subcommand.commandName) --help does not show \(argument.spelling)")
                #expect(!(argument.abstract ?? "").isEmpty,
                        "\(argument.spelling) of `\(subcommand.commandName)` has no help text")
            }
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptMentionsEverySubcommand(shell: String) async throws {
        let tree = try await HelpCommandTree.load()
        let result = try await HelpRun.rolewiz(["--generate-completion-script", shell])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rolewiz"))
        for subcommand in tree.subcommands {
            #expect(result.stdout.contains(subcommand.commandName),
                    "the \(shell) completion script does not mention `\(subcommand.commandName)`")
        }
    }

    @Test func versionIsPrinted() async throws {
        let result = try await Processes.run(try Processes.rolewizExecutable(), arguments: ["--version"], environment: Processes.minimalEnvironment())
        #expect(result.exitCode == 0)
        #expect(result.stdout.split(separator: ".").count == 3, "\(result.stdout)")
    }
}
