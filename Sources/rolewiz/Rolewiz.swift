import ArgumentParser

/// The command tree. Each subcommand lives in its own file under Commands/.
@main
struct Rolewiz: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolewiz",
        abstract: "Create and edit AWS IAM roles from a terminal, the way the IAM console's Create role flow does.",
        subcommands: [
            WhoAmI.self,
            Lint.self,
            Presets.self,
        ]
    )
}
