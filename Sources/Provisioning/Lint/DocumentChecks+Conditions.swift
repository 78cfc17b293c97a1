/// Condition blocks IAM rejects or that do not test what they seem to: an
/// operator IAM does not have, a key repeated in another case (key names
/// ignore case, so IAM cannot tell which is meant), ForAllValues over a key with one value (true
/// when the key is absent), values of the wrong type for Bool, Null,
/// IpAddress, Numeric and Date operators, and a policy variable left without
/// its closing brace.
extension DocumentChecks {
    /// IAM's condition operators, before ForAllValues:/ForAnyValue: and IfExists.
    static let conditionOperators = [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
        "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
        "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals",
        "ArnNotLike", "Null",
    ]
    /// Global condition keys that hold one value in a request (AWS's global
    /// condition key reference), so a set operator over them misleads.
    static let singleValuedGlobalKeys: Set<String> = [
        "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:principalarn", "aws:principalaccount",
        "aws:principalorgid", "aws:principaltype", "aws:principalisawsservice", "aws:principalservicename", "aws:sourceip",
        "aws:sourcevpc", "aws:sourcevpce", "aws:vpcsourceip", "aws:securetransport", "aws:multifactorauthpresent",
        "aws:multifactorauthage", "aws:currenttime", "aws:epochtime", "aws:requestedregion", "aws:userid", "aws:username",
        "aws:viaawsservice", "aws:calledviafirst", "aws:calledvialast", "aws:tokenissuetime", "aws:sourceidentity",
        "aws:referer", "aws:useragent", "aws:resourceaccount", "aws:resourceorgid", "aws:federatedprovider",
    ]

    mutating func checkConditions(_ statement: PolicyStatement, at path: JSONPath) {
        var keysByOperator: [String: [String: String]] = [:]
        for clause in statement.conditions {
            let operatorPath = path.appending("Condition").appending(clause.operatorName)
            if let first = keysByOperator[clause.operatorName, default: [:]][clause.key.lowercased()] {
                add(.conditionKeyDuplicateCase,
                    "\(clause.key) repeats \(first) under \(clause.operatorName); condition key names ignore case, so keep one of them",
                    at: operatorPath.appending(clause.key))
            } else {
                keysByOperator[clause.operatorName, default: [:]][clause.key.lowercased()] = clause.key
            }
            guard let base = Self.baseOperator(clause.operatorName) else {
                let hint = DidYouMean.hint(for: clause.operatorName, among: Self.conditionOperators)
                add(.conditionOperatorInvalid,
                    "\"\(clause.operatorName)\" is not a condition operator\(hint); IAM's are StringEquals, ArnLike, Bool, IpAddress and the like, optionally with ForAllValues:, ForAnyValue: or IfExists",
                    at: operatorPath)
                continue
            }
            let keyPath = operatorPath.appending(clause.key)
            checkConditionKey(clause, base: base, at: keyPath)
            if clause.operatorName.hasPrefix("ForAllValues:"), Self.isSingleValued(clause.key) {
                add(.forAllValuesSingleValuedKey,
                    "\(clause.key) has one value, and ForAllValues is true when a request lacks the key; use \(base) without ForAllValues:",
                    at: keyPath)
            }
            for (index, value) in clause.values.enumerated() {
                checkConditionValue(value.text, base: base, of: clause, at: keyPath.appending(index))
            }
        }
    }

    private mutating func checkConditionValue(_ value: String, base: String, of clause: ConditionClause, at path: JSONPath) {
        if base == "Bool" || base == "Null", value.lowercased() != "true", value.lowercased() != "false" {
            add(.conditionBooleanMismatch, "\(base) compares with true or false, not \"\(value)\"", at: path)
        } else if base == "IpAddress" || base == "NotIpAddress", !value.contains("${"), !IPRange.isValid(value) {
            add(.conditionIPRangeMismatch, "\"\(value)\" is not an IP address or CIDR range (for example 203.0.113.0/24 or 2001:db8::/32)", at: path)
        } else if base.hasPrefix("Numeric"), !value.contains("${"), !Self.isNumber(value) {
            add(.conditionNumberMismatch, "\(base) compares numbers; \"\(value)\" is not one", at: path)
        } else if base.hasPrefix("Date"), !value.contains("${"), !Self.isDate(value) {
            add(.conditionDateMismatch, "\(base) compares dates; \"\(value)\" is neither YYYY-MM-DD (with an optional ISO 8601 time) nor seconds since 1970", at: path)
        }
        if let problem = Self.variableProblem(in: value) {
            add(.policyVariableMalformed, "\"\(value)\": \(problem)", at: path)
        }
    }

    /// An integer or decimal, as IAM's Numeric operators take them (no exponent, no "inf").
    static func isNumber(_ value: String) -> Bool {
        value.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil
    }

    /// `2026-12-31`, `2026-12-31T23:59:59Z` and the like, or epoch seconds.
    static func isDate(_ value: String) -> Bool {
        if value.wholeMatch(of: /[0-9]+/) != nil { return true }
        guard let match = value.wholeMatch(of: /([0-9]{4})-([0-9]{2})-([0-9]{2})(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?/),
            let month = Int(match.2), let day = Int(match.3)
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// `StringEquals` for `ForAnyValue:StringEqualsIfExists`; nil when it is no
    /// operator. Compared as written: IAM does not accept `stringequals`.
    static func baseOperator(_ name: String) -> String? {
        var base = Substring(name)
        for prefix in ["ForAllValues:", "ForAnyValue:"] where base.hasPrefix(prefix) {
            base = base.dropFirst(prefix.count)
        }
        if base.hasSuffix("IfExists") {
            base = base.dropLast("IfExists".count)
            // Null tests whether the key exists; IAM rejects NullIfExists.
            if base == "Null" { return nil }
        }
        return conditionOperators.first { $0 == base }
    }

    /// Why a `${...}` in `value` is not a policy variable, or nil.
    static func variableProblem(in value: String) -> String? {
        var rest = Substring(value)
        while let open = rest.range(of: "${") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "}"), !after[..<close].contains("${") else {
                return "a policy variable opened with ${ has no closing brace"
            }
            let name = after[..<close]
            if name.isEmpty { return "${} names no variable" }
            if name.contains(" ") { return "a policy variable cannot contain spaces" }
            rest = after[after.index(after: close)...]
        }
        return nil
    }
}
