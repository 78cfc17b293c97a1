import ArgumentParser
import Foundation
import IAMClient
import Provisioning
import SafeText

/// `rolewiz lint FILE|-`: offline checks of a trust policy or a role spec file.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a trust policy or role spec file offline, like IAM Access Analyzer's policy checks.",
        discussion: """
            FILE is a trust policy, an identity policy (an inline or managed policy's JSON) or a role spec (YAML or \
            JSON); the kind is told from the content (a policy whose statements all name a Resource and no Principal \
            is an identity policy), or given with --kind. \
            Findings print as FILE:LINE:COL: severity CODE: message. Exits 1 when there is an error, 0 otherwise. \
            Makes no AWS calls.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The file to check, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp(
        "What FILE is: trust (a trust policy), identity (an inline or managed policy) or spec; told from the content when not given.",
        valueName: "kind"))
    var kind: TrustPolicyLinter.FileKind?

    @Option(help: ArgumentHelp("A managed policy ARN the role attaches, checked with a bare trust policy (repeatable).", valueName: "arn"))
    var policyArn: [String] = []

    @Option(help: ArgumentHelp("The account's trust policy size quota (AssumeRolePolicySizeQuota).", valueName: "characters"))
    var trustPolicySizeQuota = LintQuotas.defaultTrustPolicySize

    @Option(help: ArgumentHelp("The account's managed policies per role quota (AttachedPoliciesPerRoleQuota).", valueName: "count"))
    var attachedPoliciesQuota = LintQuotas.defaultAttachedPoliciesPerRole

    @Option(help: ArgumentHelp("The account a spec's \"this account\" stands for (default: the documentation's 111122223333).", valueName: "id"))
    var accountId: String?

    @Option(help: "The partition policy names resolve in: aws, aws-cn or aws-us-gov.")
    var partition = "aws"

    func run() throws {
        let text = try readInput()
        let linter = TrustPolicyLinter(
            quotas: LintQuotas(trustPolicySize: trustPolicySizeQuota, attachedPoliciesPerRole: attachedPoliciesQuota))
        let path = file == "-" ? nil : file
        let findings = linter.lint(fileText: text, path: path, kind: kind, partition: partition, accountId: accountId,
                                   managedPolicyArns: policyArn)
        let name = file == "-" ? "<stdin>" : file
        switch global.output {
        case .text:
            for finding in findings { Console.out(Self.line(for: finding, file: name)) }
        case .json:
            Console.json(JSONPrinter.pretty(.array(findings.map { Self.json(for: $0, file: name) })))
        }
        if findings.hasErrors { throw ExitCode.failure }
    }

    /// The file's text; an unreadable file is an input error (exit 2).
    private func readInput() throws -> String {
        do {
            return try InputFile.read(file)
        } catch {
            Console.line("error: \(error)", toStandardError: true)
            throw ExitCode(ErrorReporter.usageExitCode)
        }
    }

    /// `FILE:LINE:COL: severity CODE: message`, or `FILE: ...` when the finding has no position.
    static func line(for finding: LintFinding, file: String) -> String {
        let place = finding.position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(finding.severity.label) \(finding.code.rawValue): \(InertText.line(finding.message))"
    }

    static func json(for finding: LintFinding, file: String) -> JSONValue {
        .object([
            JSONMember("file", .string(file)),
            JSONMember("line", finding.position.map { .number(String($0.line)) } ?? .null),
            JSONMember("column", finding.position.map { .number(String($0.column)) } ?? .null),
            JSONMember("severity", .string(finding.severity.rawValue)),
            JSONMember("code", .string(finding.code.rawValue)),
            JSONMember("message", .string(finding.message)),
        ])
    }
}

extension TrustPolicyLinter.FileKind: ExpressibleByArgument {}
