extension PolicyDocument {
    /// True when the two documents grant the same thing, whatever their
    /// layout: statement order, list order, duplicates, whitespace, a string
    /// versus a one-element array, the case of action names and condition
    /// keys, and an account ID versus its `:root` ARN (IAM stores the latter)
    /// do not count.
    public func isEquivalent(to other: PolicyDocument) -> Bool {
        version == other.version
            && id == other.id
            && Set(statements.map(\.canonicalText)) == Set(other.statements.map(\.canonicalText))
            && JSONPrinter.canonical(.object(otherMembers)) == JSONPrinter.canonical(.object(other.otherMembers))
    }

    /// Whether two trust policy texts are equivalent, for the planner: parsed
    /// and compared with `isEquivalent(to:)`; texts that do not parse are
    /// equivalent only when identical.
    public static func trustEquivalent(_ a: String, _ b: String) -> Bool {
        guard let first = try? PolicyDocument.parse(a), let second = try? PolicyDocument.parse(b) else {
            return a == b
        }
        return first.isEquivalent(to: second)
    }
}

extension PolicyStatement {
    /// The statement with everything that does not change its meaning
    /// normalized away, as compact JSON with sorted keys.
    var canonicalText: String {
        JSONPrinter.canonical(canonicalJSON(includingPrincipal: true))
    }

    /// The canonical statement without Principal, to find statements that
    /// differ only in who they trust.
    var canonicalTextIgnoringPrincipal: String {
        JSONPrinter.canonical(canonicalJSON(includingPrincipal: false))
    }

    private func canonicalJSON(includingPrincipal: Bool) -> JSONValue {
        var members: [JSONMember] = [JSONMember("Effect", .string(effect.rawValue))]
        if let sid, !sid.isEmpty { members.append(JSONMember("Sid", .string(sid))) }
        if includingPrincipal, let principal { members.append(JSONMember("Principal", principal.canonicalJSON)) }
        if let notPrincipal { members.append(JSONMember("NotPrincipal", notPrincipal.canonicalJSON)) }
        // Action names are case-insensitive in IAM; resources are not.
        if let action { members.append(JSONMember("Action", Self.canonicalSet(action.values.map { $0.lowercased() }))) }
        if let notAction { members.append(JSONMember("NotAction", Self.canonicalSet(notAction.values.map { $0.lowercased() }))) }
        if let resource { members.append(JSONMember("Resource", Self.canonicalSet(resource.values))) }
        if let notResource { members.append(JSONMember("NotResource", Self.canonicalSet(notResource.values))) }
        if !conditions.isEmpty { members.append(JSONMember("Condition", conditions.canonicalJSON)) }
        return .object(members + otherMembers)
    }

    static func canonicalSet(_ values: [String]) -> JSONValue {
        .array(Set(values).sorted().map(JSONValue.string))
    }
}

extension Array where Element == ConditionClause {
    /// The clauses keyed by operator and lower-cased key, values as sorted sets.
    var canonicalJSON: JSONValue {
        var byClause: [String: Set<String>] = [:]
        for clause in self {
            byClause["\(clause.operatorName) \(clause.key.lowercased())", default: []].formUnion(clause.values.map(\.text))
        }
        return .object(byClause.map { JSONMember($0.key, PolicyStatement.canonicalSet([String]($0.value))) })
    }

    /// True when both lists test the same things, however they are written.
    func isEquivalent(to other: [ConditionClause]) -> Bool {
        JSONPrinter.canonical(canonicalJSON) == JSONPrinter.canonical(other.canonicalJSON)
    }
}

extension Principal {
    var canonicalJSON: JSONValue {
        switch self {
        case .anyone:
            return .string("*")
        case .entries:
            return .object(PrincipalKind.allCases.compactMap { kind in
                let values = self.values(of: kind)
                guard !values.isEmpty else { return nil }
                let normalized = kind == .aws ? values.map(Principal.accountIdOfRootARN) : values
                return JSONMember(kind.rawValue, PolicyStatement.canonicalSet(normalized))
            })
        }
    }

    /// `arn:aws:iam::123456789012:root` becomes `123456789012`, since IAM
    /// stores an account ID written in a policy as its root ARN.
    static func accountIdOfRootARN(_ value: String) -> String {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[5] == "root",
            parts[4].count == 12, parts[4].allSatisfy(\.isASCIIDigit)
        else { return value }
        return String(parts[4])
    }
}

extension Character {
    /// 0-9 only; `isNumber` would also accept other scripts' digits.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
