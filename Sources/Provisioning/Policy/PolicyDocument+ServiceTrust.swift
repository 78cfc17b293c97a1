/// Adding and removing a trusted service the way a person would edit the
/// document: extend the statement that already lets services assume the role
/// rather than append a second one, and drop a statement once it trusts nobody.
extension PolicyDocument {
    /// The action a service uses to assume a role.
    public static let assumeRoleAction = "sts:AssumeRole"

    /// Every service principal an Allow statement trusts, in written order, without repeats.
    public var trustedServices: [String] {
        var seen: Set<String> = []
        return statements.filter { $0.effect == .allow }
            .flatMap { $0.principal?.values(of: .service) ?? [] }
            .filter { seen.insert($0.lowercased()).inserted }
    }

    /// Lets `service` assume the role under `conditions`. Extends an Allow
    /// statement that trusts only services with exactly `sts:AssumeRole`
    /// under the same conditions; appends such a statement when there is none.
    /// Does nothing if that statement already names the service.
    public mutating func addServicePrincipal(_ service: String, conditions: [ConditionClause] = []) {
        guard let index = statements.firstIndex(where: { $0.isServiceAssumeRole(under: conditions) }) else {
            statements.append(PolicyStatement(
                principal: .services([service]), action: [Self.assumeRoleAction], conditions: conditions))
            return
        }
        var statement = statements[index]
        guard case .entries(var entries) = statement.principal,
            let entryIndex = entries.firstIndex(where: { $0.kind == .service })
        else { return }
        let existing = entries[entryIndex].values.values
        guard !existing.contains(where: { $0.caseInsensitiveEquals(service) }) else { return }
        entries[entryIndex].values = ValueList(existing + [service], writtenAsArray: true)
        statement.principal = .entries(entries)
        statements[index] = statement
    }

    /// Stops trusting `service` in every Allow statement; a statement left
    /// with no principal at all is removed.
    public mutating func removeServicePrincipal(_ service: String) {
        statements = statements.compactMap { statement in
            guard statement.effect == .allow, case .entries(let entries) = statement.principal else { return statement }
            var changed = statement
            let remaining: [PrincipalEntry] = entries.compactMap { entry in
                guard entry.kind == .service else { return entry }
                let kept = entry.values.values.filter { !$0.caseInsensitiveEquals(service) }
                guard kept.count != entry.values.values.count else { return entry }
                return kept.isEmpty ? nil : PrincipalEntry(kind: .service, values: ValueList(kept))
            }
            if remaining.isEmpty { return nil }
            changed.principal = .entries(remaining)
            return changed
        }
    }
}

extension PolicyStatement {
    /// An Allow statement whose only principals are services, whose only
    /// action is `sts:AssumeRole`, with no resource, exclusions or other
    /// members, and conditions equivalent to `conditions`: one more service
    /// can join it without changing what anyone else may do.
    func isServiceAssumeRole(under conditions: [ConditionClause]) -> Bool {
        guard effect == .allow, case .entries(let entries) = principal,
            entries.allSatisfy({ $0.kind == .service }),
            let actions = action?.values, actions.count == 1,
            actions[0].caseInsensitiveEquals(PolicyDocument.assumeRoleAction),
            notPrincipal == nil, notAction == nil, resource == nil, notResource == nil, otherMembers.isEmpty
        else { return false }
        return self.conditions.isEquivalent(to: conditions)
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
