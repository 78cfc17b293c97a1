import Foundation
import IAMClient
import Testing
import TestSupport

@testable import Provisioning

/// Every policy reference resolves to its real ARN before anything is
/// planned; one that cannot is an error at its place, never a half-made role.
@Suite("Policy references resolve before planning", .timeLimit(.minutes(10)))
struct PolicyResolutionTests {
    @Test(arguments: [
        ("AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
        ("service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
        ("ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"),
        ("AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess"),
    ])
    func namesResolveToTheirRealPath(_ name: String, _ arn: String) {
        let reference = PolicyReference(name)
        #expect(reference.arn(partition: "aws") == arn)
        #expect(reference.validationIssues(field: "policies[0]").isEmpty)
        #expect(PolicyReference(name).arn(partition: "aws-cn") == arn.replacingOccurrences(of: "arn:aws:", with: "arn:aws-cn:"))
    }

    @Test(arguments: [
        ("NoSuchPolicyXYZ", #"there is no AWS managed policy named "NoSuchPolicyXYZ""#),
        ("AWSLambdaBasicExecutonRole", #"(did you mean "AWSLambdaBasicExecutionRole"?)"#),
        ("job-function/AWSLambdaBasicExecutionRole", "is service-role/AWSLambdaBasicExecutionRole, not job-function/"),
        ("arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole", "is service-role/AWSLambdaBasicExecutionRole, not AWSLambdaBasicExecutionRole"),
    ])
    func whatCannotBeAttachedIsAnError(_ text: String, _ words: String) {
        let issues = PolicyReference(text).validationIssues(field: "policies[0]")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains(words) == true, "\(issues)")
    }

    /// An AWS ARN the list does not know may be a policy AWS added since:
    /// it passes offline and is checked online.
    @Test func anUnknownAWSManagedARNIsLeftToTheOnlineCheck() {
        #expect(PolicyReference("arn:aws:iam::aws:policy/BrandNewPolicy2027").validationIssues(field: "p").isEmpty)
    }

    @Test func lintPointsAtTheReferenceThatCannotBeResolved() {
        let text = """
            name: fn-role
            trust: {services: [lambda.amazonaws.com]}
            policies:
              - AWSLambdaBasicExecutionRole
              - NoSuchPolicyXYZ
            """
        let findings = TrustPolicyLinter().lint(fileText: text, path: "fn.yaml").filter { $0.severity == .error }
        #expect(findings.map { $0.position?.description } == ["5:5"], "\(findings)")
        #expect(findings.first?.message.contains("NoSuchPolicyXYZ") == true)
    }

    /// Online, a customer managed policy that does not exist stops the plan
    /// before the first write.
    @Test func aMissingCustomerPolicyStopsThePlanBeforeAnyWrite() async throws {
        let iam = FakeIAM()
        var desired = DesiredRole(roleName: "r", trustPolicy: #"{"Version":"2012-10-17","Statement":[]}"#)
        desired.policyArns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::123456789012:policy/Gone"]
        let error = await #expect(throws: UnattachablePoliciesError.self) { try await Planner(iam: iam).plan(for: desired) }
        #expect(error?.arns == ["arn:aws:iam::123456789012:policy/Gone"])
        #expect(await iam.calls.allSatisfy { ["GetRole", "ListAttachedRolePolicies", "ListRolePolicies", "ListRoleTags", "ListInstanceProfilesForRole", "GetPolicy"].contains($0.action) })
        // Built-in AWS managed policies cost no call.
        #expect(await !iam.calls.contains { $0.action == "GetPolicy" && $0.target.contains("AmazonS3FullAccess") })
    }
}

@Suite("Policy references against moto", .heavy)
struct PolicyResolutionMotoTests {
    /// The built-in list against moto's AWS managed policies (loaded with
    /// MOTO_IAM_LOAD_MANAGED_POLICIES): every name resolves to an ARN IAM has.
    @Test func everyBuiltInNameIsAnARNThatIAMHas() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString,
            environment: ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_EC2_METADATA_DISABLED": "true"],
            profiles: ProfileStore()))
        let live = Set(try await session.iam.listPolicies(scope: .aws, onlyAttached: false, pathPrefix: nil, onPage: nil).map(\.arn))
        let ours = Set(AWSManagedPolicyNames.names.map { PolicyReference($0).arn(partition: "aws") })
        #expect(ours.count == AWSManagedPolicyNames.count)
        #expect(ours.subtracting(live).isEmpty, "not in IAM: \(ours.subtracting(live).sorted().prefix(5))")
        #expect(live.subtracting(ours).isEmpty, "missing from the list: \(live.subtracting(ours).sorted().prefix(5))")
    }
}
