import IAMClient
import Testing
import TestSupport
@testable import Provisioning

/// Seeded random policy documents, written in random key order and
/// spacing: every output that prints a policy (plan's diff text, show's
/// JSON, the CloudFormation template as YAML or as JSON text, Terraform's
/// `jsonencode`) gives the one reading-order tree back, keys in
/// `PolicyKeyOrder`, and printing what was printed changes nothing.
@Suite("Property: one policy tree in every output", .timeLimit(.minutes(10)))
struct PropertyPolicyPrintingTests {
    static let seed: UInt64 = 0x0DE7_2026_1204
    static let count = 150

    @Test func everyOutputPrintsTheSameTreeInReadingOrder() throws {
        var random = SeededRandom(seed: Self.seed)
        var templatesWithJSONText = 0
        for index in 0..<Self.count {
            let text = RandomPolicies.document(using: &random)
            let label = "seed \(Self.seed) case \(index): \(text)"
            let tree = try PolicyDocument.readingTree(text)
            #expect(try PolicyDocument.parse(text).json == tree, "the document's printer and the tree disagree, \(label)")
            #expect(Self.isInReadingOrder(tree), "\(label)")

            let planText = PolicyDiff.lines(from: "", to: text).map(\.text).joined(separator: "\n")
            #expect(try JSONParser.parse(planText).value == tree, "plan, \(label)")
            #expect(planText == PolicyDocument.text(of: tree), "plan, \(label)")

            let details = RoleDetails(
                role: ExistingRole(roleName: "r", roleId: "AROA1", arn: "arn:aws:iam::1:role/r", assumeRolePolicyDocument: text),
                attachedPolicies: [], inlinePolicies: [RoleInlinePolicy(name: "p", document: text)], tags: [])
            let show = try JSONParser.parse(try details.jsonText()).value
            #expect(show["AssumeRolePolicyDocument"] == tree, "show, \(label)")
            #expect(show.value(at: JSONPath.root.appending("RolePolicyList").appending(0).appending("PolicyDocument")) == tree, "show, \(label)")
            #expect(details.trustPolicyText == planText, "show's text, \(label)")

            let role = DesiredRole(roleName: "r", trustPolicy: text, inlinePolicies: [RoleInlinePolicy(name: "p", document: text)])
            let template = try YAMLTree.parse(try Exporter().export(role, as: .cloudformation)).value
            let properties = JSONPath.root.appending("Resources").appending("Role").appending("Properties")
            let trust = try #require(template.value(at: properties.appending("AssumeRolePolicyDocument")), "\(label)")
            #expect(try Self.policy(inTemplate: trust) == tree, "CloudFormation, \(label)")
            if case .string = trust { templatesWithJSONText += 1 }
            let inline = try #require(template.value(at: properties.appending("Policies").appending(0).appending("PolicyDocument")), "\(label)")
            #expect(try Self.policy(inTemplate: inline) == tree, "CloudFormation, \(label)")

            let terraform = try Exporter().export(role, as: .terraform)
            for attribute in ["assume_role_policy", "policy"] {
                #expect(try HCLSubsetReader.jsonencodeArgument(of: attribute, in: terraform) == tree, "Terraform \(attribute), \(label)")
            }

            let printed = PolicyDocument.text(of: tree)
            #expect(PolicyDocument.text(of: try PolicyDocument.readingTree(printed)) == printed, "not stable, \(label)")
            #expect(PolicyDocument.readingText(planText) == planText, "not stable, \(label)")
        }
        #expect(templatesWithJSONText > 0, "no case reached CloudFormation's JSON text")
        #expect(templatesWithJSONText < Self.count, "no case reached CloudFormation's YAML")
    }

    /// A template holds the policy as YAML, or as its JSON text when a key would read as a function.
    static func policy(inTemplate value: JSONValue) throws -> JSONValue {
        guard case .string(let text) = value else { return value }
        return try JSONParser.parse(text).value
    }

    /// The document's and each statement's keys in `PolicyKeyOrder`, unknown keys last.
    static func isInReadingOrder(_ tree: JSONValue) -> Bool {
        func ordered(_ members: [JSONMember]) -> Bool {
            let ranks = members.map { PolicyKeyOrder.known.firstIndex(of: $0.key) ?? PolicyKeyOrder.known.count }
            return ranks == ranks.sorted()
        }
        guard let members = tree.members, ordered(members) else { return false }
        switch tree["Statement"] {
        case .array(let statements)?: return statements.allSatisfy { $0.members.map(ordered) ?? true }
        case let statement?: return statement.members.map(ordered) ?? true
        case nil: return true
        }
    }
}

/// Random trust-and-permissions documents: every element IAM knows, an
/// unknown one now and then, principals and conditions of several kinds,
/// numbers and booleans, keys in random order, sometimes a `Ref` key (which
/// sends CloudFormation to the JSON text).
enum RandomPolicies {
    /// No `${`, which CloudFormation's template writes as `Fn::Join` of pieces.
    static let strings = [
        "'", "\"", "\\", "a\nb", "\t", "é", "ÿ", "日本", "yes", "null", "true", "1e3", "#x", ": x", "- x", "", "*", "%{if}",
        "arn:aws:iam::123456789012:root", "s3:GetObject", "arn:aws:s3:::bucket/*",
    ]
    static let numbers = ["0", "7", "-3", "1.5", "10.25", "3600"]

    static func document(using random: inout SeededRandom) -> String {
        func pick() -> PolicyTree { .string(strings.randomElement(using: &random)!) }
        func list() -> PolicyTree {
            let count = Int.random(in: 1...3, using: &random)
            return count == 1 && Bool.random(using: &random) ? pick() : .array((0..<count).map { _ in pick() })
        }
        func conditionValue() -> PolicyTree {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: .number(numbers.randomElement(using: &random)!)
            case 1: .bool(Bool.random(using: &random))
            case 2: .array([pick(), pick()])
            default: pick()
            }
        }
        var statements: [PolicyTree] = []
        for index in 0..<Int.random(in: 1...3, using: &random) {
            var statement: [(String, PolicyTree)] = [("Effect", .string(Bool.random(using: &random) ? "Allow" : "Deny"))]
            if Bool.random(using: &random) { statement.append(("Sid", .string("S\(index)"))) }
            if Bool.random(using: &random) {
                let kinds = ["Service", "AWS", "Federated"].shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
                statement.append((Bool.random(using: &random) ? "Principal" : "NotPrincipal", .object(kinds.map { ($0, list()) })))
            }
            statement.append((Bool.random(using: &random) ? "Action" : "NotAction", list()))
            if Bool.random(using: &random) { statement.append((Bool.random(using: &random) ? "Resource" : "NotResource", list())) }
            if Bool.random(using: &random) {
                let operators = ["StringEquals", "NumericLessThan", "Bool", "ForAnyValue:StringLike"].shuffled(using: &random)
                statement.append(("Condition", .object(operators.prefix(Int.random(in: 1...3, using: &random)).map { name in
                    let keys = ["aws:SourceAccount", "aws:PrincipalTag/team", "sts:ExternalId", "Ref"].shuffled(using: &random)
                    let chosen = keys.prefix(Int.random(in: 1...2, using: &random)).filter { $0 != "Ref" || Int.random(in: 0..<3, using: &random) == 0 }
                    return (name, .object((chosen.isEmpty ? ["aws:SourceIp"] : Array(chosen)).map { ($0, conditionValue()) }))
                })))
            }
            if Int.random(in: 0..<5, using: &random) == 0 { statement.append(("Zeta", pick())) }
            statement.shuffle(using: &random)
            statements.append(.object(statement))
        }
        let body: PolicyTree = statements.count == 1 && Bool.random(using: &random) ? statements[0] : .array(statements)
        var document: [(String, PolicyTree)] = [("Version", .string("2012-10-17")), ("Statement", body)]
        if Bool.random(using: &random) { document.append(("Id", .string("policy-\(Int.random(in: 0..<100, using: &random))"))) }
        document.shuffle(using: &random)
        var writer = PolicyWriter(random: random)
        let text = writer.write(.object(document))
        random = writer.random
        return text
    }
}

/// Reads the argument of `NAME = jsonencode(...)` in rolewiz's Terraform
/// back into JSON: objects of `key = value` lines, lists with trailing
/// commas, HCL strings (`$${` for `${`, `%%{` for `%{`, `\u` escapes),
/// numbers, `true`, `false` and `null`. Only the subset rolewiz writes.
struct HCLSubsetReader {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func jsonencodeArgument(of attribute: String, in text: String) throws -> JSONValue {
        guard let start = text.range(of: "\n  \(attribute) ")?.upperBound,
              let call = text[start...].range(of: "jsonencode(")
        else { throw Failure(description: "no \(attribute) = jsonencode(...)") }
        var reader = HCLSubsetReader(scalars: Array(text[call.upperBound...].unicodeScalars))
        return try reader.value()
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipSpace() {
        while let scalar = peek, scalar == " " || scalar == "\n" || scalar == "," { index += 1 }
    }

    private mutating func value() throws -> JSONValue {
        skipSpace()
        switch peek {
        case "{":
            index += 1
            var members: [JSONMember] = []
            while true {
                skipSpace()
                if peek == "}" { index += 1; return .object(members) }
                let key = peek == "\"" ? try string() : word()
                skipSpace()
                guard peek == "=" else { throw Failure(description: "expected = after \(key)") }
                index += 1
                members.append(JSONMember(key, try value()))
            }
        case "[":
            index += 1
            var items: [JSONValue] = []
            while true {
                skipSpace()
                if peek == "]" { index += 1; return .array(items) }
                items.append(try value())
            }
        case "\"":
            return .string(try string())
        default:
            let literal = word()
            switch literal {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            case "": throw Failure(description: "unexpected \(peek.map(String.init) ?? "end")")
            default: return .number(literal)
            }
        }
    }

    private mutating func word() -> String {
        var text = ""
        while let scalar = peek, !" \n,=[]{}()\"".unicodeScalars.contains(scalar) {
            text.unicodeScalars.append(scalar)
            index += 1
        }
        return text
    }

    private mutating func string() throws -> String {
        index += 1
        var text = ""
        while let scalar = peek {
            index += 1
            switch scalar {
            case "\"": return text
            case "\\":
                guard let escaped = peek else { break }
                index += 1
                switch escaped {
                case "n": text += "\n"
                case "r": text += "\r"
                case "t": text += "\t"
                case "u", "U":
                    let length = escaped == "u" ? 4 : 8
                    let digits = String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + length)]))
                    index += length
                    guard let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value) else {
                        throw Failure(description: "bad escape \\\(escaped)\(digits)")
                    }
                    text.unicodeScalars.append(decoded)
                default: text.unicodeScalars.append(escaped)
                }
            case "$" where peek == "$", "%" where peek == "%":
                index += 1
                text.unicodeScalars.append(scalar)
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        throw Failure(description: "unterminated string")
    }
}
