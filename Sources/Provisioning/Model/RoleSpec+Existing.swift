extension RoleSpec {
    /// A spec describing a role IAM already has, for editing it in the wizard
    /// or exporting it as a spec file. Policies are named the short way
    /// (`AmazonS3FullAccess`) where they are AWS managed; the trust policy
    /// becomes the entity it expresses when there is one
    /// (`TrustedEntity.recognizing`); IAM's default session length (one
    /// hour) is left implicit. Inline policies are kept as IAM returned them.
    /// Its instance profiles are not known here, so none is asked for: an
    /// existing role never gets one unasked (`init(existing: RoleDetails)` knows).
    public init(
        existing role: ExistingRole, attachedPolicyArns: [String], inlinePolicies: [RoleInlinePolicy] = [],
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
        if defaultInstanceProfile { instanceProfile = false }
    }
}

extension RoleSpec {
    /// A spec describing the role `details` shows: its trust, attached and
    /// inline policies, tags and settings, so editing or exporting it keeps all of them.
    /// `instanceProfile` says whether its own profile holds it now, so that
    /// editing an EC2 role made without one does not add one unasked.
    public init(existing details: RoleDetails, partition: String = "aws", accountId: String?) {
        self.init(
            existing: details.role, attachedPolicyArns: details.attachedPolicies.map(\.policyArn),
            inlinePolicies: details.inlinePolicies, partition: partition, accountId: accountId)
        tags = details.tags
        // A role EC2 cannot assume keeps a profile it is in, unmanaged.
        let inOwnProfile = Planner.heldProfile(named: details.role.roleName, in: details) != nil
        instanceProfile = ec2MayAssume && !inOwnProfile ? false : nil
    }
}
