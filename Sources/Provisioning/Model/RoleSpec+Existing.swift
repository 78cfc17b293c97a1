import IAMClient

extension RoleSpec {
    /// A spec describing a role IAM already has, for editing it in the wizard
    /// or exporting it as a spec file. Policies are named the short way
    /// (`AmazonS3FullAccess`) where they are AWS managed; the trust policy
    /// becomes the entity it expresses when there is one
    /// (`TrustedEntity.recognizing`); IAM's default session length (one
    /// hour) is left implicit.
    public init(existing role: Role, attachedPolicyArns: [String], partition: String = "aws", accountId: String?) {
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
            permissionsBoundary: role.permissionsBoundaryArn.map { PolicyReference(arn: $0) })
    }
}
