extension PolicyDocument {
    /// Parses policy JSON text in any form IAM accepts.
    public static func parse(_ text: String) throws(PolicyParseError) -> PolicyDocument {
        try parseWithSourceMap(text).document
    }

    /// Parses policy JSON text and records where each element was written.
    public static func parseWithSourceMap(_ text: String) throws(PolicyParseError) -> ParsedPolicy {
        let parsed: ParsedJSON
        do {
            parsed = try JSONParser.parse(text)
        } catch {
            throw PolicyParseError(error)
        }
        if let (path, position) = parsed.duplicateKeys.min(by: { $0.value < $1.value }) {
            throw PolicyParseError(
                kind: .structure, message: "is written twice; IAM would keep only one of them",
                path: path, position: position)
        }
        var decoder = PolicyDecoder(positions: parsed)
        let document = try decoder.decodeDocument(parsed.value)
        return ParsedPolicy(document: document, sourceMap: PolicySourceMap(positions: decoder.map), json: parsed.value)
    }

    /// Decodes an already-parsed JSON value (an inline policy in a YAML spec file).
    public init(json: JSONValue) throws(PolicyParseError) {
        var decoder = PolicyDecoder(positions: nil)
        self = try decoder.decodeDocument(json)
    }
}

/// Turns a JSON value into a `PolicyDocument`, checking the shape IAM's
/// policy grammar requires and building the normalized source map.
private struct PolicyDecoder {
    let positions: ParsedJSON?
    var map: [JSONPath: SourcePosition] = [:]

    init(positions: ParsedJSON?) {
        self.positions = positions
    }

    mutating func decodeDocument(_ json: JSONValue) throws(PolicyParseError) -> PolicyDocument {
        guard let members = json.members else {
            throw failure(.root, .root, "a policy must be a JSON object, found \(json.kindName)")
        }
        recordValue(.root, raw: .root)
        var document = PolicyDocument(version: nil)
        for member in members {
            let raw = JSONPath.root.appending(member.key)
            recordMember(raw, raw: raw)
            switch member.key {
            case "Version": document.version = try string(member.value, raw, raw)
            case "Id": document.id = try string(member.value, raw, raw)
            case "Statement":
                switch member.value {
                case .object:
                    document.statementWrittenAsObject = true
                    document.statements = [try decodeStatement(member.value, raw: raw, at: raw.appending(0))]
                case .array(let elements):
                    for (index, element) in elements.enumerated() {
                        document.statements.append(
                            try decodeStatement(element, raw: raw.appending(index), at: raw.appending(index)))
                    }
                default:
                    throw failure(raw, raw, "must be a statement object or an array of them, found \(member.value.kindName)")
                }
            default: document.otherMembers.append(member)
            }
        }
        return document
    }

    private mutating func decodeStatement(_ json: JSONValue, raw: JSONPath, at path: JSONPath) throws(PolicyParseError) -> PolicyStatement {
        guard let members = json.members else {
            throw failure(path, raw, "a statement must be a JSON object, found \(json.kindName)")
        }
        recordValue(path, raw: raw)
        var statement = PolicyStatement()
        var effect: Effect?
        for member in members {
            let memberRaw = raw.appending(member.key)
            let memberPath = path.appending(member.key)
            recordMember(memberPath, raw: memberRaw)
            switch member.key {
            case "Sid": statement.sid = try string(member.value, memberPath, memberRaw)
            case "Effect":
                let text = try string(member.value, memberPath, memberRaw)
                guard let parsed = Effect(rawValue: text) else {
                    throw failure(memberPath, memberRaw, "must be \"Allow\" or \"Deny\", found \"\(text)\"")
                }
                effect = parsed
            case "Principal": statement.principal = try decodePrincipal(member.value, memberPath, memberRaw)
            case "NotPrincipal": statement.notPrincipal = try decodePrincipal(member.value, memberPath, memberRaw)
            case "Action": statement.action = try valueList(member.value, memberPath, memberRaw)
            case "NotAction": statement.notAction = try valueList(member.value, memberPath, memberRaw)
            case "Resource": statement.resource = try valueList(member.value, memberPath, memberRaw)
            case "NotResource": statement.notResource = try valueList(member.value, memberPath, memberRaw)
            case "Condition": statement.conditions = try decodeConditions(member.value, memberPath, memberRaw)
            default: statement.otherMembers.append(member)
            }
        }
        guard let effect else { throw failure(path, raw, "has no \"Effect\" (\"Allow\" or \"Deny\")") }
        statement.effect = effect
        for (one, other) in [("Principal", "NotPrincipal"), ("Action", "NotAction"), ("Resource", "NotResource")]
        where json[one] != nil && json[other] != nil {
            throw failure(path.appending(other), raw.appending(other), "cannot be used together with \"\(one)\" in one statement")
        }
        return statement
    }

    private mutating func decodePrincipal(_ json: JSONValue, _ path: JSONPath, _ raw: JSONPath) throws(PolicyParseError) -> Principal {
        switch json {
        case .string("*"):
            return .anyone
        case .object(let members):
            var entries: [PrincipalEntry] = []
            for member in members {
                let entryPath = path.appending(member.key)
                let entryRaw = raw.appending(member.key)
                recordMember(entryPath, raw: entryRaw)
                guard let kind = PrincipalKind(rawValue: member.key) else {
                    let allowed = PrincipalKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    throw failure(entryPath, entryRaw, "is not a principal type; IAM allows \(allowed)")
                }
                entries.append(PrincipalEntry(kind: kind, values: try valueList(member.value, entryPath, entryRaw)))
            }
            if entries.isEmpty { throw failure(path, raw, "must name at least one principal") }
            return .entries(entries)
        default:
            throw failure(path, raw, "must be \"*\" or an object such as {\"Service\": \"ec2.amazonaws.com\"}, found \(describe(json))")
        }
    }

    private mutating func decodeConditions(_ json: JSONValue, _ path: JSONPath, _ raw: JSONPath) throws(PolicyParseError) -> [ConditionClause] {
        guard let operators = json.members else {
            throw failure(path, raw, "must be an object of condition operators, found \(json.kindName)")
        }
        var clauses: [ConditionClause] = []
        for operatorMember in operators {
            let operatorPath = path.appending(operatorMember.key)
            let operatorRaw = raw.appending(operatorMember.key)
            recordMember(operatorPath, raw: operatorRaw)
            guard let keys = operatorMember.value.members else {
                throw failure(operatorPath, operatorRaw, "must be an object of condition keys, found \(operatorMember.value.kindName)")
            }
            for keyMember in keys {
                let keyPath = operatorPath.appending(keyMember.key)
                let keyRaw = operatorRaw.appending(keyMember.key)
                recordMember(keyPath, raw: keyRaw)
                let (values, asArray) = try conditionValues(keyMember.value, keyPath, keyRaw)
                clauses.append(ConditionClause(operatorMember.key, keyMember.key, values, writtenAsArray: asArray))
            }
        }
        return clauses
    }

    private mutating func conditionValues(_ json: JSONValue, _ path: JSONPath, _ raw: JSONPath) throws(PolicyParseError) -> ([ConditionValue], Bool) {
        func scalar(_ value: JSONValue, _ elementPath: JSONPath, _ elementRaw: JSONPath) throws(PolicyParseError) -> ConditionValue {
            switch value {
            case .string(let text): return .string(text)
            case .bool(let flag): return .bool(flag)
            case .number(let literal): return .number(literal)
            default: throw failure(elementPath, elementRaw, "a condition value must be a string, number or boolean, found \(value.kindName)")
            }
        }
        if case .array(let elements) = json {
            var values: [ConditionValue] = []
            for (index, element) in elements.enumerated() {
                recordValue(path.appending(index), raw: raw.appending(index))
                values.append(try scalar(element, path.appending(index), raw.appending(index)))
            }
            return (values, true)
        }
        recordValue(path.appending(0), raw: raw)
        return ([try scalar(json, path, raw)], false)
    }

    private mutating func valueList(_ json: JSONValue, _ path: JSONPath, _ raw: JSONPath) throws(PolicyParseError) -> ValueList {
        switch json {
        case .string(let text):
            recordValue(path.appending(0), raw: raw)
            return ValueList([text], writtenAsArray: false)
        case .array(let elements):
            var values: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element else {
                    throw failure(path.appending(index), raw.appending(index), "must be a string, found \(element.kindName)")
                }
                recordValue(path.appending(index), raw: raw.appending(index))
                values.append(text)
            }
            return ValueList(values, writtenAsArray: true)
        default:
            throw failure(path, raw, "must be a string or an array of strings, found \(json.kindName)")
        }
    }

    private func string(_ json: JSONValue, _ path: JSONPath, _ raw: JSONPath) throws(PolicyParseError) -> String {
        guard case .string(let text) = json else { throw failure(path, raw, "must be a string, found \(json.kindName)") }
        return text
    }

    private func describe(_ json: JSONValue) -> String {
        if case .string(let text) = json { return "\"\(text)\"" }
        return json.kindName
    }

    // MARK: Positions

    private mutating func recordMember(_ path: JSONPath, raw: JSONPath) {
        if let position = positions?.keyPositions[raw] ?? positions?.valuePositions[raw] { map[path] = position }
    }

    private mutating func recordValue(_ path: JSONPath, raw: JSONPath) {
        if let position = positions?.valuePositions[raw] { map[path] = position }
    }

    private func failure(_ path: JSONPath, _ raw: JSONPath, _ message: String) -> PolicyParseError {
        PolicyParseError(kind: .structure, message: message, path: path, position: positions?.position(of: raw))
    }
}
