import ArgumentParser
import Foundation
import Provisioning

/// `rolewiz export`: the role as a script or template for other tools; offline.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the role as an AWS CLI script, a CloudFormation template, Terraform, or a spec file.",
        discussion: """
            Makes no AWS calls. A trust in "this account" needs --account-id. \
            json writes the role spec file, which plan, apply and the wizard read back.
            """
    )

    /// Accepted like every command's, so --debug and --no-color work everywhere; export makes no AWS calls.
    @OptionGroup var global: GlobalOptions
    @OptionGroup var role: RoleInputOptions

    @Option(help: ArgumentHelp("cli, cloudformation, terraform or json.", valueName: "format"))
    var format: ExportFormat

    @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "path"))
    var outputFile: String?

    @Option(help: "The partition ARNs are written for: aws, aws-cn or aws-us-gov.")
    var partition = "aws"

    func run() async throws {
        try await ErrorReporter.run {
            if role.isSet { throw InputError("--spec: export writes one role; give one spec file (plan and apply take several)") }
            let input = try role.load()
            // Resolved here first so a problem is reported against the flag or the file's line.
            _ = try await input.resolve(partition: partition, accountId: role.accountId) {
                throw InputError("--account-id: the trust names \"this account\"; export makes no AWS calls, so give the account ID")
            }
            let offline = RoleService(connection: .offline(OfflineReason(message: "export makes no AWS calls", partition: partition)))
            let text = try offline.export(input.spec, as: format, accountId: role.accountId)
            guard let outputFile else {
                Console.out(text, terminator: text.hasSuffix("\n") ? "" : "\n")
                return
            }
            do {
                try text.write(to: URL(fileURLWithPath: outputFile), atomically: true, encoding: .utf8)
            } catch {
                throw InputError("--output-file \(outputFile): cannot write: \(error.localizedDescription)")
            }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
