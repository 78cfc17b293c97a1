import Foundation
import IAMClient
import Testing
@testable import Provisioning

@Suite("RoleDetails", .timeLimit(.minutes(10)))
struct InspectRoleDetailsTests {
    private func seededFake() async -> FakeIAM {
        let iam = FakeIAM()
        _ = await Applier(iam: iam).apply(Planner.offlinePlan(for: SeedRole.fullRole))
        await iam.resetCalls()
        return iam
    }

    @Test func loadsRolePoliciesTagsAndInstanceProfilesWithFiveReads() async throws {
        let iam = await seededFake()
        await iam.addInstanceProfile("l4e-role", roleName: "l4e-role")
        let details = try await RoleDetails.load(roleName: "l4e-role", from: iam)
        #expect(details.role.arn == "arn:aws:iam::123456789012:role/l4e-role")
        #expect(details.attachedPolicies.map(\.policyArn).sorted() == SeedRole.policyArns.sorted())
        #expect(details.tags == SeedRole.fullRole.tags)
        #expect(details.inlinePolicies.isEmpty)
        #expect(details.instanceProfiles.map(\.name) == ["l4e-role"])
        #expect(await iam.calls.map(\.action).sorted() == ["GetRole", "ListAttachedRolePolicies", "ListInstanceProfilesForRole", "ListRolePolicies", "ListRoleTags"])
    }

    /// An inline policy grants as much as an attached one: it is loaded,
    /// document and all, in IAM's order, and shown in the JSON as
    /// GetAccountAuthorizationDetails lists it.
    @Test func inlinePoliciesAreLoadedWithTheirDocuments() async throws {
        let iam = await seededFake()
        let everything = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        let names = (0..<12).map { "inline-\($0)" }
        for name in names { try await iam.putRolePolicy(roleName: "l4e-role", policy: InlinePolicy(name: name, document: everything)) }
        await iam.resetCalls()
        let details = try await RoleDetails.load(roleName: "l4e-role", from: iam)
        #expect(details.inlinePolicies.map(\.name) == names)
        #expect(details.inlinePolicies.allSatisfy { $0.document == everything })
        #expect(await iam.calls.filter { $0.action == "GetRolePolicy" }.count == names.count)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(details.jsonText().utf8)) as? [String: Any])
        let list = try #require(object["RolePolicyList"] as? [[String: Any]])
        #expect(list.map { $0["PolicyName"] as? String } == names)
        let document = try #require(list.first?["PolicyDocument"] as? [String: Any])
        #expect(document["Version"] as? String == "2012-10-17", "the document is an object, not escaped text")
    }

    @Test func missingRoleIsNoSuchEntity() async {
        let error = await #expect(throws: AWSError.self) { try await RoleDetails.load(roleName: "nope", from: FakeIAM()) }
        #expect(error?.code == "NoSuchEntity")
    }

    @Test func jsonUsesTheAPIKeysAndTheTrustPolicyAsAnObject() async throws {
        var details = try await RoleDetails.load(roleName: "l4e-role", from: seededFake())
        details.role.roleLastUsed = ExistingRole.LastUse(lastUsedDate: Date(timeIntervalSince1970: 1_700_000_600), region: "eu-west-1")
        details.role.permissionsBoundaryArn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        let json = try details.jsonText()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "RoleName", "Arn", "RoleId", "Path", "CreateDate", "AssumeRolePolicyDocument", "Description",
            "MaxSessionDuration", "PermissionsBoundary", "AttachedPolicies", "RolePolicyList", "Tags", "RoleLastUsed",
            "InstanceProfileList",
        ])
        #expect(object["RoleName"] as? String == "l4e-role")
        #expect(object["CreateDate"] as? String == "2023-11-14T22:13:20Z")
        #expect(object["MaxSessionDuration"] as? Int == 7200)
        let trust = try #require(object["AssumeRolePolicyDocument"] as? [String: Any])
        #expect(trust["Version"] as? String == "2012-10-17")
        let policies = try #require(object["AttachedPolicies"] as? [[String: String]])
        #expect(policies.first == ["PolicyName": "AmazonS3FullAccess", "PolicyArn": SeedRole.policyArns[0]])
        #expect(object["Tags"] as? [[String: String]] == [["Key": "team", "Value": "data"], ["Key": "env", "Value": "prod"]])
        #expect(object["RoleLastUsed"] as? [String: String] == ["LastUsedDate": "2023-11-14T22:23:20Z", "Region": "eu-west-1"])
        #expect(object["PermissionsBoundary"] as? [String: String] == [
            "PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
        ])
        #expect(!json.contains(#"\/"#), "ARNs keep their slashes unescaped")
        #expect(try details.jsonText() == json, "the same role gives the same text")
    }

    @Test func trustPolicyThatIsNotJSONIsShownAsText() throws {
        let role = ExistingRole(roleName: "r", roleId: "AROA1", arn: "arn:aws:iam::1:role/r", assumeRolePolicyDocument: "%7B")
        let details = RoleDetails(role: role, attachedPolicies: [], tags: [])
        #expect(details.trustPolicyText == "%7B")
        let object = try JSONSerialization.jsonObject(with: Data(try details.jsonText().utf8)) as? [String: Any]
        #expect(object?["AssumeRolePolicyDocument"] as? String == "%7B")
        #expect(object?["RoleLastUsed"] as? [String: String] == [:])
    }

    /// IAM hands documents back in any key order; show's text, its JSON and
    /// the wizard's editor all print them in reading order (once, show's
    /// JSON sorted them alphabetically, and the wizard's diff then showed
    /// moved lines that had not changed).
    @Test func policiesAreShownInReadingOrderEverywhere() throws {
        let stored = #"{"Statement":[{"Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Effect":"Allow"}],"Version":"2012-10-17"}"#
        let role = ExistingRole(roleName: "r", roleId: "AROA1", arn: "arn:aws:iam::1:role/r", assumeRolePolicyDocument: stored)
        let details = RoleDetails(role: role, attachedPolicies: [], inlinePolicies: [RoleInlinePolicy(name: "p", document: stored)], tags: [])
        let reading = ["\"Version\"", "\"Statement\"", "\"Effect\"", "\"Principal\"", "\"Action\""]
        for text in [details.trustPolicyText, try details.jsonText()] {
            let offsets = reading.map { key in text.range(of: key).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1 }
            #expect(offsets == offsets.sorted() && !offsets.contains(-1), "\(text)")
        }
        #expect(details.trustPolicyText == PolicyDocument.readingText(stored))
        #expect(details.json["RolePolicyList"] == .array([.object([
            JSONMember("PolicyName", .string("p")), JSONMember("PolicyDocument", try PolicyDocument.readingTree(stored)),
        ])]))
    }
}
