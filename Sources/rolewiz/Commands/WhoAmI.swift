import ArgumentParser

struct WhoAmI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Print the caller identity (STS GetCallerIdentity)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("not implemented yet")
    }
}
