extension PolicyDocument {
    /// The document printed in the order people read it (Version, Id,
    /// Statement; within a statement Sid, Effect, Principal, NotPrincipal,
    /// Action, NotAction, Resource, NotResource, Condition, then anything
    /// else), indented by four spaces. The same document always prints the
    /// same. Characters beyond Latin-1 are written as `\u` escapes, the only
    /// form IAM accepts them in.
    public var text: String { JSONPrinter.pretty(json, latin1Only: true) }

    /// The document as JSON, members in reading order.
    public var json: JSONValue {
        var members: [JSONMember] = []
        if let version { members.append(JSONMember("Version", .string(version))) }
        if let id { members.append(JSONMember("Id", .string(id))) }
        let statementValues = statements.map(\.json)
        if statementWrittenAsObject, statementValues.count == 1 {
            members.append(JSONMember("Statement", statementValues[0]))
        } else {
            members.append(JSONMember("Statement", .array(statementValues)))
        }
        return .object(members + otherMembers)
    }
}

extension PolicyStatement {
    /// The statement as JSON, members in reading order.
    public var json: JSONValue {
        var members: [JSONMember] = []
        if let sid { members.append(JSONMember("Sid", .string(sid))) }
        members.append(JSONMember("Effect", .string(effect.rawValue)))
        if let principal { members.append(JSONMember("Principal", principal.json)) }
        if let notPrincipal { members.append(JSONMember("NotPrincipal", notPrincipal.json)) }
        let lists: [(String, ValueList?)] = [
            ("Action", action), ("NotAction", notAction), ("Resource", resource), ("NotResource", notResource),
        ]
        for case let (name, list?) in lists {
            members.append(JSONMember(name, list.json))
        }
        if !conditions.isEmpty { members.append(JSONMember("Condition", conditions.conditionJSON)) }
        return .object(members + otherMembers)
    }
}

extension Principal {
    public var json: JSONValue {
        switch self {
        case .anyone: .string("*")
        case .entries(let entries): .object(entries.map { JSONMember($0.kind.rawValue, $0.values.json) })
        }
    }
}

extension ValueList {
    public var json: JSONValue {
        writtenAsArray || values.count != 1 ? .array(values.map(JSONValue.string)) : .string(values[0])
    }
}

extension ConditionValue {
    public var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .number(let literal): .number(literal)
        }
    }
}

extension Array where Element == ConditionClause {
    /// The clauses as a Condition block: operators in order of first use,
    /// keys in written order under each.
    var conditionJSON: JSONValue {
        var operatorOrder: [String] = []
        var keysByOperator: [String: [JSONMember]] = [:]
        for clause in self {
            if keysByOperator[clause.operatorName] == nil { operatorOrder.append(clause.operatorName) }
            let value: JSONValue =
                clause.writtenAsArray || clause.values.count != 1
                ? .array(clause.values.map(\.json)) : clause.values[0].json
            keysByOperator[clause.operatorName, default: []].append(JSONMember(clause.key, value))
        }
        return .object(operatorOrder.map { JSONMember($0, .object(keysByOperator[$0] ?? [])) })
    }
}
