/// The one check that needs the account: a trust naming an OIDC or SAML
/// provider of this account that does not exist can never be used (STS
/// rejects the token or assertion), yet IAM accepts the policy without a
/// word. Offline lint cannot know the provider list, so it never runs there.
extension TrustPolicyLinter {
    /// A warning for each `Federated` provider ARN in account `accountId`
    /// that `providers` lacks, saying how to create it. Nothing for a policy
    /// that does not parse (lint reports that already) or for providers of
    /// other accounts and IAM's built-in web identity domains.
    public static func missingProviders(
        trustPolicy: String, providers: IdentityProviders, accountId: String
    ) -> [LintFinding] {
        guard let parsed = try? PolicyDocument.parseWithSourceMap(trustPolicy) else { return [] }
        var findings: [LintFinding] = []
        for (statementIndex, statement) in parsed.document.statements.enumerated() {
            guard let principal = statement.principal else { continue }
            for (index, arn) in principal.values(of: .federated).enumerated()
            where !providers.contains(arn: arn) && Self.accountOfARN(arn) == Substring(accountId) {
                guard let advice = creationAdvice(for: arn) else { continue }
                let path = JSONPath.root.appending("Statement").appending(statementIndex)
                    .appending("Principal").appending("Federated").appending(index)
                findings.append(LintFinding(
                    .federatedProviderMissing, "\(arn) is not an identity provider of this account, so nobody can assume the role through it; \(advice)",
                    subject: .trustPolicy(path), position: parsed.sourceMap.position(of: path)))
            }
        }
        return findings
    }

    /// The account field of an ARN (`arn:PARTITION:iam::ACCOUNT:...`).
    static func accountOfARN(_ arn: String) -> Substring? {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return fields.count == 6 && fields[0] == "arn" ? fields[4] : nil
    }

    /// How to create the provider an ARN names, or nil when it names none.
    static func creationAdvice(for arn: String) -> String? {
        if let host = IdentityProviders.host(ofOpenIDConnectARN: arn), !host.isEmpty {
            let audience = host == GitHubSubject.providerHost ? GitHubSubject.defaultAudience : "CLIENT_ID"
            return "create it with aws iam create-open-id-connect-provider --url https://\(host) --client-id-list \(audience), or in the IAM console under Identity providers"
        }
        if let name = IdentityProviders.name(ofSAMLARN: arn), !name.isEmpty {
            return "create it with aws iam create-saml-provider --name \(name) --saml-metadata-document file://metadata.xml (your identity provider's metadata), or in the IAM console under Identity providers"
        }
        return nil
    }
}
