import ArgumentParser
import Provisioning

/// `rolewiz show ROLE`: a role as IAM holds it.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a role: trust policy, attached and inline policies, tags, description, max session, last used.",
        discussion: "With --output json the keys are IAM's (RoleName, Arn, AssumeRolePolicyDocument as an object, AttachedPolicies, RolePolicyList, Tags, ...)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The role's name.", valueName: "role"))
    var roleName: String

    func run() async throws {
        try await ErrorReporter.run {
            let service = await RoleService.connect(session: try global.makeSession())
            let details = try await service.loadRole(name: roleName)
            switch global.output {
            case .json:
                Console.json(try details.jsonText())
            case .text:
                Console.out(RoleDetailsPrinter(style: TerminalStyle.forDescriptor(1, noColor: global.noColor)).text(for: details))
            }
        }
    }
}
