internal import IAMClient

extension RoleDetails {
    /// `show --output json`: pretty-printed, the same role always the same
    /// text, its policy documents in reading order like every other output.
    public func jsonText() throws -> String {
        JSONPrinter.pretty(json)
    }

    /// The role with the keys IAM's API uses (`RoleName`, `Arn`, ...), in
    /// GetRole's order; the trust policy and inline policies as objects in
    /// reading order (`PolicyDocument.readingTree`) rather than escaped
    /// text, or as the text IAM holds when that is not a JSON object;
    /// inline policies and instance profiles as
    /// GetAccountAuthorizationDetails lists them (`RolePolicyList`,
    /// `InstanceProfileList`, roles by name).
    public var json: JSONValue {
        var members = [
            JSONMember("RoleName", .string(role.roleName)),
            JSONMember("Arn", .string(role.arn)),
            JSONMember("RoleId", .string(role.roleId)),
            JSONMember("Path", .string(role.path)),
        ]
        if let date = role.createDate { members.append(JSONMember("CreateDate", .string(AWSTimestamp.format(date)))) }
        members.append(JSONMember("AssumeRolePolicyDocument", Self.policy(role.assumeRolePolicyDocument)))
        if let description = role.description { members.append(JSONMember("Description", .string(description))) }
        if let seconds = role.maxSessionDuration { members.append(JSONMember("MaxSessionDuration", .number(String(seconds)))) }
        if let boundary = role.permissionsBoundaryArn {
            members.append(JSONMember("PermissionsBoundary", .object([
                JSONMember("PermissionsBoundaryType", .string("Policy")),
                JSONMember("PermissionsBoundaryArn", .string(boundary)),
            ])))
        }
        members.append(JSONMember("AttachedPolicies", .array(attachedPolicies.map {
            .object([JSONMember("PolicyName", .string($0.policyName)), JSONMember("PolicyArn", .string($0.policyArn))])
        })))
        members.append(JSONMember("RolePolicyList", .array(inlinePolicies.map {
            .object([JSONMember("PolicyName", .string($0.name)), JSONMember("PolicyDocument", Self.policy($0.document))])
        })))
        members.append(JSONMember("Tags", .array(tags.map {
            .object([JSONMember("Key", .string($0.key)), JSONMember("Value", .string($0.value))])
        })))
        members.append(JSONMember("InstanceProfileList", .array(instanceProfiles.map {
            .object([
                JSONMember("InstanceProfileName", .string($0.name)),
                JSONMember("Arn", .string($0.arn)),
                JSONMember("Path", .string($0.path)),
                JSONMember("Roles", .array($0.roleNames.map(JSONValue.string))),
            ])
        })))
        var lastUsed: [JSONMember] = []
        if let date = role.roleLastUsed?.lastUsedDate { lastUsed.append(JSONMember("LastUsedDate", .string(AWSTimestamp.format(date)))) }
        if let region = role.roleLastUsed?.region { lastUsed.append(JSONMember("Region", .string(region))) }
        members.append(JSONMember("RoleLastUsed", .object(lastUsed)))
        return .object(members)
    }

    /// A policy document as an object in reading order, or as text when it is not a JSON object.
    private static func policy(_ text: String) -> JSONValue {
        (try? PolicyDocument.readingTree(text)) ?? .string(text)
    }
}
