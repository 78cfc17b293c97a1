import Foundation
import IAMClient
import Testing
import TestSupport
import Yams
@testable import Provisioning

/// The property: for generated valid specs full of hostile text, the AWS CLI
/// script, the CloudFormation template and the Terraform file that rolewiz
/// exports each make, run by their real tools against moto, the role that
/// rolewiz's own apply makes: the same trust policy (as parsed JSON), managed
/// policies (as a set), inline policies (by name, documents as parsed JSON),
/// tags, description, path, session limit and permissions boundary,
/// compared code point for code point.
///
/// Each test starts its own moto and works in moto accounts of its own
/// (chosen by STS AssumeRole credentials, which moto ties to the role ARN's
/// account), so every tool's role has exactly the spec's name. Everything
/// runs on 127.0.0.1; a proxy on a closed loopback port catches anything a
/// tool would send elsewhere. Cases are seeded: a failure names its seed,
/// stream and case, and `ROLEWIZ_ROUNDTRIP_SEED` replays another seed.
@Suite("Exports applied by their own tools make the role rolewiz apply makes", .heavy)
struct ExportRoundTripTests {
    static let seed: UInt64 = {
        let text = ProcessInfo.processInfo.environment["ROLEWIZ_ROUNDTRIP_SEED"] ?? ""
        return UInt64(text.hasPrefix("0x") ? String(text.dropFirst(2)) : text, radix: text.hasPrefix("0x") ? 16 : 10)
            ?? 0x0DD5_EED5_2026_0001
    }()

    static let cliCases = 6
    static let cloudFormationCases = 8
    static let terraformCases = 3
    static let staticCases = 300
    static let terraformEvaluationCases = 24

    // MARK: Exported files read back exactly

    @Test func exportedFilesHoldEveryValueExactly() async throws {
        let cases = HostileSpecs(seed: Self.seed, stream: "static", count: Self.staticCases).cases()
        var templates: [String] = []
        for item in cases {
            let script = try Exporter().export(item.role, as: .cli)
            for problem in CLIScriptReading.problems(script, item.role) {
                Issue.record("\(item.label): CLI script: \(problem)\n\(item.summary)")
            }
            let template = try Exporter().export(item.role, as: .cloudformation)
            templates.append(template)
            let loaded = try Yams.load(yaml: template)
            for problem in CloudFormationReading.problems(loaded, item.role) {
                Issue.record("\(item.label): template read by Yams: \(problem)\n\(item.summary)")
            }
        }

        // The template as PyYAML (YAML 1.1, what moto and AWS-like tooling read) reads it.
        let script = #"""
            import json, sys, yaml
            def keyed(value):
                if isinstance(value, dict):
                    return {(k if isinstance(k, str) else "__non-string-key__" + repr(k)): keyed(v) for k, v in value.items()}
                if isinstance(value, list):
                    return [keyed(v) for v in value]
                return value
            yaml.add_multi_constructor("", lambda loader, tag, node: {"__tag__": tag})
            answers = []
            for text in json.load(sys.stdin):
                try:
                    answers.append(json.dumps(keyed(yaml.load(text, Loader=yaml.Loader)), default=lambda o: {"__not-json__": repr(o)}))
                except Exception as error:
                    answers.append(json.dumps({"__error__": repr(error)}))
            print(json.dumps(answers))
            """#
        do {
            let answers = try await PythonOracle.answer(script, for: templates, as: [String].self)
            for (item, json) in zip(cases, answers) {
                let loaded = try JSONSerialization.jsonObject(with: Data(json.utf8))
                for problem in CloudFormationReading.problems(loaded, item.role) {
                    Issue.record("\(item.label): template read by PyYAML: \(problem)\n\(item.summary)")
                }
            }
        }

        // Terraform export: refused exactly when a value is not in NFC (Python decides).
        let texts = cases.map { HostileSpecs.allTexts(of: $0.role) }
        let nfc = #"""
            import json, sys, unicodedata
            print(json.dumps([all(unicodedata.is_normalized("NFC", t) for t in texts) for texts in json.load(sys.stdin)]))
            """#
        do {
            let keeps = try await PythonOracle.answer(nfc, for: texts, as: [Bool].self)
            var refused = 0
            for (item, keep) in zip(cases, keeps) {
                do {
                    _ = try Exporter().export(item.role, as: .terraform)
                    #expect(keep, "\(item.label): Terraform export should refuse text NFC changes\n\(item.summary)")
                } catch let error as ExportError {
                    refused += 1
                    #expect(!keep, "\(item.label): Terraform export refused a spec it can write: \(error)\n\(item.summary)")
                    #expect(error.description.contains("NFC"), "\(item.label): \(error)")
                }
            }
            #expect(refused > 0, "the generator made no NFC-unstable tag; the refusal went untested")
        }
    }

    // MARK: AWS CLI

    @Test func cliScriptMakesTheRoleApplyMakes() async throws {
        let aws = try Self.tool("aws", install: "pip install awscli")
        let moto = try await MotoServer.startOrSkip()
        defer { moto.stop() }
        let started = ContinuousClock.now
        let applied = try await MotoAccount.assume("111111111111", on: moto)
        let cli = try await MotoAccount.assume("222222222222", on: moto)
        let home = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(home) }
        try ToolEnvironment.writeCanaryAWSFiles(home: home)
        let environment = ToolEnvironment.aws(account: cli, moto: moto, home: home, awsDirectory: aws.deletingLastPathComponent())

        let cases = HostileSpecs(seed: Self.seed, stream: "cli", count: Self.cliCases, numericConditions: false).cases()
        #expect(cases.contains { $0.role.description == "file://~/.aws/credentials" })
        #expect(cases.contains { $0.role.roleName == "--profile=prod" })
        try await Self.concurrently(cases) { item in
            guard let expected = try await Self.applyWithRolewiz(item, in: applied) else { return }
            let script = home.appendingPathComponent("case-\(item.index).sh")
            try Exporter().export(item.role, as: .cli).write(to: script, atomically: true, encoding: .utf8)
            let runs = item.index == 0 ? 2 : 1  // the first case again: the script is safe to rerun
            for run in 1...runs {
                let result = try await Processes.run(URL(fileURLWithPath: "/bin/sh"), arguments: [script.path], environment: environment)
                #expect(result.exitCode == 0 && !result.timedOut, "\(item.label) run \(run): sh exited \(result.exitCode): \(result.stderr.suffix(1500))\n\(item.summary)")
                guard result.exitCode == 0 else { break }
                let observed = try await ObservedRole.load(item.role.roleName, in: cli)
                #expect(result.stdout == observed.arn + "\n", "\(item.label): the script printed \(result.stdout.debugDescription)")
                Self.expectSame(observed, expected, item, "AWS CLI script (run \(run))")
                #expect(!observed.allText.contains("rolewiz-canary"), "\(item.label): the credentials file reached IAM")
            }
        }
        print("ExportRoundTrip: AWS CLI, seed \(Self.seed), \(cases.count) cases in \(ContinuousClock.now - started)")
    }

    // MARK: CloudFormation

    @Test func cloudFormationStackMakesTheRoleApplyMakes() async throws {
        let aws = try Self.tool("aws", install: "pip install awscli")
        let moto = try await MotoServer.startOrSkip()
        defer { moto.stop() }
        let started = ContinuousClock.now
        let applied = try await MotoAccount.assume("111111111111", on: moto)
        let stacks = try await MotoAccount.assume("333333333333", on: moto)
        let home = try ExportTestTools.temporaryDirectory()
        defer { ExportTestTools.remove(home) }
        try ToolEnvironment.writeCanaryAWSFiles(home: home)
        let environment = ToolEnvironment.aws(account: stacks, moto: moto, home: home, awsDirectory: aws.deletingLastPathComponent())

        let cases = HostileSpecs(seed: Self.seed, stream: "cloudformation", count: Self.cloudFormationCases).cases()
        let templates = cases.map { home.appendingPathComponent("case-\($0.index).yaml") }
        try await Self.concurrently(cases) { item in
            let template = home.appendingPathComponent("case-\(item.index).yaml")
            try Exporter().export(item.role, as: .cloudformation).write(to: template, atomically: true, encoding: .utf8)
            let result = try await Processes.run(aws, arguments: [
                "cloudformation", "create-stack", "--stack-name", "rolewiz-roundtrip-\(item.index)",
                "--template-body", "file://\(template.path)", "--capabilities", "CAPABILITY_NAMED_IAM",
            ], environment: environment)
            #expect(result.exitCode == 0, "\(item.label): create-stack exited \(result.exitCode): \(result.stdout.suffix(800))\(result.stderr.suffix(1500))\n\(item.summary)")
        }
        // moto creates a stack's resources within CreateStack: one look at every stack's status.
        let described = try await Processes.run(aws, arguments: [
            "cloudformation", "describe-stacks", "--output", "json",
            "--query", "Stacks[].{name: StackName, status: StackStatus, reason: StackStatusReason}",
        ], environment: environment)
        let statuses = (try? JSONSerialization.jsonObject(with: Data(described.stdout.utf8)) as? [[String: Any]]) ?? []
        #expect(described.exitCode == 0, "describe-stacks exited \(described.exitCode): \(described.stdout.suffix(800))\(described.stderr.suffix(800))")

        for item in cases {
            let status = statuses.first { $0["name"] as? String == "rolewiz-roundtrip-\(item.index)" }
            #expect(status?["status"] as? String == "CREATE_COMPLETE", "\(item.label): stack \(status ?? [:])\n\(item.summary)")
            guard let expected = try await Self.applyWithRolewiz(item, in: applied), status?["status"] as? String == "CREATE_COMPLETE"
            else { continue }
            var observed = try await ObservedRole.load(item.role.roleName, in: stacks)
            // moto's AWS::IAM::Role (moto 5.2) ignores ManagedPolicyArns: it attaches
            // nothing. The ARNs are checked as the template holds them (read
            // back exactly above and in exportedFilesHoldEveryValueExactly);
            // should moto attach them one day, they must be these.
            let templateArns = Set(item.role.policyArns)
            #expect(observed.policyArns.isEmpty || observed.policyArns == templateArns, "\(item.label): attached \(observed.policyArns)")
            observed.policyArns = templateArns
            // moto's AWS::IAM::Role (moto 5.2) stores each of Policies' documents
            // as the mapping the template held and GetRolePolicy returns its
            // Python repr, not JSON: read as Python (ast.literal_eval), it must
            // be the spec's document, value for value.
            observed.inlinePolicies = try await Self.pythonReprAsJSON(observed.inlinePolicies)
            Self.expectSame(observed, expected, item, "CloudFormation stack")
        }

        // cfn-lint: the templates are valid for CloudFormation itself, not only for moto.
        do {
            let cfnLint = try Self.tool("cfn-lint", install: "pip install cfn-lint")
            let lint = try await Processes.run(cfnLint, arguments: templates.map(\.path), environment: ToolEnvironment.guarded(home: home))
            #expect(lint.exitCode == 0, "cfn-lint (seed \(Self.seed), stream cloudformation): \(lint.stdout.suffix(3000))\(lint.stderr.suffix(800))")
        }
        print("ExportRoundTrip: CloudFormation, seed \(Self.seed), \(cases.count) cases in \(ContinuousClock.now - started)")
    }

    // MARK: Terraform

    @Test func terraformApplyMakesTheRoleApplyMakes() async throws {
        let terraform = try TerraformRun.find()
        let moto = try await MotoServer.startOrSkip()
        defer { moto.stop() }
        let started = ContinuousClock.now
        let applied = try await MotoAccount.assume("111111111111", on: moto)
        let planted = try await MotoAccount.assume("444444444444", on: moto)
        let run = try TerraformRun(terraform)
        defer { ExportTestTools.remove(run.directory) }

        // Terraform cannot hold text NFC changes (the export refuses it): its cases leave it out.
        let cases = HostileSpecs(seed: Self.seed, stream: "terraform", count: Self.terraformCases, nfcUnstableTags: false).cases()
        var modules: [String: String] = [:]
        for item in cases {
            modules["case_\(item.index)"] = try Exporter().export(item.role, as: .terraform)
        }
        let provider = TerraformRun.provider(endpoint: moto.endpoint, credentials: planted.credentials)
        async let terraformSteps = run.apply(root: provider, modules: modules)
        var expected: [Int: ObservedRole] = [:]
        for item in cases {
            expected[item.index] = try await Self.applyWithRolewiz(item, in: applied)
        }
        let steps = try await terraformSteps
        #expect(steps.allSatisfy { $0.exitCode == 0 }, "terraform (seed \(Self.seed), stream terraform): \(steps.map { $0.stdout.suffix(2500) + $0.stderr.suffix(2500) }.joined(separator: "\n"))")
        guard steps.allSatisfy({ $0.exitCode == 0 }) else { return }

        for item in cases {
            guard let expected = expected[item.index] else { continue }
            let observed = try await ObservedRole.load(item.role.roleName, in: planted)
            Self.expectSame(observed, expected, item, "terraform apply")
        }
        print("ExportRoundTrip: Terraform, seed \(Self.seed), \(cases.count) cases in \(ContinuousClock.now - started)")
    }

    /// Many more Terraform files than can be applied, evaluated without a
    /// provider: every value of the role block as Terraform reads it. Also
    /// shows why the export refuses non-NFC text: Terraform rewrites it.
    @Test func terraformReadsEveryGeneratedValueExactly() async throws {
        let terraform = try TerraformRun.find(needsProvider: false)
        let run = try TerraformRun(terraform)
        defer { ExportTestTools.remove(run.directory) }
        let cases = HostileSpecs(seed: Self.seed, stream: "terraform-values", count: Self.terraformEvaluationCases, nfcUnstableTags: false).cases()
        var modules: [String: String] = [:]
        var root = ""
        for item in cases {
            let exported = try Exporter().export(item.role, as: .terraform)
            let roleBlock = exported.components(separatedBy: "\n}\n")[0].split(separator: "\n", maxSplits: 1)[1]
            var outputs = ["name = local.name", "path = local.path", "assume_role_policy = local.assume_role_policy"]
            if item.role.description != nil { outputs.append("description = local.description") }
            if item.role.maxSessionDuration != nil { outputs.append("max_session_duration = local.max_session_duration") }
            if item.role.permissionsBoundaryArn != nil { outputs.append("permissions_boundary = local.permissions_boundary") }
            if !item.role.tags.isEmpty { outputs.append("tags = local.tags") }
            modules["case_\(item.index)"] = "locals {\n\(roleBlock)\n}\n\noutput \"role\" {\n  value = {\n    \(outputs.joined(separator: "\n    "))\n  }\n}\n"
            root += "module \"case_\(item.index)\" {\n  source = \"./case_\(item.index)\"\n}\n\noutput \"case_\(item.index)\" {\n  value = module.case_\(item.index).role\n}\n\n"
        }
        root += #"output "nfc" { value = ["\u2126", "Ω", "\u1100\u1161"] }"# + "\n"
        let steps = try await run.apply(root: root, modules: modules)
        #expect(steps.allSatisfy { $0.exitCode == 0 }, "terraform: \(steps.map { $0.stdout.suffix(2000) + $0.stderr.suffix(2000) }.joined(separator: "\n"))")
        let outputs = try await run.outputs()

        for item in cases {
            let value = outputs["case_\(item.index)"]?["value"] as? [String: Any] ?? [:]
            let role = item.role
            var problems: [String] = []
            func expectText(_ key: String, _ expected: String?) {
                let found = value[key] as? String
                if !Exact.same(found, expected) { problems.append("\(key): \(found.debugDescription) != \(expected.debugDescription)") }
            }
            expectText("name", role.roleName)
            expectText("path", role.path)
            expectText("description", role.description)
            expectText("permissions_boundary", role.permissionsBoundaryArn)
            if value["max_session_duration"] as? Int != role.maxSessionDuration {
                problems.append("max_session_duration: \(String(describing: value["max_session_duration"]))")
            }
            if !Exact.sameTrustPolicy(value["assume_role_policy"] as? String ?? "", role.trustPolicy) {
                problems.append("assume_role_policy: \(String(describing: value["assume_role_policy"]))")
            }
            let tags = (value["tags"] as? [String: String] ?? [:]).map { RoleTag(key: $0.key, value: $0.value) }
            if Exact.tags(tags) != Exact.tags(role.tags) { problems.append("tags: \(tags) != \(role.tags)") }
            #expect(problems.isEmpty, "\(item.label): Terraform read \(problems.joined(separator: "; "))\n\(item.summary)")
        }
        let nfc = (outputs["nfc"]?["value"] as? [String] ?? []).map { $0.unicodeScalars.map(\.value) }
        #expect(nfc == [[0x3A9], [0x3A9], [0xAC00]], "Terraform no longer normalizes strings to NFC (\(nfc)): TerraformExport's refusal could go")
    }

    // MARK: Shared steps

    /// The spec applied by rolewiz in `account`, read back; nil (with the
    /// failure recorded) when apply failed or IAM holds something else than the spec.
    static func applyWithRolewiz(_ item: RoundTripCase, in account: MotoAccount) async throws -> ObservedRole? {
        let plan = try await Planner(iam: account.session.iam).plan(for: item.role)
        let result = await Applier(iam: account.session.iam).apply(plan)
        #expect(result.status == .succeeded, "\(item.label): rolewiz apply: \(result.summary)\n\(item.summary)")
        guard result.status == .succeeded else { return nil }
        let observed = try await ObservedRole.load(item.role.roleName, in: account)
        let problems = observed.differences(from: ObservedRole(item.role, arn: observed.arn))
        #expect(problems.isEmpty, "\(item.label): rolewiz apply made \(problems.joined(separator: "; "))\n\(item.summary)")
        return problems.isEmpty ? observed : nil
    }

    static func expectSame(
        _ observed: ObservedRole, _ expected: ObservedRole, _ item: RoundTripCase, _ tool: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let problems = observed.differences(from: expected)
        #expect(problems.isEmpty, "\(item.label): \(tool) made \(problems.joined(separator: "; "))\n\(item.summary)", sourceLocation: sourceLocation)
    }

    /// Documents that are not JSON read as Python literals and written as JSON.
    static func pythonReprAsJSON(_ documents: [String: String]) async throws -> [String: String] {
        let notJSON = documents.filter { (try? PolicyDocument.readingTree($0.value)) == nil }
        guard !notJSON.isEmpty else { return documents }
        let script = #"""
            import ast, json, sys
            print(json.dumps({name: json.dumps(ast.literal_eval(text)) for name, text in json.load(sys.stdin).items()}))
            """#
        let converted = try await PythonOracle.answer(script, for: notJSON, as: [String: String].self)
        return documents.merging(converted) { _, new in new }
    }

    /// `body` for each item, `width` at a time: the tools are processes that
    /// mostly wait on moto, and a test's cases are independent.
    static func concurrently<Item: Sendable>(
        _ items: [Item], width: Int = 2, _ body: @escaping @Sendable (Item) async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = items.makeIterator()
            for _ in 0..<width {
                if let item = pending.next() { group.addTask { try await body(item) } }
            }
            while try await group.next() != nil {
                if let item = pending.next() { group.addTask { try await body(item) } }
            }
        }
    }

    /// The tool on PATH; when missing, a failure under CI=true, otherwise a visible skip.
    static func tool(_ name: String, install: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        if let found = ExportTestTools.find(name) { return found }
        try MissingTool.stop(name, install: install, sourceLocation: sourceLocation)
    }
}

// MARK: - Generated cases

/// One generated spec, resolved, with what names it in messages.
struct RoundTripCase: Sendable {
    var index: Int
    var label: String
    var spec: RoleSpec
    var role: DesiredRole

    var summary: String {
        let role = role
        return """
              name \(role.roleName.debugDescription), path \(role.path.debugDescription)
              description \(role.description.debugDescription)
              tags \(role.tags.map { "\($0.key.debugDescription)=\($0.value.debugDescription)" }.joined(separator: ", "))
              policies \(role.policyArns), boundary \(role.permissionsBoundaryArn.debugDescription), max session \(role.maxSessionDuration.debugDescription)
              trust \(role.trustPolicy.debugDescription)
              inline \(role.inlinePolicies.map { "\($0.name.debugDescription): \($0.document.debugDescription)" }.joined(separator: ", "))
            """
    }
}

/// Valid role specs built from text that quoting mistakes mangle: shell
/// (quotes, `$()`, backquotes, backslashes), AWS CLI parameter prefixes
/// (`file://`, `fileb://`, URLs, a leading `-`), CloudFormation (`${...}`,
/// `Ref`/`Fn::` keys), HCL (`${`, `%{`), YAML (indicators, `yes`, `null`,
/// `0x10`, `1e3`, `1:20`, leading and trailing spaces, line separators)
/// and Unicode (Latin-1, letters of every script, characters NFC changes).
/// Each character set stays within what IAM allows for the field, and every
/// fragment of a pool lands in some case of a stream (case i of n takes the
/// fragments whose index is i modulo n), so a short stream still covers all.
struct HostileSpecs {
    var seed: UInt64
    var stream: String
    var count: Int
    /// Terraform keeps strings in NFC, so its streams leave such tags out.
    var nfcUnstableTags = true
    /// Numbers as condition values (`"aws:MultiFactorAuthAge": 3600`), which
    /// IAM's grammar allows ("quotation marks are optional for numeric and
    /// Boolean values"). moto 5.2's UpdateAssumeRolePolicy refuses them
    /// (its validator takes only strings, booleans and lists: "Syntax errors
    /// in policy"; its CreateRole does not check), and the CLI script always
    /// calls update-assume-role-policy, so the CLI stream writes them as strings.
    var numericConditions = true

    static let accountId = "123456789012"

    // Descriptions: tab, LF, CR, U+0020-U+007E, U+00A1-U+00FF.
    static let descriptionFragments: [String] = [
        "'", "\"", "It's \"quoted\"", "$(id)", "$(touch /tmp/rolewiz-pwned)", "`id`", "\\", "\\n", "\\\"", "\n", "\t", "\r", "\r\n",
        "\n\n", "${AWS::Region}", "${AWS::AccountId}", "${x}", "${!x}", "$${", "$$", "$", "${", "%{if}", "%{ endif }", "%%{", "%{",
        ": ", "a: b", "- ", "- x", "#", " # c", "&a", "*a", "!tag", "!!str", "? ", "|", ">", "|-", ">+", "---", "...", "%YAML 1.2",
        "{a: b}", "[a, b]", ",", "@x", "yes", "no", "null", "~", "true", "0x10", "1e3", "0o17", "1:20", ".inf", "2001-12-14", "<<",
        "=", "--profile=prod", "-", "--", "-x", "file://~/.aws/credentials", "fileb://x", "http://127.0.0.1:1/x",
        "https://example.com", "é", "ß", "±", "café", "Größe", "naïve", "½", "¡", "¿", "ÿ", "×÷", "«»", "\u{AD}", "©®", "JSON",
        "\nJSON\n", "'JSON'", "EOF", "<script>", "&amp;", "]]>", "<!--", "%s", "%n", "{{x}}", "\\u0041", "\\x41", ";", "&&",
        "|| true", "> /dev/null",
    ]

    /// Whole descriptions: the CLI expands a parameter only when it starts so.
    static let wholeDescriptions: [String?] = [
        "file://~/.aws/credentials", "fileb://~/.aws/credentials", "http://127.0.0.1:1/x", "https://example.com",
        "--profile=prod", "", "yes", "null", "~", " ", "-", "0x10", "1e3", nil,
    ]

    // Tags: letters, digits, spaces (Unicode categories L, Z, N) and _.:/=+-@.
    static let tagKeys: [String] = [
        "team", "cost center", "--profile=prod", "-", "file://x", "fileb://x", "http://127.0.0.1:1/x", "https://example.com",
        "1e3", "0x10", "yes", "null", "Ref", "Fn::Sub", "a:b/c=d+e@f_g.h", " lead", "trail ", "=", "@", "1:20", "+12", "1_000",
        ".inf", "0o17", "2001-12-14", "Zoë", "Größe", "日本語", "Ω", "ǅ", "ʰ", "Ⅻ", "١٢٣", "²½", "a\u{2028}b", "a\u{A0}b",
        "a\u{3000}b", "İ", "Σίσυφος", "...", "-.inf", "- a", "a: b", String(repeating: "k", count: 128),
    ]
    static let tagValues: [String] = [
        "", "yes", "no", "null", "Null", "NULL", "true", "on", "Off", "y", "n", "1e3", "0x10", "0o17", "1:20", "+12", "-1",
        "1_000", ".inf", "-.inf", ".nan", "2001-12-14", "2001-12-14 21:59:43.10 -5", "=", "--profile=prod", "-", "- a", "a: b",
        "a:b", "file://x", "fileb://x", "http://127.0.0.1:1/x", "https://example.com", " lead", "trail ", " ", "Zoë Ærø",
        "Ünal @ data/ml", "日本", "\u{2028}", "a\u{2029}b", "\u{A0}", "ǅ", "Ⅻ", "٣", "x@y.z", "a/b/c", "@", "0", "00", "-0",
        String(repeating: "v", count: 256),
    ]
    /// Letters NFC replaces: OHM, ANGSTROM and KELVIN signs, a CJK
    /// compatibility ideograph, EN QUAD, and a Hangul jamo pair.
    static let nfcUnstable: [String] = ["\u{2126}hm", "\u{212B}ngstr\u{F6}m", "\u{212A}elvin", "\u{F900}", "a\u{2000}b", "\u{1100}\u{1161}"]

    // Role names: [A-Za-z0-9+=,.@_-]{1,64}.
    static let names: [String] = [
        "--profile=prod", "-", "--help", "-h", "--endpoint-url=http", "--debug", "@", "=x", "+", ",", ".", "..", "_", "a,b", "1e3",
        "0x10", "yes", "null", "Ref", "Fn..Sub", "JSON", String(repeating: "-", count: 64),
    ]
    static let nameCharacters = Array("abcXYZ019+=,.@_-")

    // Path segments: U+0021-U+007E.
    static let pathSegments: [String] = [
        "a$b", "${x}", "$${", "${AWS::Region}", "%{if}", "%%{", "'", "\"", "`id`", "$(id)", "\\", "#", "&a", "*a", "!tag", "?",
        "|", ">", "yes", "null", "~", "--profile=prod", "file:", "http:", "@", "<<", "=", ":", "-", "{", "}", "[", "]", ",", "%",
        "1e3", "0x10", "JSON", "\\n", ".", "..", "a:b",
    ]

    static let managedPolicies: [PolicyReference] = [
        "ReadOnlyAccess", "AmazonS3FullAccess", "IAMFullAccess", "service-role/AWSGlueServiceRole", "job-function/ViewOnlyAccess",
        "AmazonLookoutEquipmentFullAccess", "service-role/AWSLambdaBasicExecutionRole",
    ]

    // Trust policy strings: U+0020-U+00FF, tab and line breaks (JSON-escaped).
    static let policyStrings: [String] = [
        "${aws:username}", "${x}", "$${", "%{if}", "%%{", "${AWS::Region}", "'", "\"", "\\", "$(id)", "`id`", ": x", "- x", "#x", "&a",
        "*a", "!tag", "? x", "|", ">", " lead", "trail ", "yes", "null", "~", "0x10", "1e3", "--profile=prod",
        "file://~/.aws/credentials", "http://127.0.0.1:1/x", "é", "ß", "±", "a\nb", "\t", "\r\n", "", "<b>&amp;</b>", "*",
    ]
    static let policyNumbers = ["3600", "1e3", "0.5", "-1", "12345678901234", "0", "2.5E+2", "1e-7", "1E+30"]

    // Inline policy names: [A-Za-z0-9+=,.@_-]{1,128}.
    static let inlinePolicyNames: [String] = [
        "--profile=prod", "-", "--help", "JSON", "EOF", "yes", "null", "Ref", "Fn..Sub", "1e3", "0x10", "@", "=x", "+", ",", ".",
        "..", "_", "a,b", "S3Read", "-h", String(repeating: "p", count: 128),
    ]

    /// Case `index` of the stream, reproducible on its own.
    func spec(_ index: Int) -> RoleSpec {
        var random = SeededRandom(seed: seed ^ Self.hash(stream) &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        func share<T>(_ pool: [T], _ index: Int, _ count: Int) -> [T] {
            pool.enumerated().filter { $0.offset % max(1, count) == index % max(1, count) }.map(\.element)
        }

        // Description: even cases mix fragments, odd ones are whole values.
        var description: String?
        if index % 2 == 1 {
            description = Self.wholeDescriptions[(index / 2) % Self.wholeDescriptions.count]
        } else {
            var fragments = share(Self.descriptionFragments, index / 2, (count + 1) / 2)
            for _ in 0..<Int.random(in: 2...8, using: &random) { fragments.append(Self.descriptionFragments.randomElement(using: &random)!) }
            fragments.shuffle(using: &random)
            let separators = ["", " ", "\n", "\t", "\r\n", "  "]
            var text = index == 0 ? "--profile=prod " : ""
            text += fragments.map { $0 + separators.randomElement(using: &random)! }.joined()
            if index % 4 == 2 { text = " " + text + " " }
            description = String(String.UnicodeScalarView(text.unicodeScalars.prefix(RoleSpec.Limits.descriptionLength.upperBound)))
        }

        // Tags: this case's share of the key and value pools, with unique keys.
        var keys = share(Self.tagKeys, index, count)
        var values = share(Self.tagValues, index, count)
        if nfcUnstableTags {
            let unstable = share(Self.nfcUnstable, index, count)
            keys += unstable.prefix(1)
            values += unstable.dropFirst()
        }
        let tagCount = index % 8 == 7 ? 0 : max(keys.count, values.count, Int.random(in: 1...4, using: &random))
        var tags: [RoleTag] = []
        var seenKeys: Set<String> = []
        for position in 0..<tagCount {
            var key = position < keys.count ? keys[position] : Self.tagKeys.randomElement(using: &random)!
            while seenKeys.contains(key.lowercased()) { key = String(key.prefix(120)) + "\(position)" }
            seenKeys.insert(key.lowercased())
            let value = position < values.count ? values[position] : Self.tagValues.randomElement(using: &random)!
            tags.append(RoleTag(key: key, value: value))
        }
        tags.shuffle(using: &random)

        // Path: "/" now and then, otherwise this case's share of segments.
        var path = "/"
        if index % 3 != 2 {
            var segments = share(Self.pathSegments, index, count)
            segments.append(Self.pathSegments.randomElement(using: &random)!)
            path = "/" + segments.shuffled(using: &random).joined(separator: "/") + "/"
        }

        let name: String
        if index < Self.names.count {
            name = Self.names[index]
        } else {
            let length = Int.random(in: 1...64, using: &random)
            name = String((0..<length).map { _ in Self.nameCharacters.randomElement(using: &random)! })
        }

        let sessions: [Int?] = [nil, 3600, 43200, 7200, Int.random(in: 3600...43200, using: &random)]
        let policies = Array(Self.managedPolicies.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)))
        let trust = trust(index, using: &random)
        return RoleSpec(
            name: name, path: path, description: description, trust: trust,
            managedPolicies: policies, tags: tags, maxSessionDuration: sessions[index % sessions.count],
            permissionsBoundary: index % 3 == 0 ? "PowerUserAccess" : nil,
            inlinePolicies: inlinePolicies(index, share: share, using: &random))
    }

    /// None in every fifth case, else this case's share of the hostile names
    /// (at least one), each with a document whose strings are hostile: in
    /// resources, condition values and a condition key holding `${`.
    private func inlinePolicies(
        _ index: Int, share: ([String], Int, Int) -> [String], using random: inout SeededRandom
    ) -> [RoleInlinePolicy] {
        guard index % 5 != 4 else { return [] }
        var names = share(Self.inlinePolicyNames, index, count)
        if names.isEmpty || Bool.random(using: &random) { names.append(Self.inlinePolicyNames.randomElement(using: &random)!) }
        var seen: Set<String> = []
        names = names.prefix(3).filter { seen.insert($0.lowercased()).inserted }
        return names.map { name in
            func pick(_ count: Int) -> [PolicyTree] {
                (0..<count).map { _ in .string(Self.policyStrings.randomElement(using: &random)!) }
            }
            // A resource is one line (cfn-lint's ARN pattern); condition values may be anything.
            let oneLine = Self.policyStrings.filter { !$0.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }
            let resources = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                PolicyTree.string("arn:aws:s3:::bucket/" + oneLine.randomElement(using: &random)!)
            }
            var statement: [(String, PolicyTree)] = [
                ("Effect", .string(Bool.random(using: &random) ? "Allow" : "Deny")),
                ("Action", .array([.string("s3:GetObject"), .string("s3:List*")])),
                ("Resource", .array(resources)),
            ]
            if Bool.random(using: &random) {
                let key = Bool.random(using: &random) ? "aws:PrincipalTag/${x}" : "s3:prefix"
                statement.append(("Condition", .object([("StringLike", .object([(key, .array(pick(2)))]))])))
            }
            if Bool.random(using: &random) { statement.insert(("Sid", .string("Inline\(index)")), at: 0) }
            var document: [(String, PolicyTree)] = [("Version", .string("2012-10-17")), ("Statement", .array([.object(statement)]))]
            if Bool.random(using: &random) { document.reverse() }
            var writer = PolicyWriter(random: random)
            let text = writer.write(.object(document))
            random = writer.random
            return RoleInlinePolicy(name: name, document: text)
        }
    }

    /// By case: a condition key `Ref` with `${...}` values (template as
    /// joined JSON text), keys `Fn::Sub`/`Fn::GetAtt` (JSON text in a block
    /// scalar), `${aws:username}` and YAML-special values with numbers and
    /// booleans (YAML mapping with Fn::Join inside), a service trust, an
    /// account trust with an external ID, and a key holding `${`.
    private func trust(_ index: Int, using random: inout SeededRandom) -> TrustedEntity {
        func pick(_ count: Int) -> [PolicyTree] {
            (0..<count).map { _ in .string(Self.policyStrings.randomElement(using: &random)!) }
        }
        func number() -> PolicyTree {
            let text = Self.policyNumbers.randomElement(using: &random)!
            return numericConditions ? .number(text) : .string(text)
        }
        let service: PolicyTree = .object([("Service", .string(["ec2.amazonaws.com", "lambda.amazonaws.com"].randomElement(using: &random)!))])
        var statement: [(String, PolicyTree)] = [("Effect", .string("Allow"))]
        switch index % 6 {
        case 0:
            statement += [
                ("Principal", service), ("Action", .string("sts:AssumeRole")),
                ("Condition", .object([
                    ("StringEquals", .object([("Ref", .string("x")), ("sts:ExternalId", .array(pick(3)))])),
                    ("StringLike", .object([("sts:RoleSessionName", .string("${aws:username}"))])),
                ])),
            ]
        case 1:
            statement += [
                ("Principal", .object([("AWS", .string("arn:aws:iam::210987654321:root"))])), ("Action", .string("sts:AssumeRole")),
                ("Condition", .object([
                    ("StringEquals", .object([("Fn::Sub", .string("x")), ("Fn::GetAtt", .array([.string("Role"), .string("Arn")]))])),
                    ("NumericLessThan", .object([("aws:MultiFactorAuthAge", number())])),
                ])),
            ]
        case 2:
            statement += [
                ("Sid", .string("Trust\(index)")),
                ("Principal", Bool.random(using: &random) ? .string("*") : service),
                ("Action", .array([.string("sts:AssumeRole"), .string("sts:TagSession")])),
                ("Condition", .object([
                    ("StringLike", .object([("aws:PrincipalTag/team", .array([.string("${aws:username}")] + pick(5)))])),
                    ("NumericLessThan", .object([("aws:MultiFactorAuthAge", number())])),
                    ("Bool", .object([("aws:MultiFactorAuthPresent", .bool(Bool.random(using: &random)))])),
                    ("StringEquals", .object(pick(4).enumerated().map { ("aws:RequestTag/k\($0.offset)", $0.element) })),
                ])),
            ]
        case 3:
            return .awsServices(ServiceTrust(services: ["lambda.amazonaws.com", "sagemaker.amazonaws.com"], sourceAccount: .current))
        case 4:
            let externalIds = ["--profile=prod", "file://x", "fileb://x", "http://127.0.0.1:1/x", "https://example.com", "a=b+c,d.e@f:g/h-i_j", "1e3", "0x10", "yes", "null"]
            return .awsAccount(AccountTrust(
                account: .id("210987654321"), externalId: externalIds[(index / 6) % externalIds.count], requireMFA: index % 12 == 4))
        default:
            statement += [
                ("Principal", .object([("Federated", .string("cognito-identity.amazonaws.com"))])),
                ("Action", .string("sts:AssumeRoleWithWebIdentity")),
                ("Condition", .object([
                    ("StringEquals", .object([("aws:PrincipalTag/${x}", .string("v")), ("cognito-identity.amazonaws.com:aud", pick(1)[0])])),
                    ("ForAnyValue:StringLike", .object([("aws:RequestTag/${aws:username}", .array(pick(2)))])),
                ])),
            ]
        }
        var document: [(String, PolicyTree)] = [("Version", .string("2012-10-17")), ("Statement", .array([.object(statement)]))]
        if Bool.random(using: &random) { document.reverse() }
        var writer = PolicyWriter(random: random)
        let text = writer.write(.object(document))
        random = writer.random
        return .customPolicy(text)
    }

    func cases() -> [RoundTripCase] {
        var names: Set<String> = []
        return (0..<count).compactMap { index in
            var spec = spec(index)
            // IAM role names are unique regardless of case within an account.
            if !names.insert(spec.name.lowercased()).inserted {
                spec.name = String(spec.name.prefix(58)) + "-\(index)"
                names.insert(spec.name.lowercased())
            }
            let label = "seed \(seed) stream \(stream) case \(index)"
            // Only specs rolewiz's own validation accepts: the generator must make no other.
            let issues = spec.validate()
            guard issues.isEmpty else {
                Issue.record("\(label): the generator made an invalid spec: \(issues)")
                return nil
            }
            do {
                return RoundTripCase(index: index, label: label, spec: spec, role: try spec.resolve(accountId: Self.accountId))
            } catch {
                Issue.record("\(label): the generator made a spec that does not resolve: \(error)")
                return nil
            }
        }
    }

    /// Every string of the role Terraform would hold, for the NFC oracle.
    static func allTexts(of role: DesiredRole) -> [String] {
        var texts = [role.roleName, role.path] + role.policyArns + role.tags.flatMap { [$0.key, $0.value] }
        texts += [role.description, role.permissionsBoundaryArn].compactMap { $0 }
        func collect(_ json: JSONValue) {
            switch json {
            case .string(let text): texts.append(text)
            case .array(let items): items.forEach(collect)
            case .object(let members): members.forEach { texts.append($0.key); collect($0.value) }
            default: break
            }
        }
        if let json = try? role.trustPolicyJSON() { collect(json) }
        for policy in role.inlinePolicies {
            texts.append(policy.name)
            if let json = try? PolicyDocument.readingTree(policy.document) { collect(json) }
        }
        return texts
    }

    /// FNV-1a, stable across runs (Hasher is seeded per process).
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}

/// A policy document before it is written as text.
indirect enum PolicyTree {
    case string(String)
    case number(String)
    case bool(Bool)
    case array([PolicyTree])
    case object([(String, PolicyTree)])
}

/// Writes JSON the way people and tools do: any whitespace between tokens
/// (tabs, CRLF), `\/`, `\u0024` for `$` and `\u00e9` for `é` now and then.
struct PolicyWriter {
    var random: SeededRandom

    mutating func write(_ value: PolicyTree) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .array(let items):
            return "[" + space() + items.map { write($0) + space() }.joined(separator: "," + space()) + "]"
        case .object(let members):
            return "{" + space() + members.map { quoted($0.0) + space() + ":" + space() + write($0.1) + space() }
                .joined(separator: "," + space()) + "}"
        }
    }

    private mutating func space() -> String {
        ["", "", "", " ", "\n", "\t", "\r\n", "\n    "].randomElement(using: &random)!
    }

    private mutating func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where Int.random(in: 0..<3, using: &random) == 0: out += "\\/"
            case _ where (scalar == "$" || scalar.value > 0x7E) && Bool.random(using: &random):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

// MARK: - Roles as IAM holds them

/// A role read back from moto, or the one a spec asks for, with the fields
/// the property compares. Text is compared code point for code point (Swift's
/// `==` holds canonically equivalent strings equal; IAM does not).
struct ObservedRole: Sendable {
    var name: String
    var arn: String
    var path: String
    var trustPolicy: String
    var description: String?
    var maxSessionDuration: Int
    var permissionsBoundary: String?
    var policyArns: Set<String>
    var tags: [RoleTag]
    /// Inline policy documents by name.
    var inlinePolicies: [String: String] = [:]
    /// The instance profiles holding the role, as `name path`.
    var instanceProfiles: Set<String> = []

    /// What `role` asks IAM to hold.
    init(_ role: DesiredRole, arn: String) {
        name = role.roleName
        self.arn = arn
        path = role.path
        trustPolicy = role.trustPolicy
        description = role.description
        maxSessionDuration = role.maxSessionDuration ?? 3600
        permissionsBoundary = role.permissionsBoundaryArn
        policyArns = Set(role.policyArns)
        tags = role.tags
        inlinePolicies = Dictionary(role.inlinePolicies.map { ($0.name, $0.document) }) { first, _ in first }
        instanceProfiles = role.wantsInstanceProfile ? ["\(role.roleName) \(role.path)"] : []
    }

    init(
        name: String, arn: String, path: String, trustPolicy: String, description: String?, maxSessionDuration: Int,
        permissionsBoundary: String?, policyArns: Set<String>, tags: [RoleTag], inlinePolicies: [String: String] = [:],
        instanceProfiles: Set<String> = []
    ) {
        self.name = name
        self.arn = arn
        self.path = path
        self.trustPolicy = trustPolicy
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundary = permissionsBoundary
        self.policyArns = policyArns
        self.tags = tags
        self.inlinePolicies = inlinePolicies
        self.instanceProfiles = instanceProfiles
    }

    /// GetRole, ListAttachedRolePolicies, the inline policies and ListRoleTags through rolewiz's
    /// client; the description from GetRole's raw XML, since an XML parser
    /// turns CR and CRLF into LF.
    static func load(_ roleName: String, in account: MotoAccount) async throws -> ObservedRole {
        let details = try await RoleDetails.load(roleName: roleName, from: account.session.iam)
        return ObservedRole(
            name: details.role.roleName, arn: details.role.arn, path: details.role.path,
            trustPolicy: details.role.assumeRolePolicyDocument,
            description: try await account.rawDescription(of: roleName),
            maxSessionDuration: details.role.maxSessionDuration ?? 3600,
            permissionsBoundary: details.role.permissionsBoundaryArn,
            policyArns: Set(details.attachedPolicies.map(\.policyArn)), tags: details.tags,
            inlinePolicies: Dictionary(details.inlinePolicies.map { ($0.name, $0.document) }) { first, _ in first },
            instanceProfiles: Set(details.instanceProfiles.map { "\($0.name) \($0.path)" }))
    }

    var allText: String {
        ([name, path, trustPolicy, description ?? ""] + tags.flatMap { [$0.key, $0.value] }
            + inlinePolicies.flatMap { [$0.key, $0.value] }).joined(separator: "\n")
    }

    /// What differs, one line per field. An empty description and none are
    /// the same to IAM (and moto's CloudFormation stores "" for none); so
    /// are an empty boundary and none.
    func differences(from expected: ObservedRole) -> [String] {
        var problems: [String] = []
        func check(_ field: String, _ same: Bool, _ found: Any, _ wanted: Any) {
            if !same { problems.append("\(field) \(String(reflecting: found)) where rolewiz has \(String(reflecting: wanted))") }
        }
        check("name", Exact.same(name, expected.name), name, expected.name)
        check("path", Exact.same(path, expected.path), path, expected.path)
        check("description", Exact.same(description ?? "", expected.description ?? ""), description as Any, expected.description as Any)
        check("max session", maxSessionDuration == expected.maxSessionDuration, maxSessionDuration, expected.maxSessionDuration)
        check("boundary", (permissionsBoundary ?? "") == (expected.permissionsBoundary ?? ""), permissionsBoundary as Any, expected.permissionsBoundary as Any)
        check("policies", policyArns == expected.policyArns, policyArns.sorted(), expected.policyArns.sorted())
        check("tags", Exact.tags(tags) == Exact.tags(expected.tags), tags, expected.tags)
        check("trust policy", Exact.sameTrustPolicy(trustPolicy, expected.trustPolicy), trustPolicy, expected.trustPolicy)
        check("inline policy names", Set(inlinePolicies.keys.map(Exact.scalars)) == Set(expected.inlinePolicies.keys.map(Exact.scalars)),
              inlinePolicies.keys.sorted(), expected.inlinePolicies.keys.sorted())
        check("instance profiles", instanceProfiles == expected.instanceProfiles, instanceProfiles.sorted(), expected.instanceProfiles.sorted())
        for (name, document) in expected.inlinePolicies.sorted(by: { $0.key < $1.key }) {
            guard let found = inlinePolicies.first(where: { Exact.same($0.key, name) })?.value else { continue }
            check("inline policy \(name.debugDescription)", Exact.sameTrustPolicy(found, document), found, document)
        }
        return problems
    }
}

/// Comparisons that see every code point.
enum Exact {
    static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): a.unicodeScalars.elementsEqual(b.unicodeScalars)
        default: false
        }
    }

    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    static func tags(_ tags: [RoleTag]) -> [[UInt32]: [UInt32]] {
        Dictionary(tags.map { (scalars($0.key), scalars($0.value)) }) { first, _ in first }
    }

    /// The same JSON: objects whatever their key order, numbers by value,
    /// strings code point for code point, arrays in order.
    static func sameTrustPolicy(_ a: String, _ b: String) -> Bool {
        guard let left = try? PolicyDocument.readingTree(a), let right = try? PolicyDocument.readingTree(b) else { return false }
        return sameJSON(left, right)
    }

    static func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return same(x, y)
        case let (.number(x), .number(y)): return x == y || (Double(x) != nil && Double(x) == Double(y))
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { sameJSON($0, $1) }
        case let (.object(x), .object(y)):
            return x.count == y.count && x.allSatisfy { member in
                y.contains { same($0.key, member.key) && sameJSON($0.value, member.value) }
            }
        default: return false
        }
    }
}

// MARK: - moto accounts

/// A moto account of its own: AssumeRole of a role ARN in account `id`
/// gives keys that moto ties to that account.
struct MotoAccount: Sendable {
    let id: String
    let credentials: AWSCredentials
    let session: AWSSession
    let endpoint: URL

    static func assume(_ id: String, on moto: MotoServer) async throws -> MotoAccount {
        let base = try MotoApplySession(moto)
        let credentials = try await base.session.sts.assumeRole(
            roleArn: "arn:aws:iam::\(id):role/rolewiz-roundtrip", sessionName: "rolewiz-roundtrip", externalId: nil, durationSeconds: nil)
        let environment = ["AWS_EC2_METADATA_DISABLED": "true"]
        let session = try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString, environment: environment,
            transport: URLSessionTransport(environment: environment), profiles: ProfileStore(),
            credentialProvider: StaticCredentialProvider(credentials), sleep: { _ in }))
        session.addObserver(Applier.requestObserver)
        let identity = try await session.sts.getCallerIdentity()
        try #require(identity.account == id, "moto put the assumed role's keys in account \(identity.account), not \(id)")
        return MotoAccount(id: id, credentials: credentials, session: session, endpoint: moto.endpoint)
    }

    /// GetRole's `<Description>` exactly as sent (moto does not check signatures;
    /// the access key in the Authorization header picks the account).
    func rawDescription(of roleName: String) async throws -> String? {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let name = roleName.addingPercentEncoding(withAllowedCharacters: unreserved) ?? roleName
        let request = HTTPRequest(
            method: "POST", url: endpoint,
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                ("Authorization", "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0"),
            ],
            body: Data("Action=GetRole&Version=2010-05-08&RoleName=\(name)".utf8))
        let response = try await URLSessionTransport(environment: ["AWS_EC2_METADATA_DISABLED": "true"]).send(request)
        let xml = String(decoding: response.body, as: UTF8.self)
        try #require(response.status == 200, "GetRole \(roleName): \(response.status) \(xml.prefix(500))")
        if xml.contains("<Description/>") { return "" }
        guard let start = xml.range(of: "<Description>"), let end = xml.range(of: "</Description>", range: start.upperBound..<xml.endIndex)
        else { return nil }
        return Self.unescapeXML(String(xml[start.upperBound..<end.lowerBound]))
    }

    static func unescapeXML(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let code = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let code, let scalar = Unicode.Scalar(code) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}

// MARK: - Tool environments

enum ToolEnvironment {
    /// Minimal, with HOME in the test's directory, no instance metadata, and
    /// every proxy variable at a closed loopback port: a request for
    /// anywhere but 127.0.0.1 (a URL a tool wrongly follows) goes nowhere.
    static func guarded(home: URL) -> [String: String] {
        var environment = Processes.minimalEnvironment(["HOME": home.path, "AWS_EC2_METADATA_DISABLED": "true"])
        for name in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
            environment[name] = "http://127.0.0.1:9"
        }
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        environment["no_proxy"] = "127.0.0.1,localhost"
        return environment
    }

    /// The AWS CLI against moto as `account`, its files under `home`.
    static func aws(account: MotoAccount, moto: MotoServer, home: URL, awsDirectory: URL) -> [String: String] {
        var environment = guarded(home: home)
        environment["PATH"] = awsDirectory.path + ":/usr/local/bin:/usr/bin:/bin"
        environment["AWS_ACCESS_KEY_ID"] = account.credentials.accessKeyId
        environment["AWS_SECRET_ACCESS_KEY"] = account.credentials.secretAccessKey
        environment["AWS_SESSION_TOKEN"] = account.credentials.sessionToken
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        environment["AWS_ENDPOINT_URL"] = moto.endpoint.absoluteString
        environment["AWS_CONFIG_FILE"] = home.appendingPathComponent(".aws/config").path
        environment["AWS_SHARED_CREDENTIALS_FILE"] = home.appendingPathComponent(".aws/credentials").path
        environment["AWS_PAGER"] = ""
        return environment
    }

    /// `~/.aws/credentials` with a canary: a description `file://~/.aws/credentials`
    /// that the CLI expanded would store it.
    static func writeCanaryAWSFiles(home: URL) throws {
        let folder = home.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "[canary]\naws_access_key_id = AKIAROLEWIZCANARY000\naws_secret_access_key = rolewiz-canary-secret\n"
            .write(to: folder.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        try "[default]\nregion = us-east-1\n".write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try "rolewiz-canary-x\n".write(to: home.appendingPathComponent("x"), atomically: true, encoding: .utf8)
    }
}

/// A Terraform working directory: a root module and one module per case.
struct TerraformRun: Sendable {
    static let mirror = "/opt/tf-plugins"
    let terraform: URL
    let directory: URL

    init(_ terraform: URL) throws {
        self.terraform = terraform
        directory = try ExportTestTools.temporaryDirectory()
        // The AWS provider only from the filesystem mirror.
        try """
            provider_installation {
              filesystem_mirror {
                path    = "\(Self.mirror)"
                include = ["registry.terraform.io/hashicorp/aws"]
              }
              direct {
                exclude = ["registry.terraform.io/hashicorp/aws"]
              }
            }

            """.write(to: directory.appendingPathComponent("cli.tfrc"), atomically: true, encoding: .utf8)
    }

    /// terraform, and the AWS provider in the mirror when needed; when
    /// missing, a visible skip (.ci/run cannot install them).
    static func find(needsProvider: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let provider = FileManager.default.fileExists(atPath: mirror + "/registry.terraform.io/hashicorp/aws")
        if let terraform = ExportTestTools.find("terraform"), provider || !needsProvider { return terraform }
        try MissingTool.stop(needsProvider ? "terraform with the AWS provider in \(mirror)" : "terraform",
                             install: "the machine image carries them; .ci/run cannot install them", sourceLocation: sourceLocation)
    }

    static let versions = """
        terraform {
          required_providers {
            aws = {
              source = "hashicorp/aws"
            }
          }
        }

        """

    /// The root module's provider: IAM and STS at moto, nothing looked up elsewhere.
    static func provider(endpoint: URL, credentials: AWSCredentials) -> String {
        let url = hclQuoted(endpoint.absoluteString)
        return versions + """
            provider "aws" {
              region                      = "us-east-1"
              access_key                  = \(hclQuoted(credentials.accessKeyId))
              secret_key                  = \(hclQuoted(credentials.secretAccessKey))
              token                       = \(hclQuoted(credentials.sessionToken ?? ""))
              skip_credentials_validation = true
              skip_requesting_account_id  = true
              skip_metadata_api_check     = true
              skip_region_validation      = true
              endpoints {
                iam = \(url)
                sts = \(url)
              }
            }

            """
    }

    var environment: [String: String] {
        var environment = ToolEnvironment.guarded(home: directory)
        environment["TF_CLI_CONFIG_FILE"] = directory.appendingPathComponent("cli.tfrc").path
        environment["CHECKPOINT_DISABLE"] = "1"
        environment["TF_IN_AUTOMATION"] = "1"
        return environment
    }

    /// Writes `root` (plus a module block per module unless it has them) and
    /// each module's file, then init and apply.
    func apply(root: String, modules: [String: String]) async throws -> [ProcessResult] {
        var main = root
        if !root.contains("module \"") {
            main += modules.keys.sorted().map { "module \"\($0)\" {\n  source = \"./\($0)\"\n}\n" }.joined(separator: "\n")
        }
        try main.write(to: directory.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
        for (name, text) in modules {
            let folder = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: folder.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
            if text.contains("resource \"aws_") {
                try Self.versions.write(to: folder.appendingPathComponent("versions.tf"), atomically: true, encoding: .utf8)
            }
        }
        var results: [ProcessResult] = []
        for (arguments, timeout) in [(["init", "-input=false", "-no-color"], 120.0), (["apply", "-auto-approve", "-input=false", "-no-color"], 300)] {
            let result = try await Processes.run(
                terraform, arguments: ["-chdir=\(directory.path)"] + arguments, environment: environment, timeout: timeout)
            results.append(result)
            if result.exitCode != 0 { break }
        }
        return results
    }

    func outputs() async throws -> [String: [String: Any]] {
        let result = try await Processes.run(terraform, arguments: ["-chdir=\(directory.path)", "output", "-json"], environment: environment)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]] ?? [:]
    }
}

// MARK: - Reading the exported files back

/// The CLI script's requests as the AWS CLI gets them: each quoted
/// here-document's JSON, which must hold the spec's values exactly; and
/// nothing from the spec outside them but the role name in a comment.
enum CLIScriptReading {
    static let fixedLines: Set<String> = Set([
        "#!/bin/sh", "set -eu", "", "iam() {", "    aws iam \"$@\" --cli-input-json \"$(cat)\"", "}", "then", "fi",
        // The instance profile's: the holder compared with the name IAM gives back.
        "); then", "    holder=None", ")", "if [ \"$holder\" = None ]; then", "else",
    ]).union(ShellScriptExport.refusalLines)

    static func problems(_ script: String, _ role: DesiredRole) -> [String] {
        var problems: [String] = []
        var requests: [(command: String, input: [String: Any])] = []
        var stray: [String] = []
        let lines = script.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.hasPrefix("#") || fixedLines.contains(line) { continue }
            guard line.hasSuffix(" <<'JSON'"), let call = line.range(of: "iam ") else {
                stray.append(line)
                continue
            }
            let command = line[call.upperBound...].split(separator: " ").first.map(String.init) ?? ""
            var body: [String] = []
            while index < lines.count, lines[index] != "JSON" {
                body.append(lines[index])
                index += 1
            }
            index += 1
            guard let input = try? JSONSerialization.jsonObject(with: Data(body.joined(separator: "\n").utf8)) as? [String: Any] else {
                problems.append("\(command): the here-document is not a JSON object: \(body.joined(separator: "\n"))")
                continue
            }
            requests.append((command, input))
        }

        if let first = stray.first {
            problems.append("\(stray.count) lines outside the quoted here-documents, the first \(first.debugDescription)")
        }
        func expect(_ command: String, _ key: String, _ wanted: String?, _ input: [String: Any]) {
            let found = input[key] as? String
            if !Exact.same(found, wanted) { problems.append("\(command) \(key): \(found.debugDescription) != \(wanted.debugDescription)") }
        }
        func tags(_ value: Any?) -> [RoleTag] {
            (value as? [[String: String]] ?? []).map { RoleTag(key: $0["Key"] ?? "?", value: $0["Value"] ?? "?") }
        }
        let commands = requests.map(\.command)
        var expected = ["get-role", "create-role", "update-assume-role-policy"]
        if role.description != nil || role.maxSessionDuration != nil { expected.append("update-role") }
        if role.permissionsBoundaryArn != nil { expected.append("put-role-permissions-boundary") }
        expected += role.policyArns.map { _ in "attach-role-policy" }
        if !role.tags.isEmpty { expected.append("tag-role") }
        expected += role.inlinePolicies.map { _ in "put-role-policy" }
        if role.wantsInstanceProfile {
            expected += ["get-instance-profile", "create-instance-profile", "add-role-to-instance-profile", "get-role"]
        }
        expected.append("get-role")
        if commands != expected { problems.append("calls \(commands), expected \(expected)") }

        for (command, input) in requests {
            if command.hasSuffix("instance-profile") {
                expect(command, "InstanceProfileName", role.roleName, input)
            }
            if !command.hasPrefix("get-instance-profile") && !command.hasPrefix("create-instance-profile") {
                expect(command, "RoleName", role.roleName, input)
            }
            switch command {
            case "create-instance-profile": expect(command, "Path", role.path, input)
            case "create-role":
                expect(command, "Path", role.path, input)
                expect(command, "AssumeRolePolicyDocument", role.trustPolicy, input)
                expect(command, "Description", role.description, input)
                expect(command, "PermissionsBoundary", role.permissionsBoundaryArn, input)
                if input["MaxSessionDuration"] as? Int != role.maxSessionDuration { problems.append("create-role MaxSessionDuration") }
                if Exact.tags(tags(input["Tags"])) != Exact.tags(role.tags) || tags(input["Tags"]).count != role.tags.count {
                    problems.append("create-role Tags: \(tags(input["Tags"]))")
                }
            case "update-assume-role-policy": expect(command, "PolicyDocument", role.trustPolicy, input)
            case "update-role":
                expect(command, "Description", role.description, input)
                if input["MaxSessionDuration"] as? Int != role.maxSessionDuration { problems.append("update-role MaxSessionDuration") }
            case "put-role-permissions-boundary": expect(command, "PermissionsBoundary", role.permissionsBoundaryArn, input)
            case "tag-role":
                if Exact.tags(tags(input["Tags"])) != Exact.tags(role.tags) { problems.append("tag-role Tags: \(tags(input["Tags"]))") }
            default: break
            }
        }
        let attached = requests.filter { $0.command == "attach-role-policy" }.map { $0.input["PolicyArn"] as? String ?? "?" }
        if attached != role.policyArns { problems.append("attach-role-policy \(attached) != \(role.policyArns)") }
        let puts = requests.filter { $0.command == "put-role-policy" }.map(\.input)
        for (input, policy) in zip(puts, role.inlinePolicies) {
            expect("put-role-policy", "PolicyName", policy.name, input)
            expect("put-role-policy", "PolicyDocument", policy.document, input)
        }
        return problems
    }
}

/// The template as CloudFormation reads it: every string free of `${`
/// (CloudFormation would read a parameter), no mapping CloudFormation takes
/// for a function but our `Fn::Join` of plain strings, and after joining,
/// the spec's values exactly.
enum CloudFormationReading {
    static func problems(_ loaded: Any?, _ role: DesiredRole) -> [String] {
        guard let template = loaded as? [String: Any],
              let properties = ((template["Resources"] as? [String: Any])?["Role"] as? [String: Any])?["Properties"] as? [String: Any]
        else { return ["no Resources.Role.Properties in \(String(describing: loaded).prefix(300))"] }
        var problems = functionProblems(properties, at: "Properties")
        let resolved = joined(properties) as? [String: Any] ?? [:]

        func expect(_ key: String, _ wanted: String?) {
            let found = resolved[key]
            if !Exact.same(found as? String, wanted) || (wanted == nil && found != nil) {
                problems.append("\(key): \(String(reflecting: found)) != \(wanted.debugDescription)")
            }
        }
        expect("RoleName", role.roleName)
        expect("Path", role.path)
        expect("Description", role.description)
        expect("PermissionsBoundary", role.permissionsBoundaryArn)
        let arns = resolved["ManagedPolicyArns"] as? [Any] ?? []
        if arns.count != role.policyArns.count || !zip(arns, role.policyArns).allSatisfy({ Exact.same($0 as? String, $1) }) {
            problems.append("ManagedPolicyArns: \(arns) != \(role.policyArns)")
        }
        if let seconds = role.maxSessionDuration {
            if (resolved["MaxSessionDuration"] as? Int) != seconds {
                problems.append("MaxSessionDuration: \(String(describing: resolved["MaxSessionDuration"]))")
            }
        } else if resolved["MaxSessionDuration"] != nil {
            problems.append("MaxSessionDuration set")
        }
        let tags = (resolved["Tags"] as? [Any] ?? []).map { tag -> RoleTag in
            let pair = tag as? [String: Any] ?? [:]
            return RoleTag(key: pair["Key"] as? String ?? "<\(String(describing: pair["Key"]))>", value: pair["Value"] as? String ?? "<\(String(describing: pair["Value"]))>")
        }
        if tags.count != role.tags.count || !zip(tags, role.tags).allSatisfy({ Exact.same($0.key, $1.key) && Exact.same($0.value, $1.value) }) {
            problems.append("Tags: \(tags) != \(role.tags)")
        }
        let document = resolved["AssumeRolePolicyDocument"]
        if !Exact.sameTrustPolicy(jsonText(document) ?? "", role.trustPolicy) {
            problems.append("AssumeRolePolicyDocument: \(String(describing: document)) is not \(role.trustPolicy)")
        }
        if role.description == nil, resolved["Description"] != nil { problems.append("Description set") }
        let policies = resolved["Policies"] as? [Any] ?? []
        if policies.count != role.inlinePolicies.count { problems.append("Policies: \(policies.count) where the role has \(role.inlinePolicies.count)") }
        for (value, policy) in zip(policies, role.inlinePolicies) {
            let entry = value as? [String: Any] ?? [:]
            if !Exact.same(entry["PolicyName"] as? String, policy.name) {
                problems.append("Policies PolicyName: \(String(reflecting: entry["PolicyName"])) != \(policy.name.debugDescription)")
            }
            if !Exact.sameTrustPolicy(jsonText(entry["PolicyDocument"]) ?? "", policy.document) {
                problems.append("Policies \(policy.name.debugDescription) PolicyDocument: \(String(describing: entry["PolicyDocument"])) is not \(policy.document)")
            }
        }
        return problems
    }

    /// A policy as the template holds it (JSON text, or a mapping) as JSON text.
    static func jsonText(_ document: Any?) -> String? {
        if let text = document as? String { return text }
        guard let object = document, JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// `{"Fn::Join": ["", [strings]]}` replaced by the joined text, everywhere.
    static func joined(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            if object.count == 1, let join = object["Fn::Join"] as? [Any], join.count == 2, join[0] as? String == "",
               let pieces = join[1] as? [Any], pieces.allSatisfy({ $0 is String }) {
                return pieces.map { $0 as! String }.joined()
            }
            return object.mapValues(joined)
        }
        if let array = value as? [Any] { return array.map(joined) }
        return value
    }

    /// Strings holding `${`, and mappings CloudFormation reads as functions
    /// other than a `Fn::Join` with "" of plain strings.
    static func functionProblems(_ value: Any, at path: String) -> [String] {
        if let text = value as? String {
            return text.contains("${") ? ["\(path) holds ${, which CloudFormation reads as a parameter: \(text.debugDescription)"] : []
        }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { functionProblems($0.element, at: "\(path)[\($0.offset)]") }
        }
        guard let object = value as? [String: Any] else { return [] }
        var problems: [String] = []
        for (key, member) in object {
            if key == "Fn::Join" {
                let join = member as? [Any] ?? []
                let pieces = join.count == 2 ? join[1] as? [Any] ?? [] : []
                if object.count != 1 || join.first as? String != "" || !pieces.allSatisfy({ $0 is String }) {
                    problems.append("\(path) has an Fn::Join that is not one of plain strings: \(object)")
                }
            } else if key == "Ref" || key.hasPrefix("Fn::") || key.contains("${") || key.hasPrefix("__") {
                problems.append("\(path) has the key \(key.debugDescription), which CloudFormation reads as a function")
            }
            problems += functionProblems(member, at: "\(path).\(key)")
        }
        return problems
    }
}
