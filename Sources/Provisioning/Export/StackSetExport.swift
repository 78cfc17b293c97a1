import Yams

/// What a management account (or a delegated administrator) needs to roll
/// roles out to an Organization with CloudFormation StackSets: a template
/// (YAML) with one `AWS::CloudFormation::StackSet`, service-managed, that
/// deploys to every account in the target OUs and to each account that joins
/// them later, in one region. Its `TemplateBody` is the roles' own template
/// (`CloudFormationExport`), where "this account" is `${AWS::AccountId}`, so
/// each member account trusts itself.
///
/// The file opens with comment lines holding the same stack set as AWS CLI
/// calls (`create-stack-set`, then `create-stack-instances`), for those who
/// would rather not deploy an outer stack; they read the `TemplateBody` from
/// a file of its own (`NAME.template.yaml`). Every value in those lines is
/// checked first (`StackSetTarget.problems`), so none needs shell quoting.
struct StackSetExport {
    let roles: [AccountRelativeRole]
    let target: StackSetTarget

    /// Stacks may fail in a tenth of the accounts before the rollout stops;
    /// a quarter of them are worked on at once.
    static let failureTolerancePercentage = 10
    static let maxConcurrentPercentage = 25

    /// The most a `TemplateBody` may hold, in bytes (CreateStackSet's quota).
    static let templateBodyQuota = 51_200

    /// The capability a template that names its IAM roles needs.
    static let capability = "CAPABILITY_NAMED_IAM"

    /// The name the CLI lines give the `TemplateBody` file.
    var templateBodyFileName: String { "\(target.stackSetName).template.yaml" }

    func text() throws -> String {
        if let problem = target.problems().first { throw problem }
        let body = try CloudFormationExport(roles: roles).text()
        if body.utf8.count > Self.templateBodyQuota {
            throw ExportError(field: "roles", message: """
                the roles' template is \(body.utf8.count) bytes; a stack set's TemplateBody takes at most \(Self.templateBodyQuota): \
                export the set in parts
                """)
        }
        let outer = try YAMLTree.emit(template(body: body))
        return commentLines.map { "# " + $0 }.joined(separator: "\n") + "\n" + outer
    }

    /// The commands as the AWS CLI takes them, one argument per element.
    var createStackSetArguments: [String] {
        [
            "cloudformation", "create-stack-set", "--stack-set-name", target.stackSetName,
            "--template-body", "file://\(templateBodyFileName)",
            "--permission-model", "SERVICE_MANAGED",
            "--auto-deployment", "Enabled=true,RetainStacksOnAccountRemoval=false",
            "--capabilities", Self.capability,
        ]
    }

    var createStackInstancesArguments: [String] {
        [
            "cloudformation", "create-stack-instances", "--stack-set-name", target.stackSetName,
            "--deployment-targets", "OrganizationalUnitIds=\(target.organizationalUnitIds.joined(separator: ","))",
            "--regions", target.region,
            "--operation-preferences",
            "FailureTolerancePercentage=\(Self.failureTolerancePercentage),MaxConcurrentPercentage=\(Self.maxConcurrentPercentage)",
        ]
    }

    private var what: String {
        roles.count == 1 ? "IAM role \(roles[0].role.roleName)" : "\(roles.count) IAM roles"
    }

    private var commentLines: [String] {
        [
            "A CloudFormation StackSet that makes the \(what) in every account of \(target.organizationalUnitIds.joined(separator: ", "))",
            "and in each account that joins them later, exported by rolewiz. IAM is global: one region, \(target.region).",
            "Deploy this template as a stack in the Organization's management account (a delegated administrator: set CallAs",
            "to DELEGATED_ADMIN), or make the same stack set with the AWS CLI, the TemplateBody below saved as \(templateBodyFileName):",
            "  aws " + createStackSetArguments.joined(separator: " "),
            "  aws " + createStackInstancesArguments.joined(separator: " "),
        ]
    }

    private func template(body: String) -> Node {
        let node = CloudFormationNode.self
        return node.mapping([
            ("AWSTemplateFormatVersion", node.string("2010-09-09")),
            ("Description", node.string("CloudFormation StackSet for the \(what), exported by rolewiz")),
            ("Resources", node.mapping([
                ("StackSet", node.mapping([
                    ("Type", node.string("AWS::CloudFormation::StackSet")),
                    ("Properties", node.mapping([
                        ("StackSetName", node.string(target.stackSetName)),
                        ("Description", node.string("The \(what), exported by rolewiz")),
                        ("PermissionModel", node.string("SERVICE_MANAGED")),
                        ("AutoDeployment", node.mapping([
                            ("Enabled", Node("true")),
                            ("RetainStacksOnAccountRemoval", Node("false")),
                        ])),
                        ("Capabilities", .sequence(.init([node.string(Self.capability)]))),
                        ("CallAs", node.string("SELF")),
                        ("OperationPreferences", node.mapping([
                            ("FailureTolerancePercentage", Node(String(Self.failureTolerancePercentage))),
                            ("MaxConcurrentPercentage", Node(String(Self.maxConcurrentPercentage))),
                        ])),
                        ("StackInstancesGroup", .sequence(.init([node.mapping([
                            ("DeploymentTargets", node.mapping([
                                ("OrganizationalUnitIds", .sequence(.init(target.organizationalUnitIds.map(node.string)))),
                            ])),
                            ("Regions", .sequence(.init([node.string(target.region)]))),
                        ])]))),
                        // A block scalar keeps the roles' template readable as it is.
                        ("TemplateBody", .scalar(.init(body, .implicit, .literal))),
                    ])),
                ])),
            ])),
            ("Outputs", node.mapping([
                ("StackSetId", node.mapping([
                    ("Description", node.string("The ID of stack set \(target.stackSetName)")),
                    ("Value", node.ref("StackSet")),
                ])),
            ])),
        ])
    }
}
