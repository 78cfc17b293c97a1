import Yams

/// A CloudFormation template (YAML) with the role as one `AWS::IAM::Role`
/// and its ARN as an output. ARNs are kept as given, partition included.
struct CloudFormationExport {
    /// The role's logical ID in the template.
    static let logicalId = "Role"

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
            ])),
            ("Outputs", mapping([
                ("RoleArn", mapping([
                    ("Description", string("The ARN of \(role.roleName)")),
                    ("Value", mapping([("Fn::GetAtt", .sequence(.init([string(Self.logicalId), string("Arn")])))])),
                ])),
            ])),
        ])
        return try Yams.serialize(node: template, width: -1, allowUnicode: true)
    }

    private func properties() throws -> [(String, Node)] {
        var properties: [(String, Node)] = [
            ("RoleName", string(role.roleName)),
            ("Path", string(role.path)),
        ]
        if let description = role.description {
            properties.append(("Description", string(description)))
        }
        properties.append(("AssumeRolePolicyDocument", node(for: try role.trustPolicyJSON())))
        if !role.policyArns.isEmpty {
            properties.append(("ManagedPolicyArns", .sequence(.init(role.policyArns.map(string)))))
        }
        if let seconds = role.maxSessionDuration {
            properties.append(("MaxSessionDuration", Node(String(seconds))))
        }
        if let boundary = role.permissionsBoundaryArn {
            properties.append(("PermissionsBoundary", string(boundary)))
        }
        if !role.tags.isEmpty {
            let tags = role.tags.map { mapping([("Key", string($0.key)), ("Value", string($0.value))]) }
            properties.append(("Tags", .sequence(.init(tags))))
        }
        return properties
    }

    private func node(for value: PolicyJSON) -> Node {
        switch value {
        case .string(let text): string(text)
        // Plain scalars: YAML reads these back as the number, boolean or null.
        case .number(let text): Node(text)
        case .bool(let flag): Node(flag ? "true" : "false")
        case .null: Node("null")
        case .array(let items): .sequence(.init(items.map(node(for:))))
        case .object(let members): mapping(members.map { ($0.key, node(for: $0.value)) })
        }
    }

    private func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (string($0.0), $0.1) }))
    }

    /// A string scalar, quoted by the emitter when plain text would read as
    /// another type (`'2012-10-17'`, `'true'`).
    private func string(_ text: String) -> Node {
        .scalar(text.represented())
    }
}
