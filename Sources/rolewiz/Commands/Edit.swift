import ArgumentParser
import Wizard

/// `rolewiz edit ROLE`: an existing role on one screen, edited with the wizard's pickers.
struct Edit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Edit an existing role interactively: trust, policies, tags and description.",
        discussion: "Nothing is written until you confirm the diff."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: DisplayOptions

    @Argument(help: "The role's name.")
    var role: String

    func run() async throws {
        try await display.openWizard(.edit(roleName: role), global: global)
    }
}
