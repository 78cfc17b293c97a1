import Foundation
import Testing
import TestSupport
@testable import IAMClient

@Suite("IAM operations against moto", .heavy)
struct IAMIntegrationTests {
    @Test func roleLifecycle() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try MotoFixture.session(moto).iam
        let name = MotoServer.uniqueName("l4e-role")
        let path = "/\(MotoServer.uniqueName("life"))/"

        let created = try await iam.createRole(CreateRoleInput(
            roleName: name, path: path, assumeRolePolicyDocument: MotoFixture.trustPolicy,
            description: "Lookout for Equipment role – with spaces & symbols", maxSessionDuration: 7200,
            permissionsBoundary: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
            tags: [Tag(key: "team", value: "ml ops"), Tag(key: "cost-center", value: "42")]))
        #expect(created.roleName == name)
        #expect(created.path == path)
        #expect(created.arn == "arn:aws:iam::123456789012:role\(path)\(name)")
        #expect(created.assumeRolePolicyDocument == MotoFixture.trustPolicy)
        #expect(created.description == "Lookout for Equipment role – with spaces & symbols")
        #expect(created.maxSessionDuration == 7200)
        #expect(created.permissionsBoundaryArn == "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
        #expect(created.createDate != nil)

        let fetched = try await iam.getRole(name: name)
        #expect(fetched.roleId == created.roleId)
        #expect(fetched.assumeRolePolicyDocument == MotoFixture.trustPolicy)
        #expect(Set(fetched.tags) == [Tag(key: "team", value: "ml ops"), Tag(key: "cost-center", value: "42")])

        try await iam.updateRole(name: name, description: "updated", maxSessionDuration: 3600)
        try await iam.updateAssumeRolePolicy(roleName: name, policyDocument: MotoFixture.accountTrustPolicy)
        let updated = try await iam.getRole(name: name)
        #expect(updated.description == "updated")
        #expect(updated.maxSessionDuration == 3600)
        #expect(updated.assumeRolePolicyDocument == MotoFixture.accountTrustPolicy)

        let policies = ["AmazonS3FullAccess", "IAMFullAccess", "AmazonLookoutEquipmentFullAccess"].map { "arn:aws:iam::aws:policy/\($0)" }
        for arn in policies { try await iam.attachRolePolicy(roleName: name, policyArn: arn) }
        #expect(Set(try await iam.listAttachedRolePolicies(roleName: name).map(\.policyArn)) == Set(policies))
        try await iam.detachRolePolicy(roleName: name, policyArn: policies[1])
        let remaining = try await iam.listAttachedRolePolicies(roleName: name)
        #expect(Set(remaining.map(\.policyName)) == ["AmazonS3FullAccess", "AmazonLookoutEquipmentFullAccess"])

        try await iam.tagRole(name: name, tags: [Tag(key: "stage", value: "prod")])
        try await iam.untagRole(name: name, tagKeys: ["team", "cost-center"])
        #expect(try await iam.listRoleTags(name: name) == [Tag(key: "stage", value: "prod")])

        #expect(try await iam.listRoles(pathPrefix: path).map(\.roleName) == [name])

        for arn in [policies[0], policies[2]] { try await iam.detachRolePolicy(roleName: name, policyArn: arn) }
        try await iam.deleteRole(name: name)
        let error = await #expect(throws: AWSError.self) { try await iam.getRole(name: name) }
        #expect(error?.code == "NoSuchEntity")
    }

    @Test func awsManagedPolicyAndItsDocument() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try MotoFixture.session(moto).iam
        let policy = try await iam.getPolicy(arn: "arn:aws:iam::aws:policy/AmazonS3FullAccess")
        #expect(policy.policyName == "AmazonS3FullAccess")
        #expect(policy.isAWSManaged)
        #expect(policy.isAttachable)

        let version = try await iam.getPolicyVersion(policyArn: policy.arn, versionId: policy.defaultVersionId)
        #expect(version.isDefaultVersion)
        #expect(version.versionId == policy.defaultVersionId)
        // The document comes back percent-encoded; decoded it is JSON again.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(version.document.utf8)) as? [String: Any])
        #expect(json["Statement"] != nil)
        #expect(version.document.contains("s3:*"))
        #expect(!version.document.contains("%22"))
    }

    @Test func listPoliciesFollowsMarkersOverAllAWSManagedPolicies() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoFixture.session(moto)
        let (events, observer) = MotoFixture.counter()
        session.addObserver(observer)
        let pages = Recorder<Int>()

        let large = try await session.iam.listPolicies(scope: .aws, onlyAttached: false, pathPrefix: nil, onPage: nil)
        let small = try await IAMService(client: session.iam.client, pageSize: 250)
            .listPolicies(scope: .aws, onlyAttached: false, pathPrefix: nil, onPage: { pages.append($0.count) })

        #expect(large.count > 1000)
        #expect(Set(small.map(\.arn)) == Set(large.map(\.arn)))
        #expect(small.count == large.count)
        #expect(Set(small.map(\.arn)).count == small.count)
        #expect(small.allSatisfy { $0.isAWSManaged })
        let expectedPages = (large.count + 249) / 250
        #expect(pages.values.count == expectedPages)
        #expect(pages.values.reduce(0, +) == small.count)
        #expect(events.values.filter { $0.action == "ListPolicies" }.count == expectedPages + (large.count + 999) / 1000)
        for wanted in ["AmazonS3FullAccess", "IAMFullAccess", "AmazonLookoutEquipmentFullAccess"] {
            #expect(large.contains { $0.policyName == wanted }, "\(wanted)")
        }
    }

    @Test func listPoliciesByScopePathAndAttachment() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoFixture.session(moto)
        let iam = session.iam
        let path = "/\(MotoServer.uniqueName("local"))/"
        let policyName = MotoServer.uniqueName("bucket-reader")
        let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        // CreatePolicy is not part of IAMOperations (rolewiz never creates policies); call it directly.
        let arn = try await iam.client.call("CreatePolicy", [("PolicyName", policyName), ("Path", path), ("PolicyDocument", document)]) {
            try $0.required("Policy").requiredText("Arn")
        }

        let local = try await iam.listPolicies(scope: .local, onlyAttached: false, pathPrefix: path, onPage: nil)
        #expect(local.map(\.arn) == [arn])
        #expect(!local[0].isAWSManaged)
        #expect(try await iam.listPolicies(scope: .local, onlyAttached: true, pathPrefix: path, onPage: nil).isEmpty)

        let role = MotoServer.uniqueName("scoped")
        _ = try await iam.createRole(CreateRoleInput(roleName: role, assumeRolePolicyDocument: MotoFixture.trustPolicy))
        try await iam.attachRolePolicy(roleName: role, policyArn: arn)
        let attached = try await iam.listPolicies(scope: .all, onlyAttached: true, pathPrefix: path, onPage: nil)
        #expect(attached.map(\.arn) == [arn])
        #expect(attached.first?.attachmentCount == 1)
    }

    @Test func accountSummaryHasTheQuotasRolewizChecks() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let summary = try await MotoFixture.session(moto).iam.getAccountSummary()
        #expect(summary["AttachedPoliciesPerRoleQuota"] == 10)
        #expect(summary["AssumeRolePolicySizeQuota"] == 2048)
        #expect(summary["RolesQuota"] == 1000)
        #expect(summary["Roles"] != nil)
    }

    @Test func listRolesFollowsMarkersAcrossManyPages() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoFixture.session(moto)
        let path = "/\(MotoServer.uniqueName("pages"))/"
        let names = (0..<125).map { String(format: "paged-%03d-", $0) + MotoServer.uniqueName("r") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for chunk in stride(from: 0, to: names.count, by: 25).map({ Array(names[$0..<min($0 + 25, names.count)]) }) {
                group.addTask {
                    for name in chunk {
                        _ = try await session.iam.createRole(CreateRoleInput(
                            roleName: name, path: path, assumeRolePolicyDocument: MotoFixture.trustPolicy))
                    }
                }
            }
            try await group.waitForAll()
        }

        let (events, observer) = MotoFixture.counter()
        session.addObserver(observer)
        let roles = try await IAMService(client: session.iam.client, pageSize: 10).listRoles(pathPrefix: path)
        #expect(roles.count == 125)
        #expect(Set(roles.map(\.roleName)) == Set(names))
        #expect(roles.allSatisfy { $0.assumeRolePolicyDocument == MotoFixture.trustPolicy })
        #expect(events.values.filter { $0.action == "ListRoles" }.count == 13)
    }
}
