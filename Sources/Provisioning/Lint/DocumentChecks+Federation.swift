/// Who may call which AssumeRole action: SAML and web identity federation
/// each need their kind of provider, an OIDC provider without a condition
/// trusts every token it issues (for GitHub, every repository), and IAM
/// Roles Anywhere needs the session actions it always requests.
extension DocumentChecks {
    static let gitHubHost = "token.actions.githubusercontent.com"

    mutating func checkFederation(_ statement: PolicyStatement, principal: Principal, at path: JSONPath) {
        let actions = statement.action?.values ?? []
        checkMismatchedActions(actions, principal: principal, at: path)
        guard statement.effect == .allow else { return }
        let providers = principal.values(of: .federated).compactMap(FederatedProvider.init)
        for (index, provider) in providers.enumerated() {
            guard let keyPrefix = provider.conditionKeyPrefix else { continue }
            let principalPath = path.appending("Principal").appending("Federated").appending(index)
            checkOIDCConditions(statement, keyPrefix: keyPrefix, at: principalPath, statementPath: path)
        }
        if principal.values(of: .service).contains(where: { ServicePrincipal.stem($0.lowercased()) == "rolesanywhere" }) {
            let missing = ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"].filter { needed in
                !actions.contains { $0.caseInsensitiveEquals(needed) || Glob.matches($0, needed) }
            }
            if !missing.isEmpty {
                add(.rolesAnywhereMissingAction,
                    "rolesanywhere.amazonaws.com needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession to assume a role; add \(missing.joined(separator: ", "))",
                    at: path.appending(statement.action == nil ? "Principal" : "Action"))
            }
        }
    }

    /// sts:AssumeRoleWithSAML needs a SAML provider, sts:AssumeRoleWithWebIdentity an OIDC or web
    /// identity provider, and a federated provider cannot call plain sts:AssumeRole.
    private mutating func checkMismatchedActions(_ actions: [String], principal: Principal, at path: JSONPath) {
        guard case .entries(let entries) = principal else { return }
        let federated = principal.values(of: .federated).compactMap(FederatedProvider.init)
        for (index, action) in actions.enumerated() {
            let wanted: String
            let others: [String]
            if action.caseInsensitiveEquals("sts:AssumeRoleWithSAML") {
                wanted = "a SAML provider (Federated arn:aws:iam::ACCOUNT:saml-provider/NAME)"
                others = entries.filter { $0.kind != .federated }.flatMap(\.values.values)
                    + federated.filter { $0 != .saml }.map { _ in "a web identity provider" }
            } else if action.caseInsensitiveEquals("sts:AssumeRoleWithWebIdentity") {
                wanted = "an OIDC provider (Federated arn:aws:iam::ACCOUNT:oidc-provider/HOST or a web identity domain)"
                others = entries.filter { $0.kind != .federated }.flatMap(\.values.values)
                    + federated.filter { $0 == .saml }.map { _ in "a SAML provider" }
            } else if action.caseInsensitiveEquals("sts:AssumeRole"), entries.allSatisfy({ $0.kind == .federated }) {
                wanted = "sts:AssumeRoleWithSAML or sts:AssumeRoleWithWebIdentity instead"
                others = ["a federated provider"]
            } else {
                continue
            }
            guard !others.isEmpty else { continue }
            add(.mismatchedActionForPrincipal,
                "\(action) cannot be used by \(others.joined(separator: ", ")); it needs \(wanted)",
                at: path.appending("Action").appending(index))
        }
    }

    private mutating func checkOIDCConditions(_ statement: PolicyStatement, keyPrefix: String, at path: JSONPath, statementPath: JSONPath) {
        let prefix = keyPrefix.lowercased() + ":"
        let own = statement.conditions.filter { $0.key.lowercased().hasPrefix(prefix) }
        if keyPrefix.lowercased() == Self.gitHubHost {
            let subjects = own.filter { $0.tests(Self.gitHubHost + ":sub") }
            if subjects.isEmpty {
                add(.gitHubRepoConditionMissing,
                    "any GitHub repository's workflow can assume this role; add a condition on \(Self.gitHubHost):sub naming the repository and branch (repo:ORG/REPO:ref:refs/heads/BRANCH)",
                    at: path)
            }
            checkGitHubSubjects(subjects, at: statementPath)
        } else if own.isEmpty {
            add(.oidcConditionMissing,
                "every identity \(keyPrefix) issues tokens to can assume this role; add a condition on a \(keyPrefix): key (aud, sub) so only yours can",
                at: path)
        }
    }

    /// `repo:org/*` or `*` in a `sub` condition lets every repository, or every branch, in.
    private mutating func checkGitHubSubjects(_ clauses: [ConditionClause], at path: JSONPath) {
        for clause in clauses {
            for (index, value) in clause.values.enumerated() where Self.isBroadGitHubSubject(value.text) {
                add(.gitHubSubjectTooBroad,
                    "\"\(value.text)\" lets workflows from more repositories or branches than intended assume the role; name the repository and branch, for example repo:ORG/REPO:ref:refs/heads/main",
                    at: path.appending("Condition").appending(clause.operatorName).appending(clause.key).appending(index))
            }
        }
    }

    /// True when a wildcard reaches past one repository's branches, tags or
    /// environments: `repo:org/*`, `*`, or `repo:org/repo:*`, which also
    /// matches its pull_request subject.
    static func isBroadGitHubSubject(_ subject: String) -> Bool {
        guard subject.contains("*") || subject.contains("?") else { return false }
        let parts = subject.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "repo" else { return true }
        let repository = parts[1].split(separator: "/", omittingEmptySubsequences: false)
        let wildcard: (Substring) -> Bool = { $0.isEmpty || $0.contains("*") || $0.contains("?") }
        guard repository.count == 2, !repository.contains(where: wildcard) else { return true }
        return !["ref:refs/heads/", "ref:refs/tags/", "environment:"].contains { prefix in
            parts[2].hasPrefix(prefix) && !wildcard(parts[2].dropFirst(prefix.count).prefix(1))
        }
    }
}
