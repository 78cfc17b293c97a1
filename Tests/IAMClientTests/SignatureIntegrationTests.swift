import Foundation
import Testing
import TestSupport
@testable import IAMClient

/// Proves the requests are really signed: a moto of its own checks signatures
/// after the first four calls, which create a user with an access key and a
/// policy allowing everything.
@Suite("SigV4 signatures checked by moto", .heavy)
struct SignatureIntegrationTests {
    @Test func rightKeyWorksAndWrongSecretFails() async throws {
        let moto = try await MotoServer.startOrSkip(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "4"])
        defer { moto.stop() }

        // The unauthenticated window: four calls.
        let setup = try MotoFixture.session(moto).iam.client
        let user = MotoServer.uniqueName("signer")
        try await setup.call("CreateUser", [("UserName", user)])
        let (keyId, secret) = try await setup.call("CreateAccessKey", [("UserName", user)]) { result in
            let key = try result.required("AccessKey")
            return (try key.requiredText("AccessKeyId"), try key.requiredText("SecretAccessKey"))
        }
        let allowAll = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        try await setup.call("PutUserPolicy", [("UserName", user), ("PolicyName", "all"), ("PolicyDocument", allowAll)])
        _ = try await setup.call("GetUser", [("UserName", user)]) { try $0.required("User").requiredText("Arn") }

        // Signature checking is on from here.
        let right = FixedTestCredentials(value: AWSCredentials(accessKeyId: keyId, secretAccessKey: secret, source: "test"))
        let iam = try MotoFixture.session(moto, credentials: right).iam
        // A description with spaces: moto re-encodes the form body with `+` before checking.
        let role = try await iam.createRole(CreateRoleInput(
            roleName: MotoServer.uniqueName("signed"), assumeRolePolicyDocument: MotoFixture.trustPolicy,
            description: "signed with spaces and ümlauts & (symbols)"))
        #expect(try await iam.listRoles(pathPrefix: nil).contains { $0.roleName == role.roleName })

        let wrong = FixedTestCredentials(value: AWSCredentials(accessKeyId: keyId, secretAccessKey: secret + "x", source: "test"))
        let wrongSession = try MotoFixture.session(moto, credentials: wrong)
        let (events, observer) = MotoFixture.counter()
        wrongSession.addObserver(observer)
        let error = await #expect(throws: AWSError.self) {
            _ = try await wrongSession.iam.createRole(CreateRoleInput(
                roleName: MotoServer.uniqueName("unsigned"), assumeRolePolicyDocument: MotoFixture.trustPolicy,
                description: "also with spaces"))
        }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(error?.httpStatus == 403)
        #expect(events.values.count == 1)

        let unknown = FixedTestCredentials(value: AWSCredentials(accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: secret, source: "test"))
        let unknownError = await #expect(throws: AWSError.self) {
            _ = try await MotoFixture.session(moto, credentials: unknown).iam.listRoles(pathPrefix: nil)
        }
        #expect(unknownError?.code == "InvalidClientTokenId")
    }
}
