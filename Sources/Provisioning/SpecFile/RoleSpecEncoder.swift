/// Writes a `RoleSpec` in the spec-file schema, fields in the order people
/// read them and defaults left out.
enum RoleSpecEncoder {
    static func json(_ spec: RoleSpec) -> JSONValue {
        var members: [JSONMember] = [JSONMember("name", .string(spec.name))]
        if spec.path != "/" { members.append(JSONMember("path", .string(spec.path))) }
        if let description = spec.description { members.append(JSONMember("description", .string(description))) }
        members.append(JSONMember("trust", trust(spec.trust)))
        if !spec.managedPolicies.isEmpty {
            members.append(JSONMember("policies", .array(spec.managedPolicies.map { .string($0.text) })))
        }
        if !spec.tags.isEmpty {
            members.append(JSONMember("tags", .object(spec.tags.map { JSONMember($0.key, .string($0.value)) })))
        }
        if let duration = spec.maxSessionDuration { members.append(JSONMember("maxSessionDuration", .number(String(duration)))) }
        if let boundary = spec.permissionsBoundary { members.append(JSONMember("permissionsBoundary", .string(boundary.text))) }
        if !spec.inlinePolicies.isEmpty {
            members.append(JSONMember("inlinePolicies", .object(spec.inlinePolicies.map { JSONMember($0.name, policy($0.document)) })))
        }
        if let profile = spec.instanceProfile, profile != spec.defaultInstanceProfile {
            members.append(JSONMember(RoleSpec.instanceProfileField, .bool(profile)))
        }
        return .object(members)
    }

    private static func trust(_ entity: TrustedEntity) -> JSONValue {
        var members: [JSONMember] = []
        switch entity {
        case .awsServices(let trust):
            members.append(JSONMember("services", .array(trust.services.map(JSONValue.string))))
            switch trust.sourceAccount {
            case .current?: members.append(JSONMember("sourceAccount", .bool(true)))
            case .id(let id)?: members.append(JSONMember("sourceAccount", .string(id)))
            case nil: break
            }
        case .awsAccount(let trust):
            members.append(JSONMember("account", account(trust.account)))
            if let externalId = trust.externalId { members.append(JSONMember("externalId", .string(externalId))) }
            if trust.requireMFA { members.append(JSONMember("requireMFA", .bool(true))) }
        case .webIdentity(let trust):
            members.append(JSONMember("webIdentity", .string(trust.provider)))
            if trust.gitHub == nil || trust.audience != GitHubSubject.defaultAudience {
                members.append(JSONMember("audience", .string(trust.audience)))
            }
            if let gitHub = trust.gitHub { members.append(JSONMember("github", Self.gitHub(gitHub))) }
            if let identities = trust.cognitoIdentities { members.append(JSONMember("amr", .string(identities.rawValue))) }
        case .saml(let trust):
            members.append(JSONMember("saml", .string(trust.provider)))
            if trust.audience != SAMLTrust.consoleSignInAudience {
                members.append(JSONMember("audience", .string(trust.audience)))
            }
        case .customPolicy(let text):
            members.append(JSONMember("policy", policy(text)))
        }
        return .object(members)
    }

    /// A policy that parses is written as a mapping, easier to read and edit
    /// than escaped JSON; one that does not, as its text.
    private static func policy(_ text: String) -> JSONValue {
        (try? PolicyDocument.parse(text))?.json ?? .string(text)
    }

    private static func gitHub(_ subject: GitHubSubject) -> JSONValue {
        var members = [JSONMember("organization", .string(subject.organization))]
        if let repository = subject.repository { members.append(JSONMember("repository", .string(repository))) }
        if let branch = subject.branch { members.append(JSONMember("branch", .string(branch))) }
        return .object(members)
    }

    private static func account(_ reference: AccountReference) -> JSONValue {
        switch reference {
        case .current: .string("self")
        case .id(let id): .string(id)
        }
    }
}
