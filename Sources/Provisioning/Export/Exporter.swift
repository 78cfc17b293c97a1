/// Writes a `DesiredRole` as a script or template another tool can apply.
public struct Exporter: Sendable {
    /// Writes the `json` format. The spec file belongs to the spec model,
    /// which supplies this; without it `json` is refused with a clear error.
    public var specFileWriter: (@Sendable (DesiredRole) throws -> String)?

    /// Pass `specFileWriter` to allow the `json` format; the others need nothing.
    public init(specFileWriter: (@Sendable (DesiredRole) throws -> String)? = nil) {
        self.specFileWriter = specFileWriter
    }

    /// The text of `role` in `format`. Throws `ExportError` for `json` without a spec file writer, for
    /// `stackset` (use `exportStackSet`) and for a policy that is not valid JSON.
    public func export(_ role: DesiredRole, as format: ExportFormat) throws -> String {
        switch format {
        case .json:
            guard let specFileWriter else {
                throw ExportError(field: "format", message: "json export needs the spec file writer, which was not provided")
            }
            return try specFileWriter(role)
        case .cli:
            return ShellScriptExport(role: role).text()
        case .cloudformation:
            return try CloudFormationExport(role: role).text()
        case .terraform:
            return try TerraformExport(role: role).text()
        case .stackset:
            throw ExportError(field: "format", message: "stackset needs the organizational units to deploy to (exportStackSet)")
        }
    }

    /// Several roles as one script, template or configuration; one role is
    /// written exactly as `export(_:as:)` writes it. `json` is refused: a
    /// spec file holds one role.
    public func export(_ roles: [DesiredRole], as format: ExportFormat) throws -> String {
        if roles.count == 1 { return try export(roles[0], as: format) }
        switch format {
        case .json:
            throw ExportError(field: "format", message: "json writes one role's spec file; export several roles as cli, cloudformation, terraform or stackset")
        case .cli:
            return ShellScriptExport(roles: roles).text()
        case .cloudformation:
            return try CloudFormationExport(roles: roles.map { AccountRelativeRole(role: $0) }).text()
        case .terraform:
            return try TerraformSetExport(roles: roles).text()
        case .stackset:
            // Refused as for one role: a stack set needs its targets (exportStackSet).
            return try export(roles[0], as: .stackset)
        }
    }

    /// The roles as a StackSet template for `target`, "this account" in
    /// each trust being every member account (`RoleSpec.resolveInEachAccount`).
    public func exportStackSet(_ roles: [AccountRelativeRole], target: StackSetTarget) throws -> String {
        try StackSetExport(roles: roles, target: target).text()
    }
}

extension DesiredRole {
    /// The trust policy as a JSON tree in reading order, for formats that embed it as an object.
    func trustPolicyJSON() throws -> JSONValue {
        try Self.policyJSON(trustPolicy, field: "trustPolicy")
    }

    /// An inline policy's document as a JSON tree in reading order.
    static func inlinePolicyJSON(_ policy: RoleInlinePolicy) throws -> JSONValue {
        try policyJSON(policy.document, field: RoleSpec.inlinePolicyField(policy.name))
    }

    private static func policyJSON(_ text: String, field: String) throws -> JSONValue {
        do {
            return try PolicyDocument.readingTree(text)
        } catch {
            throw ExportError(field: field, message: "not a valid policy document: \(error)")
        }
    }
}
