/// Conditions that do not fit the trusted principal: a service principal
/// limited by a key other than the source ones (the confused deputy stays
/// possible), and an OIDC audience compared as several values without
/// knowing the provider issues it so.
extension DocumentChecks {
    mutating func checkPrincipalConditions(_ statement: PolicyStatement, principal: Principal, at path: JSONPath) {
        guard statement.effect == .allow else { return }
        let conditionPath = path.appending("Condition")
        let services = principal.values(of: .service)
        let limitedBySource = statement.conditions.contains { clause in Self.sourceKeys.contains { clause.tests($0) } }
        if !services.isEmpty, !limitedBySource {
            for clause in statement.conditions where clause.key.lowercased().hasPrefix("aws:") {
                add(.serviceConditionKeyRecommended,
                    "\(clause.key) does not tie \(services.joined(separator: ", ")) to requests made for your account; use aws:SourceArn or aws:SourceAccount instead",
                    at: conditionPath.appending(clause.operatorName).appending(clause.key))
            }
        }
        let providers = principal.values(of: .federated).compactMap(FederatedProvider.init).compactMap(\.conditionKeyPrefix)
        for clause in statement.conditions where clause.operatorName.hasPrefix("ForAllValues:") || clause.operatorName.hasPrefix("ForAnyValue:") {
            guard providers.contains(where: { clause.tests($0 + ":aud") }) else { continue }
            add(.audienceClaimTypeUnconfirmed,
                "\(clause.key) is compared as several values; that is right only if the provider issues aud as a list. For one audience, drop \(clause.operatorName.prefix { $0 != ":" }):",
                at: conditionPath.appending(clause.operatorName).appending(clause.key))
        }
    }
}
