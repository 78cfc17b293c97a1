import Foundation
import SigV4

/// Sends AWS API calls, written as the service's `WireProtocol` says (Query
/// for IAM and STS, JSON 1.1 for Organizations): signed with SigV4, retried
/// by `RetryPolicy`, with clock-skew correction, and reported to observers.
public struct ServiceClient: Sendable {
    /// Where the calls go and the name and region they are signed for, resolved once per session.
    public let endpoint: ServiceEndpoint
    /// How calls are written and errors read: Query `2010-05-08` for IAM, JSON 1.1 for Organizations.
    public let wire: WireProtocol
    /// Nil sends the call unsigned (AssumeRoleWithWebIdentity).
    public let credentials: (any CredentialProvider)?
    /// The one way bytes leave: tests swap in a fake, the program URLSession.
    public let transport: any HTTPTransport
    /// How many attempts, how long between them, and the command's time limit.
    public let retry: RetryPolicy
    /// Shared by the session's clients, so an offset learned by one call signs every later one.
    public let clock: ClockCorrection
    /// Who hears of every attempt (`--debug`, the apply rows); never sent the body or secrets.
    public let observers: RequestObservers
    /// Per-attempt time-out in seconds.
    public let timeout: TimeInterval

    /// Everything but the endpoint, version and credentials has the defaults a command wants.
    public init(
        endpoint: ServiceEndpoint, wire: WireProtocol, credentials: (any CredentialProvider)?,
        transport: any HTTPTransport, retry: RetryPolicy = RetryPolicy(), clock: ClockCorrection = ClockCorrection(),
        observers: RequestObservers = RequestObservers(), timeout: TimeInterval = 30
    ) {
        self.endpoint = endpoint
        self.wire = wire
        self.credentials = credentials
        self.transport = transport
        self.retry = retry
        self.clock = clock
        self.observers = observers
        self.timeout = timeout
    }

    /// The same client without credentials, for calls AWS requires unsigned.
    public func unsigned() -> ServiceClient {
        ServiceClient(
            endpoint: endpoint, wire: wire, credentials: nil, transport: transport,
            retry: retry, clock: clock, observers: observers, timeout: timeout)
    }

    /// Calls `action` and decodes its `<ActionResult>` element (or the root
    /// element when the action has no result, like DeleteRole).
    /// - Throws: `AWSError`, `TransportError`, `UnexpectedResponseError`, or
    ///   whatever the credential provider throws.
    public func call<Output>(
        _ action: String, _ parameters: [(String, String)] = [],
        decode: (ResponseElement) throws -> Output
    ) async throws -> Output {
        let response = try await send(action, body: queryBody(action, parameters))
        do {
            let root = try QueryResponseParser.root(of: response.body)
            guard root.name == "\(action)Response" else {
                throw ResponseXMLError(reason: "expected <\(action)Response> but got <\(root.name)>")
            }
            return try decode(root.child("\(action)Result") ?? root)
        } catch let error as ResponseXMLError {
            throw UnexpectedResponseError(action: action, response: response, reason: error.reason)
        } catch let error as ResponseShapeError {
            throw UnexpectedResponseError(action: action, response: response, reason: error.description)
        }
    }

    /// Calls `action` for its side effect.
    public func call(_ action: String, _ parameters: [(String, String)] = []) async throws {
        try await call(action, parameters) { _ in () }
    }

    /// Calls a JSON 1.1 `action` with `input` as its body and decodes the answer's object.
    /// - Throws: as `call`; an answer that is not a JSON object, or that
    ///   `decode` finds the wrong shape, is an `UnexpectedResponseError`.
    public func callJSON<Output>(
        _ action: String, _ input: [String: any Sendable] = [:],
        decode: ([String: Any]) throws -> Output
    ) async throws -> Output {
        let body = try JSONSerialization.data(withJSONObject: input, options: [.sortedKeys, .withoutEscapingSlashes])
        let response = try await send(action, body: body)
        do {
            return try decode(try JSONResponseParser.object(of: response.body))
        } catch let error as JSONShapeError {
            throw UnexpectedResponseError(action: action, response: response, reason: error.reason)
        }
    }

    /// The form body of a Query call: its action, the API version, then the parameters.
    private func queryBody(_ action: String, _ parameters: [(String, String)]) -> Data {
        guard case .query(let version) = wire else {
            preconditionFailure("\(action): a Query call on a client for \(wire)")
        }
        return Data(PercentEncoding.formBody([("Action", action), ("Version", version)] + parameters).utf8)
    }

    /// Sends the call until it succeeds, fails for good, or runs out of attempts,
    /// and returns the successful (2xx) response. Each `attempt` says what
    /// to do next; every attempt's event reaches the observers once, before
    /// the wait or the throw that follows it.
    func send(_ action: String, body: Data) async throws -> HTTPResponse {
        var number = 0
        var correctedClock = false
        while true {
            number += 1
            var (outcome, event) = try await attempt(number, of: action, body: body, clockCorrected: correctedClock)
            switch outcome {
            case .success(let response):
                observers.notify(event)
                return response
            case .correctClockAndRetry(let serverTime):
                // One extra attempt with the server's time; the offset stays for later calls.
                clock.adjust(toServerTime: serverTime)
                correctedClock = true
                event.willRetry = true
                event.retryDelay = 0
                observers.notify(event)
            case .retry(let delay):
                event.willRetry = true
                event.retryDelay = delay
                observers.notify(event)
                try await retry.sleep(delay)
            case .fail(let error):
                observers.notify(event)
                throw error
            }
        }
    }

    /// A fresh request for one attempt, signed at the (corrected) current time.
    func signedRequest(_ action: String, body: Data) async throws -> HTTPRequest {
        var headers: [(String, String)] = [("Host", endpoint.hostHeader)] + wire.headers(for: action)
        if let credentials {
            let current = try await credentials.credentials()
            let signer = SigV4Signer(
                credentials: current.signing, service: endpoint.signingName, region: endpoint.signingRegion)
            let signature = signer.sign(
                method: "POST", path: endpoint.requestPath, headers: headers, body: body, date: clock.now())
            headers.append(contentsOf: signature.headersToAdd)
        }
        return HTTPRequest(method: "POST", url: endpoint.url, headers: headers, body: body, timeout: timeout)
    }
}
