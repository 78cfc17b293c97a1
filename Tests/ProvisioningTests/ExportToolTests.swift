import Foundation
import IAMClient
import Testing
import TestSupport
import Yams
@testable import Provisioning

/// Exports checked by the tools that consume them: the shell runs the CLI
/// script against a stand-in `aws` that records its arguments, cfn-lint
/// checks the template, Terraform formats and evaluates its configuration.
/// Each check proves the awkward characters arrive exactly as written.
@Suite("Export checked by its tools", .heavy)
struct ExportToolTests {
    /// Quotes, dollar, backslash, backquote, template openers, a leading
    /// dash and Latin-1 letters: everything a quoting mistake would mangle.
    static let trickyDescription = #"-It's "quoted" $HOME \back `tick` ${x} %{y} café naïve Größe ±½"#

    static var trickyRole: DesiredRole {
        var role = SeedRole.role
        role.description = trickyDescription
        role.maxSessionDuration = 7200
        role.tags = [RoleTag(key: "cost center:team/x=+@-_.", value: "Zoë 42"), RoleTag(key: "owner", value: "Ünal @ data/ml")]
        return role
    }

    /// Inline policies whose names IAM allows but tools could misread, and
    /// documents whose strings hold quotes, `$()`, backquotes, newlines, the
    /// here-document's delimiter on a line of its own and template openers.
    static var trickyInlineRole: DesiredRole {
        var role = trickyRole
        role.inlinePolicies = [
            RoleInlinePolicy(name: "--profile=prod", document: trickyInlineDocument),
            RoleInlinePolicy(name: "JSON", document: #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::${aws:username}/*"}}"#),
            RoleInlinePolicy(name: "yes", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"s3:*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/${x}":["%{if}","'"]}}}]}"#),
        ]
        return role
    }

    static let trickyInlineDocument = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/it's \"$(touch /tmp/rolewiz-inline-pwned)\" `id`","arn:aws:s3:::b/\\"],"Condition":{"StringLike":{"s3:prefix":"\nJSON\n$(id)\n"}}}]}"#

    /// The same documents under names IAM refuses (quotes, `$()`, a newline,
    /// backquotes, `${`): an export is never handed such a name by a spec,
    /// but if it were, the name must still arrive as text, never as code.
    static var hostileInlineRole: DesiredRole {
        var role = trickyInlineRole
        let names = ["it's \"$(touch /tmp/rolewiz-inline-pwned)\"", "a\nJSON\nb", "`id` ${x} %{y}"]
        for index in role.inlinePolicies.indices { role.inlinePolicies[index].name = names[index] }
        return role
    }

    // MARK: AWS CLI script

    @Test(arguments: [SeedRole.role, trickyRole, trickyInlineRole, hostileInlineRole])
    func cliScriptPassesTheShellSyntaxCheck(_ role: DesiredRole) async throws {
        let directory = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(directory) }
        let script = directory.appendingPathComponent("role.sh")
        try Exporter().export(role, as: .cli).write(to: script, atomically: true, encoding: .utf8)
        let result = try await Processes.run(Self.shell, arguments: ["-n", script.path], environment: Processes.minimalEnvironment())
        #expect(result.exitCode == 0, "sh -n: \(result.stderr)")
    }

    @Test func cliScriptHandsTheAWSCLIExactlyTheSpecAndIsSafeToRerun() async throws {
        let run = try FakeAWSCLI()
        defer { ExportTestTools.remove(run.directory) }
        let role = Self.trickyRole
        let first = try await run.script(for: role)
        #expect(first.exitCode == 0, "script failed: \(first.stderr)")
        #expect(first.stdout == "arn:aws:iam::123456789012:role/l4e-role\n")

        let calls = try run.calls()
        #expect(calls.map { $0[1] } == [
            "get-role", "create-role", "update-assume-role-policy", "update-role",
            "attach-role-policy", "attach-role-policy", "attach-role-policy", "tag-role", "get-role",
        ])
        let inputs = try calls.map { try input(of: $0) }
        #expect(inputs.allSatisfy { $0["RoleName"] as? String == "l4e-role" })
        #expect(calls.allSatisfy { $0.filter { $0.hasPrefix("--") } .allSatisfy(Self.scriptOptions.contains) },
                "no spec value is ever an argument of its own")
        let create = inputs[1]
        #expect(create["Path"] as? String == "/")
        #expect(create["AssumeRolePolicyDocument"] as? String == role.trustPolicy)
        #expect(create["Description"] as? String == Self.trickyDescription)
        #expect(create["MaxSessionDuration"] as? Int == 7200)
        #expect(decodedTags(create["Tags"]) == role.tags)
        #expect(inputs[2]["PolicyDocument"] as? String == role.trustPolicy)
        #expect(inputs[3]["Description"] as? String == Self.trickyDescription)
        #expect(inputs[4...6].map { $0["PolicyArn"] as? String } == SeedRole.policyArns)
        #expect(decodedTags(inputs[7]["Tags"]) == role.tags)

        try run.clearCalls()
        let second = try await run.script(for: role)
        #expect(second.exitCode == 0)
        #expect(try !run.calls().contains { $0[1] == "create-role" }, "the role exists now: no second create")
    }

    @Test(arguments: [trickyInlineRole, hostileInlineRole])
    func cliScriptHandsTheAWSCLIInlinePoliciesExactlyAndRunsNoneOfTheirText(_ role: DesiredRole) async throws {
        let canary = URL(fileURLWithPath: "/tmp/rolewiz-inline-pwned")
        try? FileManager.default.removeItem(at: canary)
        let run = try FakeAWSCLI()
        defer { ExportTestTools.remove(run.directory) }
        let result = try await run.script(for: role)
        #expect(result.exitCode == 0, "script failed: \(result.stderr)")
        let calls = try run.calls()
        let puts = calls.filter { $0[1] == "put-role-policy" }
        #expect(calls.map { $0[1] }.suffix(4) == ["put-role-policy", "put-role-policy", "put-role-policy", "get-role"])
        #expect(calls.allSatisfy { $0.filter { $0.hasPrefix("--") }.allSatisfy(Self.scriptOptions.contains) })
        let inputs = try puts.map { try input(of: $0) }
        #expect(inputs.map { $0["RoleName"] as? String } == Array(repeating: "l4e-role", count: 3))
        #expect(inputs.map { $0["PolicyName"] as? String } == role.inlinePolicies.map(\.name))
        #expect(inputs.map { $0["PolicyDocument"] as? String } == role.inlinePolicies.map(\.document))
        #expect(!FileManager.default.fileExists(atPath: canary.path), "text from a policy ran as a command")
    }

    @Test func cliScriptStopsAtTheFirstFailingCall() async throws {
        let run = try FakeAWSCLI(failing: "attach-role-policy")
        defer { ExportTestTools.remove(run.directory) }
        let result = try await run.script(for: Self.trickyRole)
        let calls = try run.calls()
        #expect(result.exitCode != 0)
        #expect(calls.last?[1] == "attach-role-policy", "calls: \(calls.map { $0.prefix(2).joined(separator: " ") }); exit \(result.exitCode); stderr: \(result.stderr)")
    }

    /// The options the script itself writes; everything else is in the JSON.
    private static let scriptOptions: Set<String> = ["--cli-input-json", "--query", "--output"]

    /// The request a call passed in `--cli-input-json`.
    private func input(of call: [String]) throws -> [String: Any] {
        let json = try #require(call.value(after: "--cli-input-json"), "\(call.prefix(2)) has no --cli-input-json")
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    private func decodedTags(_ value: Any?) -> [RoleTag] {
        (value as? [[String: String]] ?? []).map { RoleTag(key: $0["Key"] ?? "", value: $0["Value"] ?? "") }
    }

    // MARK: CloudFormation

    @Test(
        .enabled(if: ExportTestTools.find("cfn-lint") != nil || ExportTestTools.toolsRequired, "cfn-lint is not installed (pip install cfn-lint)"),
        arguments: [SeedRole.role, trickyRole, trickyInlineRole]
    )
    func cloudFormationTemplatePassesCfnLint(_ role: DesiredRole) async throws {
        let cfnLint = try #require(ExportTestTools.find("cfn-lint"), "cfn-lint is required under CI=true")
        let directory = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(directory) }
        let template = directory.appendingPathComponent("template.yaml")
        try Exporter().export(role, as: .cloudformation).write(to: template, atomically: true, encoding: .utf8)
        let result = try await Processes.run(cfnLint, arguments: [template.path], environment: Processes.minimalEnvironment())
        #expect(result.exitCode == 0, "cfn-lint: \(result.stdout)\(result.stderr)")
    }

    @Test func cloudFormationTemplateReadsBackExactly() throws {
        let role = Self.trickyRole
        let yaml = try Exporter().export(role, as: .cloudformation)
        let template = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let resources = try #require(template["Resources"] as? [String: Any])
        let properties = try #require((resources["Role"] as? [String: Any])?["Properties"] as? [String: Any])
        #expect(Self.cloudFormationText(properties["Description"]) == Self.trickyDescription)
        #expect(properties["MaxSessionDuration"] as? Int == 7200)
        #expect(properties["ManagedPolicyArns"] as? [String] == SeedRole.policyArns)
        let tags = try #require(properties["Tags"] as? [[String: String]])
        #expect(tags.map { RoleTag(key: $0["Key"] ?? "", value: $0["Value"] ?? "") } == role.tags)
        let document = try #require(properties["AssumeRolePolicyDocument"])
        let documentJSON = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        #expect(trustPoliciesAreEquivalent(documentJSON, role.trustPolicy))
    }

    @Test(arguments: [trickyInlineRole, hostileInlineRole])
    func cloudFormationPoliciesReadBackExactly(_ role: DesiredRole) throws {
        let yaml = try Exporter().export(role, as: .cloudformation)
        let loaded = try Yams.load(yaml: yaml)
        #expect(CloudFormationReading.problems(loaded, role).isEmpty, "\(CloudFormationReading.problems(loaded, role))\n\(yaml)")
        let properties = try #require(((loaded as? [String: Any])?["Resources"] as? [String: Any])?["Role"] as? [String: Any])["Properties"] as? [String: Any]
        let policies = try #require(properties?["Policies"] as? [[String: Any]])
        #expect(policies.map { Self.cloudFormationText($0["PolicyName"]) } == role.inlinePolicies.map(\.name))
        // A document with a key holding `${` is its JSON text in reading order, joined around
        // the `${` so CloudFormation never reads a parameter; the others are mappings.
        #expect((policies[0]["PolicyDocument"] as? [String: Any])?["Statement"] != nil)
        #expect(Self.cloudFormationText(policies[2]["PolicyDocument"]) == PolicyDocument.readingText(role.inlinePolicies[2].document))
    }

    /// A string property as CloudFormation reads it: a string, or the
    /// `Fn::Join` with "" that holds text with `${` in it.
    static func cloudFormationText(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        guard let join = (value as? [String: Any])?["Fn::Join"] as? [Any], join.count == 2, join[0] as? String == "",
            let pieces = join[1] as? [String]
        else { return nil }
        return pieces.joined()
    }

    // MARK: Terraform

    @Test(.enabled(if: ExportTestTools.find("terraform") != nil, "terraform is not installed"), arguments: [SeedRole.role, trickyRole, trickyInlineRole, hostileInlineRole])
    func terraformIsLaidOutAsTerraformFmtWould(_ role: DesiredRole) async throws {
        let terraform = try #require(ExportTestTools.find("terraform"))
        let text = try Exporter().export(role, as: .terraform)
        let result = try await Processes.run(
            terraform, arguments: ["fmt", "-no-color", "-"], environment: Self.terraformEnvironment, stdin: Data(text.utf8))
        #expect(result.exitCode == 0, "terraform fmt: \(result.stderr)")
        #expect(result.stdout == text)
    }

    @Test(.enabled(if: ExportTestTools.find("terraform") != nil, "terraform is not installed"))
    func terraformEvaluatesToExactlyTheSpec() async throws {
        let terraform = try #require(ExportTestTools.find("terraform"))
        let role = Self.trickyRole
        // The role block's attributes evaluated as locals: no provider needed.
        let exported = try Exporter().export(role, as: .terraform)
        let roleBlock = exported.components(separatedBy: "\n}\n")[0].split(separator: "\n", maxSplits: 1)[1]
        let configuration = "locals {\n\(roleBlock)\n}\n" + """
            output "description" { value = local.description }
            output "policy" { value = local.assume_role_policy }
            output "tags" { value = local.tags }

            """
        let values = try await Self.outputs(of: configuration, terraform: terraform)
        #expect(values["description"]?["value"] as? String == Self.trickyDescription)
        #expect(trustPoliciesAreEquivalent(try #require(values["policy"]?["value"] as? String), role.trustPolicy))
        let tags = try #require(values["tags"]?["value"] as? [String: String])
        #expect(tags == Dictionary(uniqueKeysWithValues: role.tags.map { ($0.key, $0.value) }))
    }

    /// Each `aws_iam_role_policy` block's name and policy, evaluated as an
    /// output (its `role` reference left out, so no provider is needed).
    @Test(.enabled(if: ExportTestTools.find("terraform") != nil, "terraform is not installed"), arguments: [trickyInlineRole, hostileInlineRole])
    func terraformInlinePoliciesEvaluateToExactlyTheSpec(_ role: DesiredRole) async throws {
        let terraform = try #require(ExportTestTools.find("terraform"))
        let exported = try Exporter().export(role, as: .terraform)
        let blocks = exported.components(separatedBy: "\n}\n").filter { $0.contains(#"resource "aws_iam_role_policy" "#) }
        #expect(blocks.count == role.inlinePolicies.count)
        var configuration = ""
        for (index, block) in blocks.enumerated() {
            let attributes = block.split(separator: "\n").dropFirst().filter { !$0.hasPrefix("  role ") && !$0.hasPrefix("  role=") }
            configuration += "output \"p\(index)\" {\n  value = {\n\(attributes.joined(separator: "\n"))\n  }\n}\n"
        }
        let values = try await Self.outputs(of: configuration, terraform: terraform)
        for (index, policy) in role.inlinePolicies.enumerated() {
            let value = values["p\(index)"]?["value"] as? [String: String]
            #expect(Exact.same(value?["name"], policy.name), "\(String(describing: value?["name"]))")
            #expect(Exact.sameTrustPolicy(value?["policy"] ?? "", policy.document), "\(String(describing: value?["policy"]))")
        }
    }

    /// Applies `configuration` (outputs only, no provider) in a directory
    /// of its own and returns `terraform output -json`.
    private static func outputs(of configuration: String, terraform: URL) async throws -> [String: [String: Any]] {
        let directory = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(directory) }
        try configuration.write(to: directory.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
        let inDirectory = "-chdir=\(directory.path)"
        for arguments in [["init", "-input=false", "-no-color"], ["apply", "-auto-approve", "-input=false", "-no-color"]] {
            let step = try await Processes.run(terraform, arguments: [inDirectory] + arguments, environment: terraformEnvironment)
            #expect(step.exitCode == 0, "terraform \(arguments[0]): \(step.stdout)\(step.stderr)\n\(configuration)")
        }
        let output = try await Processes.run(terraform, arguments: [inDirectory, "output", "-json"], environment: terraformEnvironment)
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [String: Any]])
    }

    @Test(arguments: [
        ("${x}", #""$${x}""#), ("%{if}", #""%%{if}""#), ("$${", #""$$${""#), ("a$b%c", #""a$b%c""#),
        ("\"\\\n\t", #""\"\\\n\t""#), ("\u{1}", #""\u0001""#), ("é", #""é""#),
    ])
    func hclStringsEscapeWhatTerraformWouldRead(_ text: String, _ expected: String) {
        #expect(hclQuoted(text) == expected)
    }

    private static let shell = URL(fileURLWithPath: "/bin/sh")

    /// No version check against the network, no user configuration.
    private static let terraformEnvironment = Processes.minimalEnvironment([
        "HOME": FileManager.default.temporaryDirectory.path, "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1",
    ])
}

private extension Array where Element == String {
    func value(after option: String) -> String? {
        guard let index = firstIndex(of: option), index + 1 < count else { return nil }
        return self[index + 1]
    }
}

/// A stand-in `aws` on PATH that records each invocation's arguments and
/// acts just enough like IAM for the script's flow (get-role fails until
/// create-role ran).
private struct FakeAWSCLI {
    let directory: URL

    init(failing command: String? = nil) throws {
        directory = try ExportTestTools.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("calls"), withIntermediateDirectories: true)
        let fake = #"""
            #!/bin/sh
            state="$FAKE_AWS_DIR"
            n=$(ls "$state/calls" | wc -l)
            for arg in "$@"; do printf '%s\0' "$arg"; done > "$state/calls/$(printf %04d "$n")"
            if [ "$2" = "$FAKE_AWS_FAIL" ]; then echo "An error occurred (ServiceFailure)" >&2; exit 255; fi
            case "$2" in
              get-role)
                if [ ! -e "$state/role-exists" ]; then echo "An error occurred (NoSuchEntity)" >&2; exit 254; fi
                case " $* " in *" --query "*) echo "arn:aws:iam::123456789012:role/l4e-role" ;; *) echo '{"Role":{}}' ;; esac ;;
              create-role) : > "$state/role-exists"; echo '{"Role":{}}' ;;
            esac
            """#
        let executable = directory.appendingPathComponent("bin/aws")
        try (fake + "\n").write(to: executable, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable.path)
        self.failing = command ?? "none"
    }

    private let failing: String

    func script(for role: DesiredRole) async throws -> ProcessResult {
        let script = directory.appendingPathComponent("role.sh")
        try Exporter().export(role, as: .cli).write(to: script, atomically: true, encoding: .utf8)
        return try await Processes.run(URL(fileURLWithPath: "/bin/sh"), arguments: [script.path], environment: [
            "PATH": directory.appendingPathComponent("bin").path + ":/usr/bin:/bin",
            "FAKE_AWS_DIR": directory.path, "FAKE_AWS_FAIL": failing,
        ])
    }

    /// Each invocation's arguments, in order.
    func calls() throws -> [[String]] {
        let folder = directory.appendingPathComponent("calls")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    func clearCalls() throws {
        let folder = directory.appendingPathComponent("calls")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
