import Testing

@testable import Provisioning

@Suite("Lint: managed policies", .timeLimit(.minutes(10)))
struct LintManagedPolicyTests {
    let serviceTrust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}"#
    let accountTrust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}"#

    func findings(_ arns: [String], trust: String? = nil, quotas: LintQuotas = LintQuotas()) -> [LintFinding] {
        TrustPolicyLinter(quotas: quotas).lint(trustPolicy: trust ?? serviceTrust, managedPolicyArns: arns)
    }

    @Test("IAMFullAccess or AdministratorAccess on a role a service can assume", arguments: ["IAMFullAccess", "AdministratorAccess"])
    func escalation(name: String) throws {
        let result = try #require(findings(["arn:aws:iam::aws:policy/\(name)"]).first)
        #expect(result.code == .privilegeEscalationPolicy)
        #expect(result.severity == .securityWarning)
        #expect(result.subject == .managedPolicy(0))
        #expect(result.message.hasPrefix("\(name) lets anything that assumes this role (such as ec2.amazonaws.com)"))
        #expect(findings(["arn:aws:iam::aws:policy/\(name)"], trust: accountTrust).isEmpty)
    }

    @Test("a customer policy of the same name is not AWS's")
    func customerPolicyNamedAlike() {
        #expect(findings(["arn:aws:iam::111122223333:policy/IAMFullAccess"]).isEmpty)
    }

    @Test("AmazonS3FullAccess where a bucket-scoped policy would do")
    func s3() {
        #expect(findings(["arn:aws-cn:iam::aws:policy/AmazonS3FullAccess"], trust: accountTrust).map(\.code) == [.s3FullAccess])
    }

    @Test("more policies than the attachment quota")
    func quota() {
        let arns = (0..<11).map { "arn:aws:iam::111122223333:policy/p\($0)" }
        #expect(findings(Array(arns.prefix(10))).isEmpty)
        #expect(findings(arns).map(\.code) == [.tooManyManagedPolicies])
        #expect(findings(arns, quotas: LintQuotas(accountSummary: ["AttachedPoliciesPerRoleQuota": 20])).isEmpty)
        #expect(findings(Array(arns.prefix(3)), quotas: LintQuotas(attachedPoliciesPerRole: 2)).first?.message ==
            "the role attaches 3 managed policies; the account's quota (AttachedPoliciesPerRoleQuota) is 2")
    }

    @Test("malformed ARNs are errors, repeats are suggestions")
    func malformedAndDuplicate() {
        #expect(findings(["arn:aws:s3:::bucket"]).map(\.code) == [.managedPolicyInvalid])
        let arn = "arn:aws:iam::111122223333:policy/p"
        let repeated = findings([arn, arn])
        #expect(repeated.map(\.code) == [.managedPolicyDuplicate])
        #expect(repeated.first?.subject == .managedPolicy(1))
    }
}
