import Foundation
import Testing
@testable import IAMClient

@Suite("--debug logging and request observers", .timeLimit(.minutes(10)))
struct DebugLoggingTests {
    @Test func debugLinesNameTheActionAndNeverShowSecrets() async throws {
        let lines = Recorder<String>()
        let transport = FakeTransport([
            FakeTransport.awsError(400, code: "Throttling"),
            .fail(TransportError(kind: .connectionLost, message: "reset by peer")),
            FakeTransport.getCallerIdentityOK,
        ])
        let session = try AWSSession.resolve(ClientOptions(
            debug: true, environment: [:], logSink: { lines.append($0) }, transport: transport,
            profiles: ProfileStore(), credentialProvider: FixedTestCredentials.withToken, sleep: { _ in }))
        _ = try await session.sts.getCallerIdentity()

        let log = lines.values
        #expect(log.count == 3)
        #expect(log.allSatisfy { $0.hasPrefix("[rolewiz debug] sts GetCallerIdentity | attempt ") })
        #expect(log[0].contains("HTTP 400 | Throttling"))
        #expect(log[1].contains("connectionLost"))
        #expect(log[2].contains("HTTP 200") && log[2].contains("request-id req-ok"))
        #expect(log.allSatisfy { $0.contains("Authorization=<redacted>") && $0.contains("X-Amz-Security-Token=<redacted>") })
        for line in log {
            #expect(!line.contains(FixedTestCredentials.secret))
            #expect(!line.contains(FixedTestCredentials.token))
            #expect(!line.contains("Signature="))
        }
        // The request really was signed with the token.
        let sent = try #require(transport.requests.first)
        #expect(sent.headers.contains { $0.0 == "X-Amz-Security-Token" && $0.1 == FixedTestCredentials.token })
    }

    @Test func observersAddedLaterSeeEveryAttemptAndWrites() async throws {
        let transport = FakeTransport([
            FakeTransport.xml(
                200, "<DeleteRoleResponse><ResponseMetadata><RequestId>d1</RequestId></ResponseMetadata></DeleteRoleResponse>",
                headers: [("x-amzn-RequestId", "d1")]),
            FakeTransport.getCallerIdentityOK,
        ])
        let session = try AWSSession.resolve(ClientOptions(
            environment: [:], transport: transport, profiles: ProfileStore(), credentialProvider: FixedTestCredentials.moto))
        let events = Recorder<RequestEvent>()
        session.addObserver { events.append($0) }
        try await session.iam.deleteRole(name: "gone")
        _ = try await session.sts.getCallerIdentity()
        let seen = events.values
        #expect(seen.map(\.action) == ["DeleteRole", "GetCallerIdentity"])
        #expect(seen.map(\.isWrite) == [true, false])
        #expect(seen.map(\.service) == ["iam", "sts"])
        #expect(seen.first?.requestId == "d1")
        #expect(seen.allSatisfy { $0.succeeded })
    }

    @Test func writeActionsAreRecognised() {
        for action in ["CreateRole", "UpdateRole", "UpdateAssumeRolePolicy", "DeleteRole", "AttachRolePolicy", "DetachRolePolicy", "TagRole", "UntagRole"] {
            #expect(RequestEvent.isWriteAction(action), "\(action)")
        }
        for action in ["GetRole", "ListRoles", "ListPolicies", "GetCallerIdentity", "AssumeRole", "ListRoleTags"] {
            #expect(!RequestEvent.isWriteAction(action), "\(action)")
        }
    }

    @Test func credentialsNeverPrintTheirSecrets() {
        let credentials = FixedTestCredentials.withToken.value
        for text in [credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials.signing)] {
            #expect(!text.contains(FixedTestCredentials.secret))
            #expect(!text.contains(FixedTestCredentials.token))
        }
    }
}
