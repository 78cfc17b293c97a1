extension TrustPolicyLinter {
    /// The account ID the AWS documentation uses for examples; it stands in
    /// for "this account" when a spec is linted offline without one.
    public static let exampleAccountId = "111122223333"

    /// What a file handed to `rolewiz lint` holds.
    public enum FileKind: String, Sendable, Hashable, CaseIterable {
        case trustPolicy = "trust"
        /// What an inline or customer managed policy holds: actions on resources.
        case identityPolicy = "identity"
        case roleSpec = "spec"
    }

    /// A JSON object with `Statement` or `Version` is a policy: an identity
    /// policy when its statements name resources and no principal, else a
    /// trust policy. One with `name` or `trust` is a spec; other JSON-looking
    /// text is taken as a trust policy (so its syntax error is reported as
    /// such); YAML is a spec.
    public static func detectKind(of text: String, path: String?) -> FileKind {
        if let path, SpecFormat.hasYAMLExtension(path) { return .roleSpec }
        guard SpecFormat.detect(path: nil, text: text) == .json else { return .roleSpec }
        guard let root = try? JSONParser.parse(text).value else { return .trustPolicy }
        if root["Statement"] != nil || root["Version"] != nil { return isIdentityPolicy(root) ? .identityPolicy : .trustPolicy }
        return root["name"] != nil || root["trust"] != nil ? .roleSpec : .trustPolicy
    }

    /// Every statement names Resource or NotResource, and none a principal.
    private static func isIdentityPolicy(_ root: JSONValue) -> Bool {
        let statements: [JSONValue] =
            switch root["Statement"] {
            case .array(let elements)?: elements
            case let single?: [single]
            case nil: []
            }
        return !statements.isEmpty && statements.allSatisfy { statement in
            (statement["Resource"] != nil || statement["NotResource"] != nil)
                && statement["Principal"] == nil && statement["NotPrincipal"] == nil
        }
    }

    /// Lints a file's text as `kind`, or whichever kind it is.
    public func lint(fileText text: String, path: String?, kind: FileKind? = nil, partition: String = "aws",
                     accountId: String? = nil, managedPolicyArns: [String] = []) -> [LintFinding] {
        switch kind ?? Self.detectKind(of: text, path: path) {
        case .trustPolicy: lint(trustPolicy: text, managedPolicyArns: managedPolicyArns)
        case .identityPolicy: IdentityPolicyLinter(catalogue: catalogue, today: today).lint(policy: text)
        case .roleSpec: lint(specText: text, path: path, partition: partition, accountId: accountId)
        }
    }

    /// Lints a spec file: its syntax and schema, IAM's rules for each field,
    /// then the trust policy and managed policies it resolves to. Positions
    /// point into the spec file: a trust policy finding at `trust`, a
    /// managed policy finding at its entry under `policies`.
    public func lint(specText text: String, path: String?, partition: String = "aws", accountId: String? = nil) -> [LintFinding] {
        let loaded: LoadedRoleSpec
        do {
            loaded = try RoleSpecFile.decode(text, path: path)
        } catch {
            return [LintFinding(.specInvalid, error.field.map { "\($0): \(error.message)" } ?? error.message,
                subject: .specField(error.field ?? ""), position: error.position)]
        }
        let invalid = loaded.validationErrors()
        if !invalid.isEmpty {
            return invalid.map { error in
                LintFinding(.specInvalid, "\(error.field ?? ""): \(error.message)", subject: .specField(error.field ?? ""), position: error.position)
            }.sortedForReading()
        }
        let role: DesiredRole
        do {
            role = try loaded.spec.resolve(partition: partition, accountId: accountId ?? Self.exampleAccountId)
        } catch {
            return error.issues.map { issue in
                LintFinding(.specInvalid, issue.description, subject: .specField(issue.field), position: loaded.position(ofField: issue.field))
            }
        }
        return (lint(trustPolicy: role.trustPolicy, managedPolicyArns: role.policyArns) + lintInlinePolicies(role.inlinePolicies)).map { finding in
            var located = finding
            switch finding.subject {
            case .trustPolicy: located.position = loaded.position(ofField: "trust")
            case .identityPolicy: located.position = nil
            case .managedPolicy(let index): located.position = loaded.position(ofField: "policies[\(index)]")
            case .managedPolicies: located.position = loaded.position(ofField: "policies")
            case .specField(let field): located.position = loaded.position(ofField: field)
            }
            return located
        }.sortedForReading()
    }

    /// Each inline policy's identity-policy findings, named as spec fields
    /// (`inlinePolicies.NAME`) with the element in the message, since the
    /// position is the policy's key in the spec, not a place in its JSON.
    public func lintInlinePolicies(_ policies: [RoleInlinePolicy]) -> [LintFinding] {
        let linter = IdentityPolicyLinter(catalogue: catalogue, today: today)
        return policies.flatMap { policy in
            linter.lint(policy: policy.document).map { finding in
                var element = ""
                if case .identityPolicy(let path) = finding.subject, path != .root { element = " \(path)" }
                let place = finding.position.map { " (line \($0.line), column \($0.column) of the document)" } ?? ""
                return LintFinding(finding.code, "inline policy \"\(policy.name)\"\(element): \(finding.message)\(place)",
                                   subject: .specField(RoleSpec.inlinePolicyField(policy.name)))
            }
        }
    }
}
