internal import IAMClient

// The one place Provisioning's own values meet IAMClient's wire types
// (issue 15): RoleService, RoleDetails, RoleDeletion, the planner and the
// applier convert here when they talk to IAMOperations. The screens get
// only Provisioning's values; the IAMClient types left in its public API are
// the connection types the commands wire (LayeringTests checks both).

extension RoleTag {
    init(_ wire: Tag) {
        self.init(key: wire.key, value: wire.value)
    }

    /// The tag as CreateRole and TagRole send it.
    var wire: Tag { Tag(key: key, value: value) }
}

extension RoleInlinePolicy {
    init(_ wire: InlinePolicy) {
        self.init(name: wire.name, document: wire.document)
    }

    /// The policy as PutRolePolicy sends it.
    var wire: InlinePolicy { InlinePolicy(name: name, document: document) }
}

extension AttachedManagedPolicy {
    init(_ wire: AttachedPolicy) {
        self.init(policyName: wire.policyName, policyArn: wire.policyArn)
    }
}

extension InstanceProfileSummary {
    init(_ wire: InstanceProfile) {
        self.init(name: wire.name, arn: wire.arn, path: wire.path, roleNames: wire.roleNames)
    }
}

extension ExistingRole {
    init(_ wire: Role) {
        self.init(
            roleName: wire.roleName, roleId: wire.roleId, arn: wire.arn, path: wire.path,
            createDate: wire.createDate, assumeRolePolicyDocument: wire.assumeRolePolicyDocument,
            description: wire.description, maxSessionDuration: wire.maxSessionDuration,
            permissionsBoundaryArn: wire.permissionsBoundaryArn, tags: wire.tags.map(RoleTag.init),
            roleLastUsed: wire.roleLastUsed.map { LastUse(lastUsedDate: $0.lastUsedDate, region: $0.region) })
    }
}

extension NewRole {
    /// The role as CreateRole sends it.
    var createRoleInput: CreateRoleInput {
        CreateRoleInput(
            roleName: roleName, path: path, assumeRolePolicyDocument: trustPolicy,
            description: description, maxSessionDuration: maxSessionDuration,
            permissionsBoundary: permissionsBoundaryArn, tags: tags.map(\.wire)
        )
    }
}

extension RoleSummary {
    init(_ role: Role) {
        self.init(
            roleName: role.roleName, arn: role.arn, path: role.path, assumeRolePolicyDocument: role.assumeRolePolicyDocument,
            description: role.description, createDate: role.createDate)
    }
}

extension ManagedPolicySummary {
    init(_ policy: ManagedPolicy) {
        self.init(policyName: policy.policyName, arn: policy.arn, description: policy.description)
    }
}
