/// Condition keys against the Service Authorization Reference's table: the
/// `service:name` form, a service key that does not exist, an operator of
/// another type than the key's, a multi-valued key compared without
/// ForAllValues/ForAnyValue; and the operator's own misuses (Null under a
/// set qualifier, Bool given both true and false, a wildcard in a string Equals).
extension DocumentChecks {
    mutating func checkConditionKey(_ clause: ConditionClause, base: String, at path: JSONPath) {
        let parts = clause.key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            add(.conditionKeyFormatInvalid, "\"\(clause.key)\" is not a condition key; write service:name (aws:SourceAccount, sts:ExternalId)", at: path)
            return
        }
        let qualified = clause.operatorName.hasPrefix("ForAllValues:") || clause.operatorName.hasPrefix("ForAnyValue:")
        if base == "Null", qualified {
            add(.nullWithQualifier,
                "\(clause.operatorName) is always \(clause.operatorName.hasPrefix("ForAllValues:") ? "true" : "false"); test whether \(clause.key) exists with Null alone",
                at: path)
        }
        if base == "Bool", Set(clause.values.map { $0.text.lowercased() }).isSuperset(of: ["true", "false"]) {
            add(.conditionMultipleBoolean, "\(clause.key) is compared with both true and false, which matches any request that has it; keep one value", at: path)
        }
        // ArnEquals matches wildcards as ArnLike does; the string Equals operators do not.
        if base.hasPrefix("String"), base.hasSuffix("Equals") || base.hasSuffix("EqualsIgnoreCase"),
           let wild = clause.values.first(where: { Self.hasWildcard($0.text) }) {
            let like = base.replacingOccurrences(of: "IgnoreCase", with: "").replacingOccurrences(of: "Equals", with: "Like")
            add(.wildcardWithoutLike, "\"\(wild.text)\" holds a wildcard, which \(base) compares as a plain character; use \(like) if it stands for any text", at: path)
        }
        switch ConditionKeys.lookup(clause.key) {
        case .notListed:
            return
        case .unknown(let service, let suggestion):
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            add(.conditionKeyUnknown, "\(service) has no condition key \"\(clause.key)\"\(hint)", at: path)
        case .known(let key):
            guard base != "Null", let type = key.types.first else { return }
            let families = Set(key.types.flatMap(ConditionKeys.operatorFamilies))
            if !families.contains(where: { base.hasPrefix($0) }), base != "BinaryEquals" {
                add(.conditionOperatorTypeMismatch,
                    "\(key.spelled) holds \(type.rawValue) values; compare it with a \(ConditionKeys.operatorFamilies(for: type).joined(separator: " or ")) operator, not \(base)",
                    at: path)
            }
            if key.types.allSatisfy(\.isMultiValued), !qualified {
                add(.conditionQualifierMissing,
                    "\(key.spelled) can hold several values in a request; say ForAnyValue:\(clause.operatorName) (any of them) or ForAllValues:\(clause.operatorName) (all of them)",
                    at: path)
            }
        }
    }

    /// Whether `key` is listed with one value only (ForAllValues over it misleads).
    static func isSingleValued(_ key: String) -> Bool {
        if singleValuedGlobalKeys.contains(key.lowercased()) { return true }
        guard case .known(let listed) = ConditionKeys.lookup(key) else { return false }
        return !listed.types.isEmpty && !listed.types.contains(where: \.isMultiValued)
    }

    /// A `*` or `?` outside a policy variable (`${*}` is a literal asterisk).
    static func hasWildcard(_ value: String) -> Bool {
        value.replacing(/\$\{[^}]*\}/, with: "").contains { $0 == "*" || $0 == "?" }
    }
}
