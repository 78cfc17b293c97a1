/// Principal values IAM's role trust policies cannot use, or that match no
/// one: wildcards inside an ARN, unique IDs left behind by deleted
/// principals, AWS values that are no account or principal ARN, and Federated values that are neither a provider ARN nor a
/// web identity provider's domain.
extension DocumentChecks {
    /// The identity providers a Federated principal may name by domain.
    static let webIdentityDomains = ["cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com"]
    /// Prefixes of IAM unique IDs that can stand for principals: users, roles, and the account root.
    static let uniqueIDPrefixes = ["AIDA", "AROA", "AGPA", "ANPA", "ANVA", "AIPA"]

    mutating func checkPrincipalValues(_ principal: Principal, at path: JSONPath) {
        guard case .entries(let entries) = principal else { return }
        for entry in entries {
            for (index, value) in entry.values.values.enumerated() {
                let valuePath = path.appending(entry.kind.rawValue).appending(index)
                switch entry.kind {
                case .aws: checkAWSPrincipal(value, at: valuePath)
                case .federated: checkFederatedPrincipal(value, at: valuePath)
                case .service, .canonicalUser: break
                }
            }
        }
    }

    private mutating func checkAWSPrincipal(_ value: String, at path: JSONPath) {
        if value != "*", value.contains("*") || value.contains("?") {
            add(.trustPrincipalWildcardInArn,
                "\"\(value)\": a role trust policy cannot use wildcards (*, ?) in a principal; name the principals, or use \"*\" with a condition such as aws:PrincipalArn with ArnLike",
                at: path)
        } else if Self.isUniqueID(value) {
            add(.principalUniqueID,
                "\(value) is a unique ID, which IAM writes in place of a principal that was deleted; it matches no one, not even a new principal of the same name; remove it or name the principal's ARN",
                at: path)
        } else if value != "*", !Self.isAWSPrincipal(value) {
            add(.trustAWSPrincipalMalformed,
                "\"\(value)\" is not an AWS principal; use a 12-digit account ID, arn:aws:iam::ACCOUNT:root, :user/NAME or :role/NAME, or arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION (groups cannot be principals)",
                at: path)
        }
    }

    /// A 12-digit account, or an IAM user, role or root ARN, or an STS session ARN.
    static func isAWSPrincipal(_ value: String) -> Bool {
        let isAccount: (Substring) -> Bool = { $0.count == 12 && $0.allSatisfy(\.isASCIIDigit) }
        if isAccount(Substring(value)) { return true }
        let fields = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn", fields[1].hasPrefix("aws"), fields[3].isEmpty, isAccount(fields[4]) else { return false }
        let resource = fields[5]
        let kinds: [String] = switch fields[2] {
        case "iam": ["user/", "role/"]
        case "sts": ["assumed-role/", "federated-user/"]
        default: []
        }
        return (fields[2] == "iam" && resource == "root") || kinds.contains { resource.hasPrefix($0) && resource.count > $0.count }
    }

    private mutating func checkFederatedPrincipal(_ value: String, at path: JSONPath) {
        guard FederatedProvider(value) == nil else { return }
        add(.trustFederatedPrincipalMalformed,
            "\"\(value)\" is not a federated principal; use arn:aws:iam::ACCOUNT:saml-provider/NAME, arn:aws:iam::ACCOUNT:oidc-provider/HOST, or one of \(Self.webIdentityDomains.joined(separator: ", "))",
            at: path)
    }

    /// `AROA` and 17 more uppercase letters or digits: the shape of IAM's unique IDs.
    static func isUniqueID(_ value: String) -> Bool {
        value.count == 21 && uniqueIDPrefixes.contains { value.hasPrefix($0) }
            && value.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
