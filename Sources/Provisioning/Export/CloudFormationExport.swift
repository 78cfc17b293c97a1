import IAMClient
import Yams

/// A CloudFormation template (YAML) with the role as one `AWS::IAM::Role`
/// and its ARN as an output. ARNs are kept as given, partition included.
///
/// Every value means in the template exactly what it means in the spec.
/// CloudFormation reads a mapping whose key is `Ref` or `Fn::...` as a
/// function, and `${...}` as a parameter (cfn-lint E1029); so text holding
/// `${` is written as `Fn::Join` of pieces that never hold it, and a trust
/// policy with such keys is written as its JSON text. Inline policies are
/// the role's `Policies`, each a `PolicyName` and `PolicyDocument`. A role
/// that wants its instance profile gets an `AWS::IAM::InstanceProfile` of
/// the same name and path holding it (`Roles: [Ref Role]`).
struct CloudFormationExport {
    /// The role's logical ID in the template.
    static let logicalId = "Role"
    /// The instance profile's logical ID, when the role has one.
    static let instanceProfileLogicalId = "InstanceProfile"

    let role: DesiredRole

    func text() throws -> String {
        let template = mapping([
            ("AWSTemplateFormatVersion", string("2010-09-09")),
            ("Description", string("IAM role \(role.roleName), exported by rolewiz")),
            ("Resources", mapping([
                (Self.logicalId, mapping([
                    ("Type", string("AWS::IAM::Role")),
                    ("Properties", mapping(try properties())),
                ])),
            ] + instanceProfileResource())),
            ("Outputs", mapping([
                ("RoleArn", mapping([
                    ("Description", string("The ARN of \(role.roleName)")),
                    ("Value", mapping([("Fn::GetAtt", .sequence(.init([string(Self.logicalId), string("Arn")])))])),
                ])),
            ])),
        ])
        return try YAMLTree.emit(template)
    }

    /// The role's own instance profile, as the console makes it for EC2.
    private func instanceProfileResource() -> [(String, Node)] {
        guard role.wantsInstanceProfile else { return [] }
        return [(Self.instanceProfileLogicalId, mapping([
            ("Type", string("AWS::IAM::InstanceProfile")),
            ("Properties", mapping([
                ("InstanceProfileName", literal(role.roleName)),
                ("Path", literal(role.path)),
                ("Roles", .sequence(.init([mapping([("Ref", string(Self.logicalId))])]))),
            ])),
        ]))]
    }

    private func properties() throws -> [(String, Node)] {
        var properties: [(String, Node)] = [
            ("RoleName", literal(role.roleName)),
            ("Path", literal(role.path)),
        ]
        if let description = role.description {
            properties.append(("Description", literal(description)))
        }
        properties.append(("AssumeRolePolicyDocument", try trustPolicy()))
        if !role.policyArns.isEmpty {
            properties.append(("ManagedPolicyArns", .sequence(.init(role.policyArns.map(literal)))))
        }
        if let seconds = role.maxSessionDuration {
            properties.append(("MaxSessionDuration", Node(String(seconds))))
        }
        if let boundary = role.permissionsBoundaryArn {
            properties.append(("PermissionsBoundary", literal(boundary)))
        }
        if !role.tags.isEmpty {
            let tags = role.tags.map { mapping([("Key", literal($0.key)), ("Value", literal($0.value))]) }
            properties.append(("Tags", .sequence(.init(tags))))
        }
        if !role.inlinePolicies.isEmpty {
            let policies = try role.inlinePolicies.map { policy in
                mapping([
                    ("PolicyName", literal(policy.name)),
                    ("PolicyDocument", policyNode(try DesiredRole.inlinePolicyJSON(policy))),
                ])
            }
            properties.append(("Policies", .sequence(.init(policies))))
        }
        return properties
    }

    private func trustPolicy() throws -> Node {
        policyNode(try role.trustPolicyJSON())
    }

    /// A policy as YAML, which reads best, unless one of its keys would read
    /// as a function; then as its JSON text in reading order, which
    /// CloudFormation passes to IAM as is.
    private func policyNode(_ document: JSONValue) -> Node {
        guard Self.hasFunctionKey(document) else {
            // Keys quoted like strings: CloudFormation reads YAML 1.1, where `on:` is a boolean.
            return YAMLTree.node(document, key: string, string: literal, number: { Node(Self.yamlNumber($0)) })
        }
        let text = PolicyDocument.text(of: document)
        guard Self.piecesWithoutParameters(text).count == 1 else { return literal(text) }
        // A block scalar keeps the JSON's lines readable.
        return .scalar(.init(text, .implicit, .literal))
    }

    /// Whether any mapping in the document has a key CloudFormation (or a
    /// tool reading templates) takes for a function, or a key holding `${`.
    static func hasFunctionKey(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let items): items.contains(where: hasFunctionKey)
        case .object(let members):
            members.contains { $0.key == "Ref" || $0.key.hasPrefix("Fn::") || $0.key.contains("${") || hasFunctionKey($0.value) }
        default: false
        }
    }

    /// A JSON number as a plain scalar that YAML 1.1 (CloudFormation's and
    /// PyYAML's) and YAML 1.2 both read as that number. YAML 1.1's floats
    /// need a `.` and a signed exponent: it reads `1e-07` or `1e+30` (how
    /// such numbers print) as strings, so those become `1.0e-07`, `1.0e+30`.
    static func yamlNumber(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        if !mantissa.contains(".") { mantissa += ".0" }
        if !exponent.hasPrefix("-"), !exponent.hasPrefix("+") { exponent = "+" + exponent }
        return mantissa + "e" + exponent
    }

    private func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (string($0.0), $0.1) }))
    }

    /// A string scalar, quoted by the emitter when plain text would read as
    /// another type (`'2012-10-17'`, `'true'`).
    private func string(_ text: String) -> Node {
        .scalar(text.represented())
    }

    /// Text from the spec: a string, or, when it holds `${`, the same text
    /// as `Fn::Join` of pieces split between `$` and `{`.
    private func literal(_ text: String) -> Node {
        let pieces = Self.piecesWithoutParameters(text)
        guard pieces.count > 1 else { return string(text) }
        return mapping([("Fn::Join", .sequence(.init([string(""), .sequence(.init(pieces.map(string)))])))])
    }

    /// `text` cut after every `$` that comes before a `{`.
    static func piecesWithoutParameters(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            current.unicodeScalars.append(scalar)
            if scalar == "$", next == "{" {
                pieces.append(current)
                current = ""
            }
        }
        return pieces + [current]
    }
}
