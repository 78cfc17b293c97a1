/// The JSON form of a change: one flat object named by `change`, with the
/// fields of that kind of change and, when encoded, its `summary` line.
///
///     {"change": "attachPolicy", "policyArn": "arn:aws:iam::aws:policy/IAMFullAccess", "summary": "+ attach ..."}
///     {"change": "changeTag", "key": "team", "from": "data", "to": "ml", "summary": "~ tag team: ..."}
///     {"change": "createInstanceProfile", "instanceProfileName": "web", "path": "/", "summary": "+ create instance profile ..."}
///     {"change": "putInlinePolicy", "policyName": "S3Read", "from": "{...}", "to": "{...}", "summary": "~ update inline policy ..."}
extension Change: Codable {
    private enum Kind: String, Codable {
        case createRole, updateTrustPolicy, updateDescription, updateMaxSessionDuration
        case changePermissionsBoundary, changePath, attachPolicy, detachPolicy, addTag, changeTag, removeTag
        case putInlinePolicy, deleteInlinePolicy
        case createInstanceProfile, addRoleToInstanceProfile, instanceProfileHeldByAnotherRole, removeInstanceProfile
    }

    private enum Key: String, CodingKey {
        case change, summary, supported
        case roleName, path, trustPolicy, description, maxSessionDuration, permissionsBoundaryArn, tags
        case from, to, policyArn, key, value, policyName
        case instanceProfileName, roleNames
    }

    /// Writes the object shown above, with `summary` and `supported` (false for a change rolewiz cannot make).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .createRole(let role):
            try container.encode(Kind.createRole, forKey: .change)
            try container.encode(role.roleName, forKey: .roleName)
            try container.encode(role.path, forKey: .path)
            try container.encode(role.trustPolicy, forKey: .trustPolicy)
            try container.encodeIfPresent(role.description, forKey: .description)
            try container.encodeIfPresent(role.maxSessionDuration, forKey: .maxSessionDuration)
            try container.encodeIfPresent(role.permissionsBoundaryArn, forKey: .permissionsBoundaryArn)
            try container.encode(role.tags, forKey: .tags)
        case .updateTrustPolicy(let old, let new):
            try encode(.updateTrustPolicy, from: old, to: new, in: &container)
        case .updateDescription(let old, let new):
            try encode(.updateDescription, from: old, to: new, in: &container)
        case .updateMaxSessionDuration(let old, let new):
            try encode(.updateMaxSessionDuration, from: old, to: new, in: &container)
        case .changePermissionsBoundary(let old, let new):
            try encode(.changePermissionsBoundary, from: old, to: new, in: &container)
        case .changePath(let old, let new):
            try encode(.changePath, from: old, to: new, in: &container)
        case .attachPolicy(let arn):
            try container.encode(Kind.attachPolicy, forKey: .change)
            try container.encode(arn, forKey: .policyArn)
        case .detachPolicy(let arn):
            try container.encode(Kind.detachPolicy, forKey: .change)
            try container.encode(arn, forKey: .policyArn)
        case .addTag(let tag):
            try encode(.addTag, tag, in: &container)
        case .changeTag(let key, let old, let new):
            try encode(.changeTag, from: old, to: new, in: &container)
            try container.encode(key, forKey: .key)
        case .removeTag(let tag):
            try encode(.removeTag, tag, in: &container)
        case .putInlinePolicy(let name, let old, let new):
            try encode(.putInlinePolicy, from: old, to: new, in: &container)
            try container.encode(name, forKey: .policyName)
        case .deleteInlinePolicy(let name, let document):
            try encode(.deleteInlinePolicy, from: document, to: String?.none, in: &container)
            try container.encode(name, forKey: .policyName)
        case .createInstanceProfile(let name, let path):
            try encode(.createInstanceProfile, instanceProfile: name, in: &container)
            try container.encode(path, forKey: .path)
        case .addRoleToInstanceProfile(let name):
            try encode(.addRoleToInstanceProfile, instanceProfile: name, in: &container)
        case .instanceProfileHeldByAnotherRole(let name, let roleNames):
            try encode(.instanceProfileHeldByAnotherRole, instanceProfile: name, in: &container)
            try container.encode(roleNames, forKey: .roleNames)
        case .removeInstanceProfile(let name):
            try encode(.removeInstanceProfile, instanceProfile: name, in: &container)
        }
        try container.encode(isSupported, forKey: .supported)
        try container.encode(summary, forKey: .summary)
    }

    private func encode<Value: Encodable>(_ kind: Kind, from old: Value?, to new: Value?, in container: inout KeyedEncodingContainer<Key>) throws {
        try container.encode(kind, forKey: .change)
        try container.encodeIfPresent(old, forKey: .from)
        try container.encodeIfPresent(new, forKey: .to)
    }

    private func encode(_ kind: Kind, _ tag: RoleTag, in container: inout KeyedEncodingContainer<Key>) throws {
        try container.encode(kind, forKey: .change)
        try container.encode(tag.key, forKey: .key)
        try container.encode(tag.value, forKey: .value)
    }

    private func encode(_ kind: Kind, instanceProfile name: String, in container: inout KeyedEncodingContainer<Key>) throws {
        try container.encode(kind, forKey: .change)
        try container.encode(name, forKey: .instanceProfileName)
    }

    /// Reads the object `encode(to:)` writes; `summary` is ignored. An unknown `change` is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        switch try container.decode(Kind.self, forKey: .change) {
        case .createRole:
            self = .createRole(NewRole(DesiredRole(
                roleName: try container.decode(String.self, forKey: .roleName),
                path: try container.decode(String.self, forKey: .path),
                trustPolicy: try container.decode(String.self, forKey: .trustPolicy),
                description: try container.decodeIfPresent(String.self, forKey: .description),
                maxSessionDuration: try container.decodeIfPresent(Int.self, forKey: .maxSessionDuration),
                permissionsBoundaryArn: try container.decodeIfPresent(String.self, forKey: .permissionsBoundaryArn),
                tags: try container.decode([RoleTag].self, forKey: .tags)
            )))
        case .updateTrustPolicy:
            self = .updateTrustPolicy(from: try container.decode(String.self, forKey: .from), to: try container.decode(String.self, forKey: .to))
        case .updateDescription:
            self = .updateDescription(from: try container.decodeIfPresent(String.self, forKey: .from), to: try container.decode(String.self, forKey: .to))
        case .updateMaxSessionDuration:
            self = .updateMaxSessionDuration(from: try container.decodeIfPresent(Int.self, forKey: .from), to: try container.decode(Int.self, forKey: .to))
        case .changePermissionsBoundary:
            self = .changePermissionsBoundary(
                from: try container.decodeIfPresent(String.self, forKey: .from), to: try container.decodeIfPresent(String.self, forKey: .to))
        case .changePath:
            self = .changePath(from: try container.decode(String.self, forKey: .from), to: try container.decode(String.self, forKey: .to))
        case .attachPolicy:
            self = .attachPolicy(arn: try container.decode(String.self, forKey: .policyArn))
        case .detachPolicy:
            self = .detachPolicy(arn: try container.decode(String.self, forKey: .policyArn))
        case .addTag:
            self = .addTag(RoleTag(key: try container.decode(String.self, forKey: .key), value: try container.decode(String.self, forKey: .value)))
        case .changeTag:
            self = .changeTag(
                key: try container.decode(String.self, forKey: .key),
                from: try container.decode(String.self, forKey: .from), to: try container.decode(String.self, forKey: .to))
        case .removeTag:
            self = .removeTag(RoleTag(key: try container.decode(String.self, forKey: .key), value: try container.decode(String.self, forKey: .value)))
        case .putInlinePolicy:
            self = .putInlinePolicy(
                name: try container.decode(String.self, forKey: .policyName),
                from: try container.decodeIfPresent(String.self, forKey: .from), to: try container.decode(String.self, forKey: .to))
        case .deleteInlinePolicy:
            self = .deleteInlinePolicy(
                name: try container.decode(String.self, forKey: .policyName), document: try container.decode(String.self, forKey: .from))
        case .createInstanceProfile:
            self = .createInstanceProfile(
                name: try container.decode(String.self, forKey: .instanceProfileName), path: try container.decode(String.self, forKey: .path))
        case .addRoleToInstanceProfile:
            self = .addRoleToInstanceProfile(name: try container.decode(String.self, forKey: .instanceProfileName))
        case .instanceProfileHeldByAnotherRole:
            self = .instanceProfileHeldByAnotherRole(
                name: try container.decode(String.self, forKey: .instanceProfileName),
                roleNames: try container.decode([String].self, forKey: .roleNames))
        case .removeInstanceProfile:
            self = .removeInstanceProfile(name: try container.decode(String.self, forKey: .instanceProfileName))
        }
    }
}
