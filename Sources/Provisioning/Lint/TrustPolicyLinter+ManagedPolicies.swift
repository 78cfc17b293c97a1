extension TrustPolicyLinter {
    /// Policies that let whoever holds the role give themselves anything.
    static let escalationPolicies: Set<String> = ["AdministratorAccess", "IAMFullAccess"]

    func checkManagedPolicies(_ arns: [String], trust: PolicyDocument?) -> [LintFinding] {
        var findings: [LintFinding] = []
        if arns.count > quotas.attachedPoliciesPerRole {
            findings.append(LintFinding(
                .tooManyManagedPolicies,
                "the role attaches \(arns.count) managed policies; the account's quota (AttachedPoliciesPerRoleQuota) is \(quotas.attachedPoliciesPerRole)",
                subject: .managedPolicies))
        }
        let services = trust?.trustedServices ?? []
        var seen: [String: Int] = [:]
        for (index, arn) in arns.enumerated() {
            let subject = LintFinding.Subject.managedPolicy(index)
            let reference = PolicyReference(arn)
            if let issue = reference.validationIssues(field: "").first {
                findings.append(LintFinding(.managedPolicyInvalid, issue.message, subject: subject))
                continue
            }
            if let first = seen[arn] {
                findings.append(LintFinding(
                    .managedPolicyDuplicate, "\(reference.name) is attached twice (also at position \(first + 1)); once is enough",
                    subject: subject))
            } else {
                seen[arn] = index
            }
            guard reference.isAWSManaged else { continue }
            if Self.escalationPolicies.contains(reference.name), let service = services.first {
                findings.append(LintFinding(
                    .privilegeEscalationPolicy,
                    "\(reference.name) lets anything that assumes this role (such as \(service)) change IAM and grant itself any permission; attach a policy limited to what the service needs",
                    subject: subject))
            }
            if reference.name == "AmazonS3FullAccess" {
                findings.append(LintFinding(
                    .s3FullAccess,
                    "AmazonS3FullAccess allows every S3 action on every bucket in the account; a policy scoped to the buckets the role uses would do",
                    subject: subject))
            }
        }
        return findings
    }
}
