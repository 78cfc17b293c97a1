/// Reads the spec-file schema from a JSON value (parsed from JSON or YAML),
/// naming the field and its line:column in every error.
struct RoleSpecDecoder {
    let tree: ParsedJSON

    static let fields = ["name", "path", "description", "trust", "policies", "tags", "maxSessionDuration", "permissionsBoundary", "inlinePolicies", RoleSpec.instanceProfileField]
    /// Each kind of trust, by the key that introduces it, with the keys it may use.
    static let trustKinds: [(key: String, allowed: [String])] = [
        ("services", ["services", "sourceAccount"]),
        ("account", ["account", "externalId", "requireMFA"]),
        ("webIdentity", ["webIdentity", "audience", "github", "amr"]),
        ("saml", ["saml", "audience"]),
        ("policy", ["policy"]),
    ]
    static let trustFields = ["services", "sourceAccount", "account", "externalId", "requireMFA", "webIdentity", "saml", "audience", "github", "amr", "policy"]
    static let gitHubFields = ["organization", "repository", "branch"]

    func decode() throws(SpecFileError) -> RoleSpec {
        if tree.value == .null {
            throw SpecFileError(field: nil, message: "the file is empty; a spec needs at least name and trust", position: .start)
        }
        let root = try object(tree.value, at: .root, allowed: Self.fields)
        let name = try string(try required("name", in: root, at: .root), at: .root.appending("name"))
        let trust = try decodeTrust(try required("trust", in: root, at: .root), at: .root.appending("trust"))
        var spec = RoleSpec(name: name, trust: trust)
        if let path = root["path"] { spec.path = try string(path, at: .root.appending("path")) }
        if let description = root["description"] { spec.description = try string(description, at: .root.appending("description")) }
        if let policies = root["policies"] {
            spec.managedPolicies = try stringList(policies, at: .root.appending("policies")).map { PolicyReference($0) }
        }
        if let tags = root["tags"] { spec.tags = try decodeTags(tags, at: .root.appending("tags")) }
        if let duration = root["maxSessionDuration"] {
            spec.maxSessionDuration = try int(duration, at: .root.appending("maxSessionDuration"), meaning: "a whole number of seconds (3600 to 43200)")
        }
        if let boundary = root["permissionsBoundary"] {
            spec.permissionsBoundary = PolicyReference(try string(boundary, at: .root.appending("permissionsBoundary")))
        }
        if let inline = root["inlinePolicies"] { spec.inlinePolicies = try decodeInlinePolicies(inline, at: .root.appending("inlinePolicies")) }
        if let profile = root[RoleSpec.instanceProfileField] {
            let wanted = try bool(profile, at: .root.appending(RoleSpec.instanceProfileField))
            // Saying what the default says is the same as not saying it, so
            // a file read and written again comes out without the key.
            spec.instanceProfile = wanted == spec.defaultInstanceProfile ? nil : wanted
        }
        return spec
    }

    private func decodeTrust(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> TrustedEntity {
        let members = try object(value, at: path, allowed: Self.trustFields)
        let kinds = Self.trustKinds.filter { members[$0.key] != nil }
        guard let kind = kinds.first else {
            throw failure(at: path, "say who may assume the role with one of: services, account, webIdentity, saml or policy")
        }
        if kinds.count > 1 {
            throw failure(at: path.appending(kinds[1].key), "cannot be combined with \"\(kind.key)\"; a spec has one kind of trust (write a policy for more)")
        }
        for key in members.keys.sorted() where !kind.allowed.contains(key) {
            throw failure(at: path.appending(key), "does not apply to \"\(kind.key)\" trust; it takes \(kind.allowed.joined(separator: ", "))")
        }
        let field = path.appending(kind.key)
        switch kind.key {
        case "services":
            var trust = ServiceTrust(services: try stringList(members["services"]!, at: field))
            if let source = members["sourceAccount"] {
                trust.sourceAccount = try sourceAccount(source, at: path.appending("sourceAccount"))
            }
            return .awsServices(trust)
        case "account":
            var trust = AccountTrust(account: try account(members["account"]!, at: field))
            if let externalId = members["externalId"] { trust.externalId = try string(externalId, at: path.appending("externalId")) }
            if let mfa = members["requireMFA"] { trust.requireMFA = try bool(mfa, at: path.appending("requireMFA")) }
            return .awsAccount(trust)
        case "webIdentity":
            return .webIdentity(try decodeWebIdentity(members, at: path))
        case "saml":
            var trust = SAMLTrust(provider: try string(members["saml"]!, at: field))
            if let audience = members["audience"] { trust.audience = try string(audience, at: path.appending("audience")) }
            return .saml(trust)
        default:
            return .customPolicy(try policyText(members["policy"]!, at: field))
        }
    }

    /// `webIdentity:` with its `audience`, and GitHub's `github:` subject or
    /// Cognito's `amr:` choice. With `github:` the audience may be left out:
    /// it is `sts.amazonaws.com`, as the console sets it.
    private func decodeWebIdentity(_ members: [String: JSONValue], at path: JSONPath) throws(SpecFileError) -> WebIdentityTrust {
        let provider = try string(members["webIdentity"]!, at: path.appending("webIdentity"))
        var gitHub: GitHubSubject?
        if let value = members["github"] { gitHub = try decodeGitHub(value, at: path.appending("github")) }
        let audience: String
        if let value = members["audience"] {
            audience = try string(value, at: path.appending("audience"))
        } else if gitHub != nil {
            audience = GitHubSubject.defaultAudience
        } else {
            audience = try string(try required("audience", in: members, at: path), at: path.appending("audience"))
        }
        var trust = WebIdentityTrust(provider: provider, audience: audience, gitHub: gitHub)
        if let value = members["amr"] {
            let text = try string(value, at: path.appending("amr"))
            guard let identities = CognitoIdentities(rawValue: text) else {
                throw failure(at: path.appending("amr"), "must be authenticated or unauthenticated, found \(CharacterRule.quote(text))", atValue: true)
            }
            trust.cognitoIdentities = identities
        }
        return trust
    }

    /// `github: {organization: ORG, repository: REPO, branch: BRANCH}`; only the organisation is required.
    private func decodeGitHub(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> GitHubSubject {
        let members = try object(value, at: path, allowed: Self.gitHubFields)
        let organization = try string(try required("organization", in: members, at: path), at: path.appending("organization"))
        var subject = GitHubSubject(organization: organization)
        if let repository = members["repository"] { subject.repository = try string(repository, at: path.appending("repository")) }
        if let branch = members["branch"] { subject.branch = try string(branch, at: path.appending("branch")) }
        return subject
    }

    /// An inline policy: a mapping (printed as IAM JSON) or JSON text.
    private func policyText(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> String {
        switch value {
        case .string(let text):
            return text
        case .object:
            do {
                return try PolicyDocument(json: value).text
            } catch {
                let inner = JSONPath(path.components + (error.path?.components ?? []))
                throw SpecFileError(field: inner.description, message: error.message, position: tree.position(of: inner))
            }
        default:
            throw failure(at: path, "must be a policy, as a mapping or as JSON text, found \(value.kindName)")
        }
    }

    /// `inlinePolicies:`, a mapping of policy names to documents (mappings or JSON text), in the order written.
    private func decodeInlinePolicies(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> [RoleInlinePolicy] {
        guard case .object(let members) = value else {
            throw failure(at: path, "must be a mapping of policy names to policy documents (S3Read: {Version: ..., Statement: [...]}), found \(value.kindName)")
        }
        var policies: [RoleInlinePolicy] = []
        var seen: Set<String> = []
        for member in members {
            let memberPath = path.appending(member.key)
            guard seen.insert(member.key).inserted else { throw failure(at: memberPath, "is written twice") }
            policies.append(RoleInlinePolicy(name: member.key, document: try policyText(member.value, at: memberPath)))
        }
        return policies
    }

    private func sourceAccount(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> AccountReference? {
        if case .bool(let flag) = value { return flag ? .current : nil }
        return try account(value, at: path)
    }

    private func account(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> AccountReference {
        let text = try string(value, at: path)
        return text == "self" ? .current : .id(text)
    }

    private func decodeTags(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> [RoleTag] {
        guard case .object(let members) = value else {
            throw failure(at: path, "must be a mapping of tag keys to values (team: ml), found \(value.kindName)")
        }
        var tags: [RoleTag] = []
        for member in members {
            let tagValue: String =
                switch member.value {
                case .null: ""
                case .bool(let flag): flag ? "true" : "false"
                default: try string(member.value, at: path.appending(member.key))
                }
            tags.append(RoleTag(key: member.key, value: tagValue))
        }
        return tags
    }

    // MARK: Typed reads

    private func object(_ value: JSONValue, at path: JSONPath, allowed: [String]) throws(SpecFileError) -> [String: JSONValue] {
        guard case .object(let members) = value else {
            throw failure(at: path, "must be a mapping, found \(value.kindName)")
        }
        var result: [String: JSONValue] = [:]
        for member in members {
            guard allowed.contains(member.key) else {
                let hint = DidYouMean.hint(for: member.key, among: allowed)
                throw failure(at: path.appending(member.key), "is not a field here\(hint); fields: \(allowed.joined(separator: ", "))")
            }
            if result[member.key] != nil {
                throw failure(at: path.appending(member.key), "is written twice")
            }
            result[member.key] = member.value
        }
        return result
    }

    private func required(_ key: String, in members: [String: JSONValue], at path: JSONPath) throws(SpecFileError) -> JSONValue {
        guard let value = members[key] else {
            let field = path.appending(key).description
            throw SpecFileError(field: field, message: "is missing; it is required", position: tree.valuePositions[path])
        }
        return value
    }

    /// A string; a number is taken as written (unquoted account IDs are fine).
    private func string(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> String {
        switch value {
        case .string(let text), .number(let text): return text
        default: throw failure(at: path, "must be text, found \(value.kindName)", atValue: true)
        }
    }

    private func stringList(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> [String] {
        guard case .array(let elements) = value else { return [try string(value, at: path)] }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            result.append(try string(element, at: path.appending(index)))
        }
        return result
    }

    private func int(_ value: JSONValue, at path: JSONPath, meaning: String) throws(SpecFileError) -> Int {
        switch value {
        case .number(let text), .string(let text):
            if let number = Int(text) { return number }
            fallthrough
        default:
            throw failure(at: path, "must be \(meaning), found \(value.kindName)", atValue: true)
        }
    }

    private func bool(_ value: JSONValue, at path: JSONPath) throws(SpecFileError) -> Bool {
        guard case .bool(let flag) = value else {
            throw failure(at: path, "must be true or false, found \(value.kindName)", atValue: true)
        }
        return flag
    }

    private func failure(at path: JSONPath, _ message: String, atValue: Bool = false) -> SpecFileError {
        let position = atValue ? tree.valuePositions[path] ?? tree.position(of: path) : tree.position(of: path)
        return SpecFileError(field: path == .root ? nil : path.description, message: message, position: position)
    }
}
