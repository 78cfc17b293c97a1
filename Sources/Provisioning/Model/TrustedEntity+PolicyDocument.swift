extension TrustedEntity {
    /// The trust policy this entity yields in `partition`. `accountId` is the
    /// account the role lives in; it is needed when the entity refers to it
    /// (`.current`, a provider given by name).
    public func policyDocument(partition: String = "aws", accountId: String?) throws(RoleSpecValidationError) -> PolicyDocument {
        switch self {
        case .awsServices(let trust):
            var conditions: [ConditionClause] = []
            if let sourceAccount = trust.sourceAccount {
                let id = try Self.require(sourceAccount.resolved(accountId), field: "trust.sourceAccount")
                conditions.append(.stringEquals("aws:SourceAccount", id))
            }
            // Built through the merge so presets and edits produce the same single statement.
            var document = PolicyDocument()
            for service in trust.services {
                document.addServicePrincipal(service, conditions: conditions)
            }
            return document

        case .awsAccount(let trust):
            let id = try Self.require(trust.account.resolved(accountId), field: "trust.account")
            var conditions: [ConditionClause] = []
            if let externalId = trust.externalId { conditions.append(.stringEquals("sts:ExternalId", externalId)) }
            if trust.requireMFA { conditions.append(ConditionClause("Bool", "aws:MultiFactorAuthPresent", [.string("true")])) }
            let principal = Principal.entries([PrincipalEntry(kind: .aws, values: ["arn:\(partition):iam::\(id):root"])])
            return PolicyDocument(statements: [
                PolicyStatement(principal: principal, action: [PolicyDocument.assumeRoleAction], conditions: conditions)
            ])

        case .webIdentity(let trust):
            let federation = try trust.federation(partition: partition, accountId: accountId)
            let principal = Principal.entries([PrincipalEntry(kind: .federated, values: [federation.principal])])
            return PolicyDocument(statements: [
                PolicyStatement(
                    principal: principal, action: ["sts:AssumeRoleWithWebIdentity"],
                    conditions: [.stringEquals(federation.audienceKey, trust.audience)] + trust.claimConditions)
            ])

        case .saml(let trust):
            let providerArn: String
            if trust.provider.hasPrefix("arn:") {
                providerArn = trust.provider
            } else {
                let id = try Self.require(accountId, field: "trust.saml")
                providerArn = "arn:\(partition):iam::\(id):saml-provider/\(trust.provider)"
            }
            let principal = Principal.entries([PrincipalEntry(kind: .federated, values: [providerArn])])
            return PolicyDocument(statements: [
                PolicyStatement(
                    principal: principal, action: ["sts:AssumeRoleWithSAML"],
                    conditions: [.stringEquals("SAML:aud", trust.audience)])
            ])

        case .customPolicy(let text):
            do {
                return try PolicyDocument.parse(text)
            } catch {
                throw RoleSpecValidationError(issues: [ValidationIssue(field: "trust.policy", message: error.description)])
            }
        }
    }

    private static func require(_ accountId: String?, field: String) throws(RoleSpecValidationError) -> String {
        guard let accountId else {
            throw RoleSpecValidationError(issues: [ValidationIssue(
                field: field, message: "refers to this account, but its ID is not known; give the account ID")])
        }
        return accountId
    }
}

extension WebIdentityTrust {
    /// The identity providers IAM knows by name, and the claim that holds their audience.
    static let builtInProviders: [String: String] = [
        "accounts.google.com": "aud",
        "cognito-identity.amazonaws.com": "aud",
        "graph.facebook.com": "app_id",
        "www.amazon.com": "app_id",
    ]

    /// The provider's host, whichever way it was given (`https://host`, host,
    /// or ARN): what tells GitHub's and Cognito's providers apart.
    public var providerHost: String {
        if provider.hasPrefix("arn:"), let range = provider.range(of: ":oidc-provider/") {
            return String(provider[range.upperBound...])
        }
        return provider.hasPrefix("https://") ? String(provider.dropFirst("https://".count)) : provider
    }

    /// The conditions beyond the audience, in the console's order: GitHub's
    /// `StringLike` on `:sub`, Cognito's `ForAnyValue:StringLike` on `:amr`.
    var claimConditions: [ConditionClause] {
        var clauses: [ConditionClause] = []
        if let gitHub {
            clauses.append(ConditionClause("StringLike", "\(providerHost):sub", [.string(gitHub.subjectPattern)]))
        }
        if let cognitoIdentities {
            clauses.append(ConditionClause(
                CognitoIdentities.conditionOperator, CognitoIdentities.conditionKey, [.string(cognitoIdentities.rawValue)]))
        }
        return clauses
    }

    /// The `Federated` principal and the condition key that carries the audience.
    func federation(partition: String, accountId: String?) throws(RoleSpecValidationError) -> (principal: String, audienceKey: String) {
        let host = providerHost
        if let claim = Self.builtInProviders[host] { return (host, "\(host):\(claim)") }
        if provider.hasPrefix("arn:") { return (provider, "\(host):aud") }
        guard let accountId else {
            throw RoleSpecValidationError(issues: [ValidationIssue(
                field: "trust.webIdentity",
                message: "\"\(provider)\" names an OIDC provider in this account, but the account ID is not known; give its ARN or the account ID")])
        }
        return ("arn:\(partition):iam::\(accountId):oidc-provider/\(host)", "\(host):aud")
    }
}
