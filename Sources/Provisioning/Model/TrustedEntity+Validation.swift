extension TrustedEntity {
    /// What IAM (or STS) would reject in this entity, with fields named as
    /// in a spec file (`trust.services[1]`).
    public func validationIssues() -> [ValidationIssue] {
        switch self {
        case .awsServices(let trust):
            var issues: [ValidationIssue] = []
            if trust.services.isEmpty {
                issues.append(ValidationIssue(field: "trust.services", message: "names no service; give at least one, for example lambda.amazonaws.com"))
            }
            var seen: Set<String> = []
            for (index, service) in trust.services.enumerated() {
                let field = "trust.services[\(index)]"
                if let problem = ServicePrincipal.formatProblem(service) {
                    issues.append(ValidationIssue(field: field, message: problem))
                }
                if !seen.insert(service.lowercased()).inserted {
                    issues.append(ValidationIssue(field: field, message: "\"\(service)\" is listed twice"))
                }
            }
            if case .id(let id)? = trust.sourceAccount { issues += Self.checkAccountId(id, field: "trust.sourceAccount") }
            return issues

        case .awsAccount(let trust):
            var issues: [ValidationIssue] = []
            if case .id(let id) = trust.account { issues += Self.checkAccountId(id, field: "trust.account") }
            if let externalId = trust.externalId {
                issues += RoleSpec.check(externalId, field: "trust.externalId", length: 2...1224, rule: .externalId)
            }
            return issues

        case .webIdentity(let trust):
            var issues: [ValidationIssue] = []
            if trust.provider.isEmpty {
                issues.append(ValidationIssue(field: "trust.webIdentity", message: "is empty; name the identity provider, for example accounts.google.com"))
            } else if trust.providerHost.contains(where: { $0 == " " || $0 == "\"" }) {
                issues.append(ValidationIssue(field: "trust.webIdentity", message: "\"\(trust.provider)\" is not a provider host name or ARN"))
            }
            if trust.audience.isEmpty {
                issues.append(ValidationIssue(field: "trust.audience", message: "is empty; give the client or app ID tokens are issued for"))
            }
            return issues + trust.claimIssues()

        case .saml(let trust):
            var issues: [ValidationIssue] = []
            if trust.provider.isEmpty {
                issues.append(ValidationIssue(field: "trust.saml", message: "is empty; give the SAML provider's ARN or name"))
            } else if trust.provider.hasPrefix("arn:"), !trust.provider.contains(":saml-provider/") {
                issues.append(ValidationIssue(
                    field: "trust.saml", message: "\"\(trust.provider)\" is not a SAML provider ARN (arn:PARTITION:iam::ACCOUNT:saml-provider/NAME)"))
            } else if !trust.provider.hasPrefix("arn:") {
                issues += RoleSpec.check(trust.provider, field: "trust.saml", length: 1...128, rule: .samlProviderName)
            }
            if trust.audience.isEmpty {
                issues.append(ValidationIssue(field: "trust.audience", message: "is empty; the console sign-in audience is \(SAMLTrust.consoleSignInAudience)"))
            }
            return issues

        case .customPolicy(let text):
            if let violation = CharacterRule.policyDocument.violation(in: text, quoting: false) {
                return [ValidationIssue(field: "trust.policy", message: "the policy \(violation)")]
            }
            do {
                _ = try PolicyDocument.parse(text)
                return []
            } catch {
                return [ValidationIssue(field: "trust.policy", message: error.description)]
            }
        }
    }

    private static func checkAccountId(_ id: String, field: String) -> [ValidationIssue] {
        AccountReference.isAccountId(id)
            ? [] : [ValidationIssue(field: field, message: "\"\(id)\" is not a 12-digit AWS account ID")]
    }
}

extension WebIdentityTrust {
    /// A GitHub subject or Cognito choice on a provider whose tokens carry no
    /// such claim would be a condition that never matches.
    func claimIssues() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if let gitHub {
            if providerHost != GitHubSubject.providerHost {
                issues.append(ValidationIssue(
                    field: "trust.github", message: "applies only to GitHub's provider, \(GitHubSubject.providerHost), not \"\(provider)\""))
            }
            issues += gitHub.validationIssues(field: "trust.github")
        }
        if cognitoIdentities != nil, providerHost != CognitoIdentities.providerHost {
            issues.append(ValidationIssue(
                field: "trust.amr", message: "applies only to Cognito identity pools, \(CognitoIdentities.providerHost), not \"\(provider)\""))
        }
        return issues
    }
}
