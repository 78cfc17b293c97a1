import IAMClient

extension RoleSpec {
    /// A spec describing a role IAM already has, for editing it in the wizard
    /// or exporting it as a spec file. Policies are named the short way
    /// (`AmazonS3FullAccess`) where they are AWS managed; the trust policy
    /// becomes the entity it expresses when there is one
    /// (`TrustedEntity.recognizing`); IAM's default session length (one
    /// hour) is left implicit. Inline policies are kept as IAM returned them.
    public init(
        existing role: Role, attachedPolicyArns: [String], inlinePolicies: [InlinePolicy] = [],
        partition: String = "aws", accountId: String?
    ) {
        let trust: TrustedEntity =
            if let document = try? PolicyDocument.parse(role.assumeRolePolicyDocument) {
                .recognizing(document, partition: partition, accountId: accountId)
            } else {
                .customPolicy(role.assumeRolePolicyDocument)
            }
        self.init(
            name: role.roleName, path: role.path, description: role.description, trust: trust,
            managedPolicies: attachedPolicyArns.map { PolicyReference(arn: $0) }, tags: role.tags,
            maxSessionDuration: role.maxSessionDuration == 3600 ? nil : role.maxSessionDuration,
            permissionsBoundary: role.permissionsBoundaryArn.map { PolicyReference(arn: $0) },
            inlinePolicies: inlinePolicies)
    }
}

extension RoleSpec {
    /// A spec describing the role `details` shows: its trust, attached and
    /// inline policies, tags and settings, so editing or exporting it keeps all of them.
    public init(existing details: RoleDetails, partition: String = "aws", accountId: String?) {
        self.init(
            existing: details.role, attachedPolicyArns: details.attachedPolicies.map(\.policyArn),
            inlinePolicies: details.inlinePolicies, partition: partition, accountId: accountId)
        tags = details.tags
    }
}
