import Foundation
import IAMClient
import Provisioning
import TestSupport

/// A session against the shared moto server for one test, with its own log
/// of every request attempt (so a test counts its own writes), the applier's
/// request observer wired in as the composition root wires it, and optional
/// faults on the wire.
struct MotoApplySession {
    let session: AWSSession
    let requests: RequestLog

    var iam: IAMService { session.iam }

    init(_ moto: MotoServer, faults: [String: WireFault] = [:]) throws {
        let requests = RequestLog()
        let environment = ["AWS_EC2_METADATA_DISABLED": "true"]
        let transport = FaultyTransport(inner: URLSessionTransport(environment: environment), faults: faults)
        session = try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString, environment: environment,
            observers: [{ requests.append($0) }], transport: transport, profiles: ProfileStore(),
            credentialProvider: MotoTestCredentials(), sleep: { _ in }
        ))
        session.addObserver(Applier.requestObserver)
        self.requests = requests
    }

    /// Attempts of write calls (Create, Update, Attach, Tag, ...) seen so far.
    var writeAttempts: [RequestEvent] { requests.events.filter(\.isWrite) }
}

/// moto accepts any key while signature checking is off.
struct MotoTestCredentials: CredentialProvider {
    func credentials() async throws -> AWSCredentials {
        AWSCredentials(accessKeyId: "AKIAROLEWIZPLANTEST", secretAccessKey: "moto-test-secret", source: "test")
    }
}

/// Every request attempt a session reported, from any task.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [RequestEvent] = []

    func append(_ event: RequestEvent) {
        lock.withLock { stored.append(event) }
    }

    var events: [RequestEvent] { lock.withLock { stored } }

    func clear() {
        lock.withLock { stored = [] }
    }
}

/// What the wire does to the first request of an action.
enum WireFault: Sendable {
    /// moto acts, then the connection drops before the reply arrives.
    case loseReply
    /// Answered with a Throttling error without reaching moto.
    case throttle
}

/// Passes requests to moto, except that the first request of each action in
/// `faults` meets its fault, as a flaky network or a busy IAM would do it.
final class FaultyTransport: HTTPTransport, @unchecked Sendable {
    private let inner: any HTTPTransport
    private let lock = NSLock()
    private var faults: [String: WireFault]

    init(inner: any HTTPTransport, faults: [String: WireFault]) {
        self.inner = inner
        self.faults = faults
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let action = String(decoding: request.body, as: UTF8.self).split(separator: "&")
            .first { $0.hasPrefix("Action=") }.map { String($0.dropFirst("Action=".count)) }
        let fault = lock.withLock { action.flatMap { faults.removeValue(forKey: $0) } }
        switch fault {
        case nil:
            return try await inner.send(request)
        case .loseReply:
            _ = try await inner.send(request)
            throw TransportError(kind: .connectionLost, message: "the connection dropped after the request was sent")
        case .throttle:
            let body = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>throttled-1</RequestId></ErrorResponse>"
            return HTTPResponse(status: 400, headers: [("Content-Type", "text/xml")], body: Data(body.utf8))
        }
    }
}
