extension PolicyDocument {
    /// The document printed in reading order (`PolicyKeyOrder`), indented
    /// by four spaces. The same document always prints the same.
    public var text: String { Self.text(of: json) }

    /// Policy JSON as text: what every output that writes a policy as JSON
    /// text uses. Characters beyond Latin-1 are written as `\u` escapes, the
    /// only form IAM accepts them in.
    public static func text(of tree: JSONValue) -> String {
        JSONPrinter.pretty(tree, latin1Only: true)
    }

    /// The JSON tree of a policy's text in reading order (`PolicyKeyOrder`),
    /// whether or not it is a valid document: the one tree plan, show, the
    /// wizard's review and the exports print. Throws unless the text is a
    /// JSON object.
    public static func readingTree(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        let parsed = try JSONParser.parse(text)
        guard case .object = parsed.value else {
            throw JSONSyntaxError(message: "the document must be a JSON object", position: .start)
        }
        return PolicyKeyOrder.arrangedDocument(parsed.value)
    }

    /// `text` printed in reading order (`text`) when it is a policy,
    /// pretty-printed in reading order when it is other JSON, otherwise as
    /// written: for showing any policy the same way.
    public static func readingText(_ text: String) -> String {
        if let document = try? parse(text) { return document.text }
        if let json = try? JSONParser.parse(text) { return JSONPrinter.pretty(PolicyKeyOrder.arrangedDocument(json.value)) }
        return text
    }

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
        return .object(PolicyKeyOrder.arranged(members + otherMembers))
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
        return .object(PolicyKeyOrder.arranged(members + otherMembers))
    }
}

extension Principal {
    /// The principal as IAM's grammar writes it: `"*"`, or an object of kinds in written order.
    public var json: JSONValue {
        switch self {
        case .anyone: .string("*")
        case .entries(let entries): .object(entries.map { JSONMember($0.kind.rawValue, $0.values.json) })
        }
    }
}

extension ValueList {
    /// A plain string when one value was written that way, otherwise an array.
    public var json: JSONValue {
        writtenAsArray || values.count != 1 ? .array(values.map(JSONValue.string)) : .string(values[0])
    }
}

extension ConditionValue {
    /// The value as it was written: a string, a boolean or the number literal unchanged.
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
