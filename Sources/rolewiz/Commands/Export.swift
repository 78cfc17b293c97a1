import ArgumentParser
import Foundation
import Provisioning

/// `rolewiz export`: the role as a script or template for other tools; offline.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the role(s) as an AWS CLI script, a CloudFormation template or StackSet, Terraform, or a spec file.",
        discussion: """
            Makes no AWS calls. A trust in "this account" needs --account-id, except in a stackset, \
            where it is each member account. Several --spec files (or a folder) make one script, \
            template or configuration holding every role. json writes one role's spec file, which plan, \
            apply and the wizard read back. stackset writes a template for the Organization's management \
            account: a service-managed StackSet deploying the roles to every account of the --ou units, \
            now and as accounts join, in one region (--region, default us-east-1), with the same stack \
            set as AWS CLI commands in comment lines at the top.
            """
    )

    /// Accepted like every command's, so --debug and --no-color work everywhere; export makes no AWS calls.
    @OptionGroup var global: GlobalOptions
    @OptionGroup var role: RoleInputOptions

    @Option(help: ArgumentHelp("cli, cloudformation, terraform, stackset or json.", valueName: "format"))
    var format: ExportFormat

    @Option(name: .customLong("ou"), help: ArgumentHelp(
        "stackset: deploy to the accounts of this organizational unit (ou-xxxx-xxxxxxxx) or root (r-xxxx); repeatable.",
        valueName: "id"))
    var organizationalUnitIds: [String] = []

    @Option(help: ArgumentHelp("stackset: the stack set's name (default: rolewiz-ROLE, or rolewiz-roles for several).", valueName: "name"))
    var stackSetName: String?

    @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "path"))
    var outputFile: String?

    @Option(help: "The partition ARNs are written for: aws, aws-cn or aws-us-gov.")
    var partition = "aws"

    func validate() throws {
        if format == .stackset, organizationalUnitIds.isEmpty {
            throw ValidationError("--format stackset needs --ou ID: the organizational units (or the root) whose accounts get the roles.")
        }
        if format != .stackset, !organizationalUnitIds.isEmpty || stackSetName != nil {
            throw ValidationError("--ou and --stack-set-name are for --format stackset.")
        }
    }

    func run() async throws {
        try await ErrorReporter.run {
            let text: String
            if format == .stackset {
                text = try stackSetText()
            } else if role.isSet {
                text = try setText()
            } else {
                text = try await singleRoleText()
            }
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

    /// The service every export goes through; it never calls AWS.
    var offline: RoleService {
        RoleService(connection: .offline(OfflineReason(message: "export makes no AWS calls", partition: partition)))
    }

    private func singleRoleText() async throws -> String {
        let input = try role.load()
        // Resolved here first so a problem is reported against the flag or the file's line.
        _ = try await input.resolve(partition: partition, accountId: role.accountId) {
            throw InputError("--account-id: the trust names \"this account\"; export makes no AWS calls, so give the account ID")
        }
        return try offline.export(input.spec, as: format, accountId: role.accountId)
    }
}

extension ExportFormat: ExpressibleByArgument {}
