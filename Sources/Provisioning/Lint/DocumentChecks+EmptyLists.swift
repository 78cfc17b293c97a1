/// Empty lists and objects parse, but a statement with no actions or no
/// principals grants nothing, and an empty condition tests nothing: the
/// author probably meant to fill them in.
extension DocumentChecks {
    mutating func checkEmptyLists(_ statement: PolicyStatement, index: Int) {
        let path = JSONPath.root.appending("Statement").appending(index)
        for (name, list) in [("Action", statement.action), ("NotAction", statement.notAction)] where list?.values.isEmpty == true {
            add(.emptyArrayAction, "\(name) is empty, so this statement allows nothing; name the actions", at: path.appending(name))
        }
        if case .entries(let entries)? = statement.principal {
            for entry in entries where entry.values.values.isEmpty {
                add(.emptyArrayPrincipal, "Principal \(entry.kind.rawValue) is empty, so it names no one; name the principals or remove it",
                    at: path.appending("Principal").appending(entry.kind.rawValue))
            }
        }
        checkEmptyConditions(rawStatement(index)?["Condition"], at: path.appending("Condition"))
    }

    private mutating func checkEmptyConditions(_ condition: JSONValue?, at path: JSONPath) {
        guard let operators = condition?.members else { return }
        if operators.isEmpty {
            add(.emptyObjectCondition, "Condition is empty and tests nothing; add condition keys or remove it", at: path)
        }
        for operatorMember in operators {
            let operatorPath = path.appending(operatorMember.key)
            guard let keys = operatorMember.value.members else { continue }
            if keys.isEmpty {
                add(.emptyObjectCondition, "\(operatorMember.key) has no condition keys and tests nothing; add keys or remove it", at: operatorPath)
            }
            for key in keys where key.value == .array([]) {
                emptyConditionValues(operatorMember.key, key: key.key, at: operatorPath.appending(key.key))
            }
        }
    }

    /// An empty value list means something different under each set operator and IfExists.
    private mutating func emptyConditionValues(_ operatorName: String, key: String, at path: JSONPath) {
        if operatorName.hasPrefix("ForAllValues:") {
            add(.emptyArrayConditionForAllValues,
                "ForAllValues with no values matches only when the request has no \(key); to test that, use Null with true", at: path)
        } else if operatorName.hasPrefix("ForAnyValue:") {
            add(.emptyArrayConditionForAnyValue, "ForAnyValue with no values never matches; add the values of \(key) to compare with", at: path)
        } else if operatorName.hasSuffix("IfExists") {
            add(.emptyArrayConditionIfExists,
                "\(operatorName) with no values matches only when the request has no \(key); to test that, use Null with true", at: path)
        } else {
            add(.emptyArrayCondition, "\(key) has no values to compare with; add values or remove the key", at: path)
        }
    }

    /// The statement as written, whether `Statement` is an array or a single object.
    func rawStatement(_ index: Int) -> JSONValue? {
        switch parsed.json["Statement"] {
        case .array(let elements)?: index < elements.count ? elements[index] : nil
        case let single?: index == 0 ? single : nil
        case nil: nil
        }
    }
}
