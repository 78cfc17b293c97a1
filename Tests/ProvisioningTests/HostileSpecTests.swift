import Foundation
import IAMClient
import Testing
import TestSupport

@testable import Provisioning

/// Spec files and policies written by someone else, as an attacker would
/// write them: expansion bombs, deep nesting, many keys, and values that
/// IAM's own rules decide. Each is refused early, with its place, or
/// accepted exactly when IAM would accept it.
@Suite("Hostile spec files and policies", .timeLimit(.minutes(10)))
struct HostileSpecTests {
    // MARK: YAML anchors, aliases and depth

    /// "Billion laughs": nine levels of nine aliases, 9⁹ strings when expanded.
    static let billionLaughs: String = {
        var text = "name: x\ntrust: {services: [ec2.amazonaws.com]}\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for level in "bcdefghi" {
            text += "\(level): &\(level) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ",") + "]\n"
            previous = String(level)
        }
        return text
    }()

    @Test func aliasExpansionIsRefusedAtTheFirstAnchor() throws {
        let error = #expect(throws: SpecFileError.self) { try RoleSpecFile.decode(Self.billionLaughs, format: .yaml) }
        #expect(error?.position == SourcePosition(line: 3, column: 4))
        #expect(error?.message.contains("anchors (&a) are not supported") == true)
    }

    @Test(arguments: [
        ("name: &n x\ntrust: {services: [ec2.amazonaws.com]}\n", 1, 7, "anchors (&n)"),
        ("name: x\ntrust: {services: [ec2.amazonaws.com]}\npath: *p\n", 3, 7, "aliases (*p)"),
        ("base: &b {services: [ec2.amazonaws.com]}\nname: x\ntrust:\n  <<: *b\n", 1, 7, "anchors (&b)"),
        ("name: x\ntrust: {services: [ec2.amazonaws.com]}\ntags: [*t]\n", 3, 8, "aliases (*t)"),
    ])
    func anchorsAndAliasesAreRefusedWhereTheyAre(_ text: String, _ line: Int, _ column: Int, _ words: String) {
        let error = #expect(throws: SpecFileError.self) { try RoleSpecFile.decode(text, format: .yaml) }
        #expect(error?.position == SourcePosition(line: line, column: column))
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
    }

    /// Generated bombs: any fan-out and depth, keys or values, stops at the
    /// first anchor without expanding anything.
    @Test func generatedAliasBombsNeverExpand() {
        var random = SeededRandom(seed: 0xB0B)
        for _ in 0..<50 {
            let fanOut = Int.random(in: 2...40, using: &random)
            let levels = Int.random(in: 2...30, using: &random)
            var text = "name: x\ntrust: {services: [ec2.amazonaws.com]}\nl0: &l0 [x]\n"
            for level in 1..<levels {
                let items = Array(repeating: "*l\(level - 1)", count: fanOut).joined(separator: ", ")
                text += Bool.random(using: &random) ? "l\(level): &l\(level) [\(items)]\n" : "l\(level): &l\(level) {\(items.replacingOccurrences(of: ",", with: ": 1,")): 1}\n"
            }
            #expect(throws: SpecFileError.self) { try RoleSpecFile.decode(text, format: .yaml) }
        }
    }

    @Test(arguments: [SpecFormat.yaml, .json])
    func deepNestingIsRefusedWithItsPlace(_ format: SpecFormat) {
        let depth = 10_000
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let text = format == .yaml ? "name: x\ndescription: \(nested)\n" : #"{"name": "x", "description": \#(nested)}"#
        let error = #expect(throws: SpecFileError.self) { try RoleSpecFile.decode(text, format: format) }
        #expect(error?.message.contains("nested") == true, "\(error?.message ?? "")")
        #expect(error?.position != nil)
    }

    @Test func hugeYAMLIsRefusedBeforeItIsBuilt() {
        let text = "name: x\ntrust: {services: [ec2.amazonaws.com]}\ntags:\n" + (0..<150_000).map { "  - k\($0)\n" }.joined()
        let error = #expect(throws: SpecFileError.self) { try RoleSpecFile.decode(text, format: .yaml) }
        #expect(error?.message.contains("more than 100000 values") == true, "\(error?.message ?? "")")
    }

    // MARK: JSON: many keys, size

    /// Duplicate detection by a set, checked against the obvious rule on
    /// generated objects: a key is a duplicate exactly where it appeared before.
    @Test func duplicateKeysAreFoundExactlyAndInOnePass() throws {
        var random = SeededRandom(seed: 42)
        for _ in 0..<200 {
            let keys = (0..<Int.random(in: 0...60, using: &random)).map { _ in "k\(Int.random(in: 0..<30, using: &random))" }
            let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ",") + "}"
            let parsed = try JSONParser.parse(text)
            var seen: Set<String> = []
            let expected = Set(keys.filter { !seen.insert($0).inserted }.map { JSONPath.root.appending($0) })
            #expect(Set(parsed.duplicateKeys.keys) == expected)
        }
        // 60,000 members (under the 1 MiB limit) parse at once (this took minutes when each key was
        // compared with every earlier one).
        let many = "{" + (0..<60_000).map { "\"key\($0)\":0" }.joined(separator: ",") + ",\"key7\":1}"
        let parsed = try JSONParser.parse(many)
        #expect(parsed.duplicateKeys.keys.map(\.description) == ["key7"])
    }

    @Test func textBeyondTheLimitIsRefusedSayingTheLimit() {
        let text = "[" + String(repeating: "0,", count: JSONParser.maximumLength / 2) + "0]"
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        #expect(error?.message.contains("at most 1048576 bytes") == true)
    }

    @Test func anUnterminatedStringSaysWhereItOpened() {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{\n  \"Version\": \"2012-10-17,\n  \"x\": 1}") }
        #expect(error?.position == SourcePosition(line: 2, column: 14))
        #expect(error?.message.contains("not closed on its line") == true)
    }

    // MARK: IAM's validation rules

    @Test(arguments: [
        ("/", true), ("/a/", true), ("///", false), ("//", false), ("/a//b/", false), ("/a/b/", true), ("/~!/", true),
    ])
    func rolePathsFollowIAM(_ path: String, _ valid: Bool) {
        var spec = RoleSpec(name: "role", trust: .services(["ec2.amazonaws.com"]))
        spec.path = path
        #expect(spec.validate().isEmpty == valid, "\(path): \(spec.validate())")
    }

    /// IAM's own patterns, read from botocore's model of the IAM API, decide
    /// every generated path; IAM also refuses an empty segment (`//`).
    @Test func pathsAgreeWithBotocoresIAMModel() async throws {
        let patterns = try await Self.botocorePatterns()
        let rolePath = try Regex("^(?:" + patterns["pathType"]! + ")$")
        let policyPath = try Regex("^(?:" + patterns["policyPathType"]! + ")$")
        var random = SeededRandom(seed: 7)
        let alphabet = Array("/a9._-+=,@~!$ {}\u{7F}é/")
        for _ in 0..<3000 {
            let body = String((0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let path = "/" + body + (Bool.random(using: &random) ? "/" : "")
            var spec = RoleSpec(name: "role", trust: .services(["ec2.amazonaws.com"]))
            spec.path = path
            let iamAccepts = path.wholeMatch(of: rolePath) != nil && !path.contains("//")
            #expect(spec.validate().isEmpty == iamAccepts, "role path \(path.debugDescription)")

            let policyPathText = "/" + body + "/"
            let reference = PolicyReference("arn:aws:iam::123456789012:policy" + policyPathText + "Name")
            let policyAccepts = policyPathText.wholeMatch(of: policyPath) != nil
            #expect(reference.validationIssues(field: "p").isEmpty == policyAccepts, "policy path \(path.debugDescription)")
        }
    }

    /// `pathType` and `policyPathType` from botocore's IAM service model, or
    /// nil (a visible skip) when botocore is not installed outside CI.
    static func botocorePatterns() async throws -> [String: String] {
        let script = """
            import botocore.loaders, json
            model = botocore.loaders.Loader().load_service_model("iam", "service-2")
            print(json.dumps({k: model["shapes"][k]["pattern"] for k in ["pathType", "policyPathType"]}))
            """
        return try await PythonOracle.answer(script, for: [String](), as: [String: String].self)
    }

    /// IAM takes any character written as a `\u` escape; only the raw text is
    /// limited to U+0000-U+00FF. A policy using escapes passes, and a
    /// recognised document is sent with its characters escaped again.
    @Test func escapedCharactersBeyondLatin1AreAccepted() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalTag/team":"\u4e2d\u6587 \ud83d\ude00"}}}]}"#
        let spec = RoleSpec(name: "role", trust: .customPolicy(policy))
        #expect(spec.validate().isEmpty)
        let desired = try spec.resolve(accountId: "123456789012")
        #expect(desired.trustPolicy.unicodeScalars.allSatisfy { $0.value <= 0xFF })
        #expect(desired.trustPolicy.contains(#"\u4e2d\u6587 \ud83d\ude00"#))
        let reparsed = try PolicyDocument.parse(desired.trustPolicy)
        #expect(reparsed.text == desired.trustPolicy)
        #expect(TrustPolicyLinter().lint(trustPolicy: policy).filter { $0.severity == .error }.isEmpty)
        // Raw characters beyond Latin-1 are still what IAM refuses.
        let raw = policy.replacingOccurrences(of: #"\u4e2d"#, with: "中")
        #expect(!RoleSpec(name: "role", trust: .customPolicy(raw)).validate().isEmpty)
    }

    /// A role whose trust policy IAM hands back with characters beyond
    /// Latin-1 (written raw, or as escapes) can be edited: the spec sends
    /// them as escapes, the form IAM takes.
    @Test(arguments: ["中文 😀", #"\u4e2d\u6587 \ud83d\ude00"#])
    func existingRolesWithCharactersBeyondLatin1CanBeEdited(_ value: String) throws {
        let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalTag/team":"\#(value)"}}}]}"#
        let role = ExistingRole(roleName: "r", roleId: "AROA", arn: "arn:aws:iam::123456789012:role/r", assumeRolePolicyDocument: document)
        let spec = RoleSpec(existing: role, attachedPolicyArns: [], accountId: "123456789012")
        #expect(spec.validate().isEmpty, "\(spec.validate())")
        let desired = try spec.resolve(accountId: "123456789012")
        #expect(desired.trustPolicy.unicodeScalars.allSatisfy { $0.value <= 0xFF })
        #expect(try PolicyDocument.parse(desired.trustPolicy).json == PolicyDocument.parse(document).json)
    }

    // MARK: Names from outside are never paths

    @Test(arguments: ["../../../tmp/x", "/etc/passwd", ".hidden", "..", "-rf", "a/b", "", "x\u{0}y", "ok-name@x"])
    func aSpecFileNameIsOnePlainName(_ roleName: String) {
        let name = SpecFileName.forRole(roleName)
        #expect(!name.contains("/") && !name.hasPrefix(".") && !name.hasPrefix("-"))
        #expect(name.hasSuffix(".rolewiz.yaml"))
        let directory = URL(fileURLWithPath: "/work/out")
        #expect(directory.appendingPathComponent(name).standardized.deletingLastPathComponent().path == "/work/out")
    }

    @Test func generatedNamesStayInTheirDirectory() {
        var random = SeededRandom(seed: 99)
        for _ in 0..<2000 {
            let roleName = PropertyInputs.text(maxLength: 80, using: &random)
            let name = SpecFileName.forRole(roleName)
            #expect(!name.contains("/") && !name.hasPrefix(".") && !name.hasPrefix("-"), "\(roleName.debugDescription) -> \(name)")
            #expect(name.unicodeScalars.allSatisfy { CharacterRule.roleName.allows($0) || $0 == "." }, "\(name)")
        }
        #expect(SpecFileName.forRole("l4e-role") == "l4e-role.rolewiz.yaml")
    }
}
