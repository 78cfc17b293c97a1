/// The statement checks of an identity policy (what an inline policy
/// grants the role): Access Analyzer's checks for identity-based policies,
/// in rolewiz's words. IAM rejects a principal, a missing resource or
/// action, and an action no service has; `iam:PassRole` and
/// `iam:CreateServiceLinkedRole` over every role are allowed but too broad.
extension DocumentChecks {
    mutating func checkIdentity(_ statement: PolicyStatement, at path: JSONPath) {
        for (name, principal) in [("Principal", statement.principal), ("NotPrincipal", statement.notPrincipal)] where principal != nil {
            add(.identityPolicyPrincipal,
                "an identity policy cannot have \(name): it always grants the identity it is attached to (here the role); remove \(name)",
                at: path.appending(name))
        }
        if statement.resource == nil, statement.notResource == nil {
            add(.resourceMissing, "the statement has no Resource; an identity policy statement must say which resources, or \"*\" for all", at: path)
        }
        if statement.resource?.values.isEmpty == true {
            add(.emptyArrayResource, "Resource is empty, so this statement applies to nothing; name the resources", at: path.appending("Resource"))
        }
        checkIdentityActions(statement, at: path)
        checkResourceARNs(statement.resource, named: "Resource", at: path)
        checkResourceARNs(statement.notResource, named: "NotResource", at: path)
        checkRedundant(statement.resource, named: "Resource", caseSensitive: true, at: path)
        if statement.effect == .allow {
            checkRoleAction(statement, at: path, action: "iam:PassRole", wildcard: .passRoleWildcardResource, notResource: .passRoleNotResource,
                            risk: "lets the role pass any role to a service, which can then act with that role's permissions",
                            fix: "name the roles' ARNs in Resource, or add an iam:PassedToService condition",
                            limitedBy: "iam:PassedToService")
            checkRoleAction(statement, at: path, action: "iam:CreateServiceLinkedRole", wildcard: .createSLRWildcardResource,
                            notResource: .createSLRNotResource,
                            risk: "lets the role create service-linked roles for any service",
                            fix: "name the service-linked roles' ARNs in Resource, or add an iam:AWSServiceName condition",
                            limitedBy: "iam:AWSServiceName")
        }
    }

    private mutating func checkIdentityActions(_ statement: PolicyStatement, at path: JSONPath) {
        guard statement.action != nil || statement.notAction != nil else {
            add(.actionMissing, "the statement has no Action; name the actions it allows or denies (service:Action)", at: path)
            return
        }
        for (name, list) in [("Action", statement.action), ("NotAction", statement.notAction)] {
            for (index, action) in (list?.values ?? []).enumerated() {
                let at = path.appending(name).appending(index)
                switch ServiceActions.verdict(for: action) {
                case .known:
                    if Self.serviceHasWildcard(action) {
                        add(.actionServiceWildcard,
                            "\"\(action)\" has a wildcard in its service name, so it can match other services' actions; name the service", at: at)
                    }
                case .malformed:
                    add(.actionInvalid, "\"\(action)\" is not an action; write service:Action, for example s3:GetObject", at: at)
                case .unknownService(let suggestion):
                    let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
                    add(.actionServiceInvalid, "no AWS service has the prefix in \"\(action)\"\(hint)", at: at)
                case .unknownAction(let suggestion):
                    let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
                    let what = action.contains("*") || action.contains("?") ? "matches no action of its service" : "is not an action of its service"
                    add(.actionInvalid, "\"\(action)\" \(what)\(hint)", at: at)
                }
            }
            checkRedundant(list, named: name, caseSensitive: false, at: path)
        }
    }

    /// A value another value of the same list already covers with a wildcard
    /// (`s3:GetObject` beside `s3:Get*`) adds nothing.
    private mutating func checkRedundant(_ list: ValueList?, named name: String, caseSensitive: Bool, at path: JSONPath) {
        guard let values = list?.values, values.count > 1, values.contains(where: { $0.contains("*") || $0.contains("?") }) else { return }
        for (index, value) in values.enumerated() {
            let cover = values.enumerated().first { other in
                other.offset != index && other.element != value
                    && (other.element.contains("*") || other.element.contains("?"))
                    && Glob.matches(other.element, value, ignoringCase: !caseSensitive)
            }
            guard let cover else { continue }
            let code: LintCode = name.hasSuffix("Resource") ? .resourceRedundant : .actionRedundant
            add(code, "\"\(value)\" is already covered by \"\(cover.element)\"; remove it", at: path.appending(name).appending(index))
        }
    }

    /// A role-granting action (`iam:PassRole`, `iam:CreateServiceLinkedRole`)
    /// allowed, directly or through a wildcard or NotAction, over every role.
    private mutating func checkRoleAction(
        _ statement: PolicyStatement, at path: JSONPath, action: String, wildcard: LintCode, notResource: LintCode,
        risk: String, fix: String, limitedBy conditionKey: String
    ) {
        let allowsAction: Bool =
            if let actions = statement.action?.values { actions.contains { Glob.matches($0, action) } }
            else if let excluded = statement.notAction?.values { !excluded.contains { Glob.matches($0, action) } }
            else { false }
        guard allowsAction, !statement.conditions.contains(where: { $0.tests(conditionKey) }) else { return }
        if statement.notResource != nil {
            add(notResource, "this statement allows \(action) on every resource but those in NotResource, which \(risk); \(fix)",
                at: path.appending("NotResource"))
        } else if let resources = statement.resource?.values, let index = resources.firstIndex(where: Self.isEveryRole) {
            add(wildcard, "\(action) on \"\(resources[index])\" \(risk); \(fix)", at: path.appending("Resource").appending(index))
        }
    }

    /// `*`, or a role ARN whose name part is only a wildcard (`arn:aws:iam::*:role/*`).
    static func isEveryRole(_ resource: String) -> Bool {
        if resource == "*" { return true }
        let parts = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam" || parts[2] == "*" else { return false }
        let name = parts[5]
        return name == "*" || name == "role/*" || name == "role*"
    }
}
