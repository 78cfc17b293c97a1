import Foundation
@testable import IAMClient

/// A transport that answers from a script and records every request, for
/// unit tests of retries, errors and logging (the real thing is tested against moto).
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(HTTPResponse)
        case fail(TransportError)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var recorded: [HTTPRequest] = []

    init(_ steps: [Step]) {
        self.steps = steps
    }

    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let step = lock.withLock { () -> Step? in
            recorded.append(request)
            return steps.isEmpty ? nil : steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case nil: throw TransportError(kind: .other, message: "the test script has no more responses")
        }
    }

    /// An XML answer like IAM's.
    static func xml(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Step {
        .respond(HTTPResponse(status: status, headers: [("Content-Type", "text/xml")] + headers, body: Data(body.utf8)))
    }

    /// `<ErrorResponse><Error>` with a code.
    static func awsError(_ status: Int, code: String, message: String = "it failed", headers: [(String, String)] = []) -> Step {
        xml(status, """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>\
            <Code>\(code)</Code><Message>\(message)</Message></Error><RequestId>req-\(code)</RequestId></ErrorResponse>
            """, headers: headers)
    }

    /// A JSON 1.1 answer like Organizations'.
    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Step {
        .respond(HTTPResponse(status: status, headers: [("Content-Type", "application/x-amz-json-1.1")] + headers, body: Data(body.utf8)))
    }

    static let getCallerIdentityOK = xml(200, """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>\
        <UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account><Arn>arn:aws:iam::111122223333:user/dev</Arn>\
        </GetCallerIdentityResult><ResponseMetadata><RequestId>req-ok</RequestId></ResponseMetadata></GetCallerIdentityResponse>
        """, headers: [("x-amzn-RequestId", "req-ok")])
}

/// Fixed credentials for tests. The secret and token are distinctive so
/// tests can prove they never appear in logs.
struct FixedTestCredentials: CredentialProvider {
    var value: AWSCredentials

    static let secret = "wJalrXUtnFEMI/K7MDENG/SECRET-MUST-NOT-LEAK"
    static let token = "SESSION-TOKEN-MUST-NOT-LEAK-FQoGZXIvYXdz"

    static let withToken = FixedTestCredentials(value: AWSCredentials(
        accessKeyId: "ASIATESTKEY", secretAccessKey: secret, sessionToken: token, source: "test"))
    /// Any key works with moto until signature checking is turned on.
    static let moto = FixedTestCredentials(value: AWSCredentials(
        accessKeyId: "AKIATESTMOTO", secretAccessKey: "moto-secret", source: "test"))

    func credentials() async throws -> AWSCredentials { value }
}

/// Collects what observers and sleeps report, from any task.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        stored.append(value)
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// A Query client on the fake transport with instant, recorded sleeps.
struct FakeClientFixture {
    let transport: FakeTransport
    let events = Recorder<RequestEvent>()
    let sleeps = Recorder<TimeInterval>()
    let client: ServiceClient

    init(
        _ steps: [FakeTransport.Step], maxAttempts: Int = 5, service: String = "sts",
        clock: ClockCorrection = ClockCorrection(), random: @escaping @Sendable () -> Double = { 0.5 }
    ) {
        transport = FakeTransport(steps)
        let sleeps = self.sleeps
        let events = self.events
        let (endpoint, wire): (ServiceEndpoint, WireProtocol) = switch service {
        case "sts":
            (ServiceEndpoint(url: URL(string: "https://sts.us-east-1.amazonaws.com")!, signingName: "sts", signingRegion: "us-east-1"),
             .query(version: STSService.apiVersion))
        case "organizations":
            (ServiceEndpoint(url: Partition.aws.organizationsEndpoint(region: "us-east-1"), signingName: "organizations", signingRegion: "us-east-1"),
             .json(targetPrefix: OrganizationsService.targetPrefix))
        default:
            (ServiceEndpoint(url: Partition.aws.iamEndpoint, signingName: "iam", signingRegion: "us-east-1"),
             .query(version: IAMService.apiVersion))
        }
        client = ServiceClient(
            endpoint: endpoint, wire: wire,
            credentials: FixedTestCredentials.withToken, transport: transport,
            retry: RetryPolicy(maxAttempts: maxAttempts, sleep: { sleeps.append($0) }, random: random),
            clock: clock, observers: RequestObservers([{ events.append($0) }]))
    }

    var sts: STSService { STSService(client: client) }
    var iam: IAMService { IAMService(client: client) }
    var organizations: OrganizationsService { OrganizationsService(client: client) }
}
