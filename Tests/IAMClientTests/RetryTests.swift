import Foundation
import Testing
@testable import IAMClient

@Suite("Retries, back-off and clock skew (fake transport)", .timeLimit(.minutes(10)))
struct RetryTests {
    @Test func throttlingIsRetriedUntilSuccess() async throws {
        let fixture = FakeClientFixture([
            FakeTransport.awsError(400, code: "Throttling", message: "Rate exceeded"),
            FakeTransport.awsError(400, code: "ThrottlingException"),
            FakeTransport.getCallerIdentityOK,
        ])
        let identity = try await fixture.sts.getCallerIdentity()
        #expect(identity.account == "111122223333")
        #expect(fixture.transport.requests.count == 3)
        let events = fixture.events.values
        #expect(events.map(\.attempt) == [1, 2, 3])
        #expect(events.map(\.willRetry) == [true, true, false])
        #expect(events.map(\.errorCode) == ["Throttling", "ThrottlingException", nil])
        #expect(events.last?.requestId == "req-ok")
        // Full jitter with random() = 0.5: half of 0.2 s, then half of 0.4 s.
        #expect(fixture.sleeps.values == [0.1, 0.2])
    }

    @Test func serverErrorsAreRetriedUntilAttemptsRunOut() async throws {
        let fixture = FakeClientFixture(Array(repeating: FakeTransport.awsError(500, code: "InternalError"), count: 5), maxAttempts: 3)
        let error = await #expect(throws: AWSError.self) { try await fixture.sts.getCallerIdentity() }
        #expect(error?.code == "InternalError")
        #expect(error?.httpStatus == 500)
        #expect(error?.action == "GetCallerIdentity")
        #expect(fixture.transport.requests.count == 3)
        #expect(fixture.sleeps.values.count == 2)
    }

    @Test(arguments: ["EntityAlreadyExists", "LimitExceeded", "MalformedPolicyDocument", "AccessDenied", "NoSuchEntity"])
    func clientErrorsAreNotRetried(code: String) async throws {
        let fixture = FakeClientFixture([FakeTransport.awsError(409, code: code), FakeTransport.getCallerIdentityOK], service: "iam")
        let error = await #expect(throws: AWSError.self) {
            try await fixture.iam.deleteRole(name: "r")
        }
        #expect(error?.code.rawValue == code)
        #expect(fixture.transport.requests.count == 1)
        #expect(fixture.sleeps.values.isEmpty)
        #expect(fixture.events.values.map(\.willRetry) == [false])
        #expect(fixture.events.values.first?.isWrite == true)
    }

    @Test func timeOutsAndResetsAreRetried() async throws {
        let fixture = FakeClientFixture([
            .fail(TransportError(kind: .timedOut, message: "no answer")),
            .fail(TransportError(kind: .connectionLost, message: "reset")),
            FakeTransport.getCallerIdentityOK,
        ])
        _ = try await fixture.sts.getCallerIdentity()
        let events = fixture.events.values
        #expect(events.map { $0.transportError?.kind } == [.timedOut, .connectionLost, nil])
        #expect(events.last?.httpStatus == 200)
    }

    @Test func timeOutsExhaustedSurfaceAsTransportError() async throws {
        let fixture = FakeClientFixture(Array(repeating: .fail(TransportError(kind: .timedOut, message: "no answer")), count: 2), maxAttempts: 2)
        let error = await #expect(throws: TransportError.self) { try await fixture.sts.getCallerIdentity() }
        #expect(error?.kind == .timedOut)
        #expect(fixture.transport.requests.count == 2)
    }

    @Test func otherTransportFailuresAreNotRetried() async throws {
        let fixture = FakeClientFixture([.fail(TransportError(kind: .other, message: "TLS failed")), FakeTransport.getCallerIdentityOK])
        await #expect(throws: TransportError.self) { try await fixture.sts.getCallerIdentity() }
        #expect(fixture.transport.requests.count == 1)
    }

    @Test func clockSkewIsCorrectedFromTheDateHeaderAndKept() async throws {
        let localNow = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z
        let clock = ClockCorrection(clock: { localNow })
        let fixture = FakeClientFixture([
            FakeTransport.awsError(
                403, code: "RequestTimeTooSkewed", message: "The difference between the request time and the current time is too large.",
                headers: [("Date", "Tue, 14 Nov 2023 23:13:20 GMT")]),  // one hour ahead
            FakeTransport.getCallerIdentityOK,
            FakeTransport.getCallerIdentityOK,
        ], maxAttempts: 1, clock: clock)
        _ = try await fixture.sts.getCallerIdentity()
        #expect(clock.offset == 3600)
        let dates = fixture.transport.requests.map { request in request.headers.first { $0.0 == "X-Amz-Date" }?.1 }
        #expect(dates == ["20231114T221320Z", "20231114T231320Z"])
        #expect(fixture.sleeps.values.isEmpty)

        // The offset stays for later calls.
        _ = try await fixture.sts.getCallerIdentity()
        #expect(fixture.transport.requests.last?.headers.first { $0.0 == "X-Amz-Date" }?.1 == "20231114T231320Z")
    }

    @Test func clockSkewIsRetriedOnlyOnce() async throws {
        let skewed = FakeTransport.awsError(
            400, code: "SignatureDoesNotMatch", message: "Signature expired: 20231114T221320Z is now earlier than 20231114T230820Z",
            headers: [("Date", "Tue, 14 Nov 2023 23:13:20 GMT")])
        let fixture = FakeClientFixture([skewed, skewed, FakeTransport.getCallerIdentityOK])
        let error = await #expect(throws: AWSError.self) { try await fixture.sts.getCallerIdentity() }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(fixture.transport.requests.count == 2)
    }

    @Test func aWrongSecretIsNotMistakenForClockSkew() async throws {
        let fixture = FakeClientFixture([
            FakeTransport.awsError(
                403, code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided.",
                headers: [("Date", "Tue, 14 Nov 2023 23:13:20 GMT")]),
            FakeTransport.getCallerIdentityOK,
        ])
        await #expect(throws: AWSError.self) { try await fixture.sts.getCallerIdentity() }
        #expect(fixture.transport.requests.count == 1)
    }

    @Test func backOffGrowsExponentiallyWithFullJitterUpToTheCap() {
        let policy = RetryPolicy(baseDelay: 0.2, maxDelay: 1.5, random: { 1 })
        #expect((1...6).map(policy.delay(afterAttempt:)) == [0.2, 0.4, 0.8, 1.5, 1.5, 1.5])
        let none = RetryPolicy(random: { 0 })
        #expect(none.delay(afterAttempt: 3) == 0)
    }

    @Test func htmlErrorPagesAreRetriedAsServerErrorsThenReported() async throws {
        let page = FakeTransport.Step.respond(HTTPResponse(
            status: 503, headers: [("Content-Type", "text/html")],
            body: Data("<html><body><h1>503 Service Unavailable</h1>\n\tNo server is available.</body></html>".utf8)))
        let fixture = FakeClientFixture([page, page], maxAttempts: 2)
        let error = await #expect(throws: UnexpectedResponseError.self) { try await fixture.sts.getCallerIdentity() }
        #expect(fixture.transport.requests.count == 2)
        #expect(error?.httpStatus == 503)
        #expect(error?.contentType == "text/html")
        #expect(error?.description.contains("503 Service Unavailable") == true)
    }
}
