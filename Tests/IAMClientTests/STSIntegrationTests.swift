import Foundation
import Testing
import TestSupport
@testable import IAMClient

@Suite("STS operations against moto", .heavy)
struct STSIntegrationTests {
    @Test func callerIdentity() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoFixture.session(moto)
        let (events, observer) = MotoFixture.counter()
        session.addObserver(observer)
        let identity = try await session.sts.getCallerIdentity()
        #expect(identity.account == "123456789012")
        #expect(events.values.count == 1)
        #expect(events.values.first?.requestId?.isEmpty == false)
        #expect(events.values.first?.httpStatus == 200)
        #expect(identity.arn.hasPrefix("arn:aws:sts::123456789012:"))
        #expect(!identity.userId.isEmpty)
    }

    @Test func assumeRoleGivesWorkingTemporaryCredentials() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoFixture.session(moto)
        let role = try await session.iam.createRole(CreateRoleInput(
            roleName: MotoServer.uniqueName("assumable"), assumeRolePolicyDocument: MotoFixture.accountTrustPolicy))

        let credentials = try await session.sts.assumeRole(
            roleArn: role.arn, sessionName: "rolewiz-test", externalId: "ext-1", durationSeconds: 900)
        #expect(credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(credentials.sessionToken?.isEmpty == false)
        #expect((credentials.expiration ?? .distantPast) > Date())
        #expect(!credentials.description.contains(credentials.secretAccessKey))

        let assumed = session.makeSTS(credentials: FixedTestCredentials(value: credentials))
        let identity = try await assumed.getCallerIdentity()
        #expect(identity.arn == "arn:aws:sts::123456789012:assumed-role/\(role.roleName)/rolewiz-test")
    }

    @Test func webIdentityIsSentUnsigned() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let recording = RecordingTransport(URLSessionTransport(environment: [:]))
        let session = try MotoFixture.session(moto, transport: recording)
        let role = try await session.iam.createRole(CreateRoleInput(
            roleName: MotoServer.uniqueName("web"), assumeRolePolicyDocument: MotoFixture.trustPolicy))

        let credentials = try await session.sts.assumeRoleWithWebIdentity(
            roleArn: role.arn, sessionName: "ci-job", webIdentityToken: "eyJhbGciOi.token.sig", durationSeconds: nil)
        #expect(credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(credentials.sessionToken?.isEmpty == false)

        let request = try #require(recording.sent.values.last)
        #expect(String(decoding: request.body, as: UTF8.self).contains("Action=AssumeRoleWithWebIdentity"))
        #expect(!request.headers.contains { $0.0.lowercased() == "authorization" })
        #expect(!request.headers.contains { $0.0.lowercased() == "x-amz-date" })
    }

    @Test func assumeRoleWithoutSourceCredentialsIsRefused() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let unsigned = try MotoFixture.session(moto).makeSTS(credentials: nil)
        await #expect(throws: ClientConfigurationError.self) {
            _ = try await unsigned.assumeRole(roleArn: "arn:aws:iam::123456789012:role/x", sessionName: "s", externalId: nil, durationSeconds: nil)
        }
    }
}
