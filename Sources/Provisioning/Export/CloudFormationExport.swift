import Yams

/// A CloudFormation template (YAML) with each role as an `AWS::IAM::Role`
/// and its ARN as an output. ARNs are kept as given, partition included.
/// One role keeps the logical IDs rolewiz always wrote (`Role`); a set
/// names each role's resources after it (`CloudFormationLogicalIds`).
///
/// Every value means in the template exactly what it means in the spec.
/// CloudFormation reads a mapping whose key is `Ref` or `Fn::...` as a
/// function, and `${...}` as a parameter (cfn-lint E1029); so text holding
/// `${` is written as `Fn::Join` of pieces that never hold it, and a trust
/// policy with such keys is written as its JSON text. Inline policies are
/// the role's `Policies`, each a `PolicyName` and `PolicyDocument`. A role
/// that wants its instance profile gets an `AWS::IAM::InstanceProfile` of
/// the same name and path holding it (`Roles: [Ref Role]`). A stand-in
/// account in a trust (`AccountRelativeRole`) is written `${AWS::AccountId}`.
struct CloudFormationExport {
    let roles: [AccountRelativeRole]

    /// One role, named as rolewiz has always named it.
    init(role: DesiredRole) {
        roles = [AccountRelativeRole(role: role)]
    }

    /// Several roles in one template, each with logical IDs from its name.
    init(roles: [AccountRelativeRole]) {
        self.roles = roles
    }

    /// CloudFormation's quotas: resources and outputs in one template.
    static let resourceQuota = 500
    static let outputQuota = 200

    func text() throws -> String {
        try YAMLTree.emit(try template())
    }

    func template() throws -> Node {
        let ids = roles.count == 1 ? [CloudFormationLogicalIds.single] : CloudFormationLogicalIds.forSet(roles.map(\.role.roleName))
        var resources: [(String, Node)] = []
        var outputs: [(String, Node)] = []
        for (entry, ids) in zip(roles, ids) {
            let role = CloudFormationRole(role: entry.role, standInAccountId: entry.standInAccountId, ids: ids)
            resources += try role.resources()
            outputs += role.outputs()
        }
        // CloudFormation's quotas per template, which a large set could pass.
        if resources.count > Self.resourceQuota || outputs.count > Self.outputQuota {
            throw ExportError(field: "roles", message: """
                the template would hold \(resources.count) resources and \(outputs.count) outputs; CloudFormation takes at most \
                \(Self.resourceQuota) and \(Self.outputQuota) in one template: export the set in parts
                """)
        }
        let description = roles.count == 1
            ? "IAM role \(roles[0].role.roleName), exported by rolewiz" : "\(roles.count) IAM roles, exported by rolewiz"
        return CloudFormationNode.mapping([
            ("AWSTemplateFormatVersion", CloudFormationNode.string("2010-09-09")),
            ("Description", CloudFormationNode.string(description)),
            ("Resources", CloudFormationNode.mapping(resources)),
            ("Outputs", CloudFormationNode.mapping(outputs)),
        ])
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
}

/// One role's resources and outputs in a template.
private struct CloudFormationRole {
    let role: DesiredRole
    let standInAccountId: String?
    let ids: CloudFormationLogicalIds

    func resources() throws -> [(String, Node)] {
        var resources = [(ids.role, mapping([
            ("Type", string("AWS::IAM::Role")),
            ("Properties", mapping(try properties())),
        ]))]
        if role.wantsInstanceProfile {
            resources.append(instanceProfileResource())
        }
        return resources
    }

    func outputs() -> [(String, Node)] {
        var outputs = [(ids.roleOutput, mapping([
            ("Description", string("The ARN of \(role.roleName)")),
            ("Value", CloudFormationNode.getAtt(ids.role, "Arn")),
        ]))]
        if role.wantsInstanceProfile, let output = ids.instanceProfileOutput {
            outputs.append((output, mapping([
                ("Description", string("The ARN of instance profile \(role.roleName)")),
                ("Value", CloudFormationNode.getAtt(ids.instanceProfile, "Arn")),
            ])))
        }
        return outputs
    }

    /// The role's own instance profile, as the console makes it for EC2.
    private func instanceProfileResource() -> (String, Node) {
        (ids.instanceProfile, mapping([
            ("Type", string("AWS::IAM::InstanceProfile")),
            ("Properties", mapping([
                ("InstanceProfileName", literal(role.roleName)),
                ("Path", literal(role.path)),
                ("Roles", .sequence(.init([CloudFormationNode.ref(ids.role)]))),
            ])),
        ]))
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
        policyNode(try role.trustPolicyJSON(), text: trustText)
    }

    /// A policy as YAML, which reads best, unless one of its keys would read
    /// as a function; then as its JSON text in reading order, which
    /// CloudFormation passes to IAM as is.
    /// `text` writes its strings (`literal` unless the trust's stand-in account may be in them).
    private func policyNode(_ document: JSONValue, text write: (String) -> Node = CloudFormationNode.literal) -> Node {
        guard CloudFormationExport.hasFunctionKey(document) else {
            // Keys quoted like strings: CloudFormation reads YAML 1.1, where `on:` is a boolean.
            return YAMLTree.node(document, key: string, string: write, number: { Node(CloudFormationExport.yamlNumber($0)) })
        }
        let text = PolicyDocument.text(of: document)
        if let standInAccountId, text.contains(standInAccountId) { return write(text) }
        guard CloudFormationNode.piecesWithoutParameters(text).count == 1 else { return literal(text) }
        // A block scalar keeps the JSON's lines readable.
        return .scalar(.init(text, .implicit, .literal))
    }

    /// Text of the trust policy, where a stand-in account is the deploying account.
    private func trustText(_ text: String) -> Node {
        CloudFormationNode.accountRelative(text, standIn: standInAccountId)
    }

    private func mapping(_ pairs: [(String, Node)]) -> Node { CloudFormationNode.mapping(pairs) }
    private func string(_ text: String) -> Node { CloudFormationNode.string(text) }
    private func literal(_ text: String) -> Node { CloudFormationNode.literal(text) }
}
