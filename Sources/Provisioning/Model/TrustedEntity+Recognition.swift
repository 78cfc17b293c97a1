extension TrustedEntity {
    /// The entity a trust policy expresses, so an existing role opens in the
    /// wizard as "AWS service: SageMaker" rather than as raw JSON. A document
    /// no entity produces exactly (extra statements, Sids, other conditions)
    /// stays a custom policy, so nothing in it is lost.
    ///
    /// Service statements are the exception that is normalized: several
    /// statements that each let services assume the role under the same
    /// conditions (the IAM console's way after an edit) are read as one
    /// entity listing all the services, which grants exactly the same.
    public static func recognizing(_ document: PolicyDocument, partition: String = "aws", accountId: String?) -> TrustedEntity {
        if let services = recognizeServices(document, accountId: accountId) { return services }
        for candidate in candidates(document, accountId: accountId) {
            if let produced = try? candidate.policyDocument(partition: partition, accountId: accountId),
                produced.isEquivalent(to: document)
            {
                return candidate
            }
        }
        return .customPolicy(document.text)
    }

    private static func recognizeServices(_ document: PolicyDocument, accountId: String?) -> TrustedEntity? {
        guard document.version == PolicyDocument.currentVersion, document.id == nil, document.otherMembers.isEmpty,
            let first = document.statements.first,
            document.statements.allSatisfy({ $0.sid == nil && $0.isServiceAssumeRole(under: first.conditions) })
        else { return nil }
        var trust = ServiceTrust(services: document.trustedServices)
        switch first.conditions {
        case []:
            break
        case let clauses where clauses.count == 1 && clauses[0].operatorName == "StringEquals"
            && clauses[0].tests("aws:SourceAccount") && clauses[0].values.count == 1:
            let id = clauses[0].values[0].text
            trust.sourceAccount = id == accountId ? .current : .id(id)
        default:
            return nil
        }
        return .awsServices(trust)
    }

    /// The entities the single statement could have come from; the caller
    /// keeps the one that reproduces the document.
    private static func candidates(_ document: PolicyDocument, accountId: String?) -> [TrustedEntity] {
        guard document.statements.count == 1, let statement = document.statements.first,
            case .entries(let entries)? = statement.principal, entries.count == 1,
            entries[0].values.values.count == 1
        else { return [] }
        let value = entries[0].values.values[0]
        func condition(_ key: String) -> String? {
            statement.conditions.first { $0.tests(key) }?.values.first?.text
        }
        switch entries[0].kind {
        case .aws:
            let id = Principal.accountIdOfRootARN(value)
            let account: AccountReference = id == accountId ? .current : .id(id)
            return [.awsAccount(AccountTrust(
                account: account, externalId: condition("sts:ExternalId"),
                requireMFA: condition("aws:MultiFactorAuthPresent") != nil))]
        case .federated:
            var webIdentity = WebIdentityTrust(provider: value, audience: "")
            let host = webIdentity.providerHost
            // The audience claim's clause, wherever it was written among the others.
            webIdentity.audience = condition("\(host):\(WebIdentityTrust.builtInProviders[host] ?? "aud")")
                ?? statement.conditions.first?.values.first?.text ?? ""
            webIdentity.gitHub = condition("\(webIdentity.providerHost):sub").flatMap(GitHubSubject.init(subjectPattern:))
            webIdentity.cognitoIdentities = condition(CognitoIdentities.conditionKey).flatMap(CognitoIdentities.init(rawValue:))
            return [
                .webIdentity(webIdentity),
                .saml(SAMLTrust(provider: value, audience: condition("SAML:aud") ?? SAMLTrust.consoleSignInAudience)),
            ]
        case .service, .canonicalUser:
            return []
        }
    }
}
