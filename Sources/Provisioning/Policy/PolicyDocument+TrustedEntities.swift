extension PolicyDocument {
    /// Who may assume the role, in words a role list shows (as the console's
    /// "Trusted entities" column does): services by principal, accounts by
    /// ID, identity providers by name, "anyone" for `*`; Allow statements
    /// only, in written order, without repeats.
    public var trustedEntities: [String] {
        var seen: Set<String> = []
        var result: [String] = []
        func add(_ entity: String) {
            if seen.insert(entity).inserted { result.append(entity) }
        }
        for statement in statements where statement.effect == .allow {
            guard let principal = statement.principal else { continue }
            if principal.includesAnyone {
                add("anyone")
                continue
            }
            for service in principal.values(of: .service) { add(service) }
            for aws in principal.values(of: .aws) { add(Self.accountWords(aws)) }
            for provider in principal.values(of: .federated) {
                add(provider.split(separator: "/", maxSplits: 1).last.map(String.init) ?? provider)
            }
            for user in principal.values(of: .canonicalUser) { add("canonical user \(user)") }
        }
        return result
    }

    /// `123456789012` and `arn:aws:iam::123456789012:root` read as the account; other ARNs as they are.
    private static func accountWords(_ principal: String) -> String {
        if principal.count == 12, principal.allSatisfy(\.isNumber) { return "account \(principal)" }
        let parts = principal.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 6, parts[5] == "root" { return "account \(parts[4])" }
        return principal
    }
}
