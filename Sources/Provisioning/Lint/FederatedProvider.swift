/// What a Federated principal value names.
enum FederatedProvider: Equatable {
    /// `arn:PARTITION:iam::ACCOUNT:saml-provider/NAME`.
    case saml
    /// `arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST[/PATH]`, with the host.
    case oidc(host: String)
    /// `accounts.google.com` and the other domains IAM knows.
    case webIdentity(String)

    init?(_ value: String) {
        if DocumentChecks.webIdentityDomains.contains(value) {
            self = .webIdentity(value)
            return
        }
        let fields = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn", fields[1].hasPrefix("aws"), fields[2] == "iam", fields[3].isEmpty,
            fields[4].count == 12, fields[4].allSatisfy(\.isASCIIDigit)
        else { return nil }
        let resource = fields[5]
        if let name = resource.dropPrefix("saml-provider/"), !name.isEmpty, !name.contains("/") {
            self = .saml
        } else if let host = resource.dropPrefix("oidc-provider/"), !host.isEmpty, !host.hasPrefix("/") {
            self = .oidc(host: String(host))
        } else {
            return nil
        }
    }

    /// The prefix of the condition keys this provider's claims have (`token.actions.githubusercontent.com`).
    var conditionKeyPrefix: String? {
        switch self {
        case .saml: nil
        case .oidc(let host): host
        case .webIdentity(let domain): domain
        }
    }
}

extension Substring {
    fileprivate func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
