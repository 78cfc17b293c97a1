import Foundation
import Testing
import TestSupport
@testable import IAMClient

@Suite("Errors from moto", .heavy)
struct ErrorIntegrationTests {
    @Test func missingRoleIsNoSuchEntityAndNotRetried() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoFixture.session(moto)
        let (events, observer) = MotoFixture.counter()
        session.addObserver(observer)
        let error = await #expect(throws: AWSError.self) { try await session.iam.getRole(name: MotoServer.uniqueName("missing")) }
        #expect(error?.code == "NoSuchEntity")
        #expect(error?.httpStatus == 404)
        #expect(error?.action == "GetRole")
        #expect(error?.requestId?.isEmpty == false)
        #expect(events.values.count == 1)
    }

    @Test func duplicateRoleIsEntityAlreadyExistsAndNotRetried() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoFixture.session(moto)
        let input = CreateRoleInput(roleName: MotoServer.uniqueName("twice"), assumeRolePolicyDocument: MotoFixture.trustPolicy)
        _ = try await session.iam.createRole(input)
        let (events, observer) = MotoFixture.counter()
        session.addObserver(observer)
        let error = await #expect(throws: AWSError.self) { try await session.iam.createRole(input) }
        #expect(error?.code == "EntityAlreadyExists")
        #expect(error?.httpStatus == 409)
        #expect(events.values.map(\.attempt) == [1])
        #expect(events.values.first?.isWrite == true)
    }

    @Test func malformedPolicyIsReportedAsIs() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try MotoFixture.session(moto).iam
        let name = MotoServer.uniqueName("malformed")
        _ = try await iam.createRole(CreateRoleInput(roleName: name, assumeRolePolicyDocument: MotoFixture.trustPolicy))
        let error = await #expect(throws: AWSError.self) {
            try await iam.updateAssumeRolePolicy(roleName: name, policyDocument: "this is not JSON")
        }
        #expect(error?.code == "MalformedPolicyDocument")
        #expect(error?.httpStatus == 400)
    }

    @Test func anHTMLErrorPageIsRetriedThenReportedClearly() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoFixture.session(moto, maxAttempts: 2)
        let (events, observer) = MotoFixture.counter()
        session.addObserver(observer)
        // moto crashes on an AssumeRole without RoleSessionName and answers with
        // werkzeug's HTML 500 page: a real "not an AWS response" from a server.
        let error = await #expect(throws: UnexpectedResponseError.self) {
            try await session.sts.client.call("AssumeRole", [("RoleArn", "not-an-arn")])
        }
        #expect(error?.httpStatus == 500)
        #expect(error?.contentType?.hasPrefix("text/html") == true)
        #expect(error?.bodyPreview.contains("Internal Server Error") == true)
        #expect(events.values.map(\.httpStatus) == [500, 500])
    }
}
