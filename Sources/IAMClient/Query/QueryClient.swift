import Foundation
import SigV4

/// Sends AWS Query API calls (IAM, STS): a form-encoded POST with `Action` and
/// `Version`, signed with SigV4, retried by `RetryPolicy`, with clock-skew
/// correction, reported to observers, and answered with XML.
public struct QueryClient: Sendable {
    public let endpoint: ServiceEndpoint
    /// `2010-05-08` for IAM, `2011-06-15` for STS.
    public let apiVersion: String
    /// Nil sends the call unsigned (AssumeRoleWithWebIdentity).
    public let credentials: (any CredentialProvider)?
    public let transport: any HTTPTransport
    public let retry: RetryPolicy
    public let clock: ClockCorrection
    public let observers: RequestObservers
    /// Per-attempt time-out in seconds.
    public let timeout: TimeInterval

    public init(
        endpoint: ServiceEndpoint, apiVersion: String, credentials: (any CredentialProvider)?,
        transport: any HTTPTransport, retry: RetryPolicy = RetryPolicy(), clock: ClockCorrection = ClockCorrection(),
        observers: RequestObservers = RequestObservers(), timeout: TimeInterval = 30
    ) {
        self.endpoint = endpoint
        self.apiVersion = apiVersion
        self.credentials = credentials
        self.transport = transport
        self.retry = retry
        self.clock = clock
        self.observers = observers
        self.timeout = timeout
    }

    /// The same client without credentials, for calls AWS requires unsigned.
    public func unsigned() -> QueryClient {
        QueryClient(
            endpoint: endpoint, apiVersion: apiVersion, credentials: nil, transport: transport,
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
        let response = try await send(action, parameters)
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

    /// Sends the call until it succeeds, fails for good, or runs out of attempts,
    /// and returns the successful (2xx) response.
    func send(_ action: String, _ parameters: [(String, String)]) async throws -> HTTPResponse {
        let body = Data(PercentEncoding.formBody([("Action", action), ("Version", apiVersion)] + parameters).utf8)
        var attempt = 0
        var correctedClock = false
        while true {
            attempt += 1
            var request = try await signedRequest(body: body)
            if let remaining = remainingTime() {
                guard remaining > 0 else { throw TimeLimitError(action: action, attempts: attempt - 1) }
                request.timeout = min(request.timeout, remaining)
            }
            let started = clock.localNow()
            let outcome: Result<HTTPResponse, TransportError>
            do {
                outcome = .success(try await transport.send(request))
            } catch let error as TransportError {
                outcome = .failure(error)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                outcome = .failure(TransportError(kind: .other, message: String(describing: error)))
            }
            let duration = clock.localNow().timeIntervalSince(started)
            var event = RequestEvent(
                service: endpoint.signingName, action: action, attempt: attempt,
                duration: duration, headers: request.headers)

            let failure: any Error
            var retryable: Bool
            switch outcome {
            case .failure(let error):
                event.transportError = error
                failure = error
                retryable = RetryPolicy.isRetryable(error)
            case .success(let response):
                event.httpStatus = response.status
                if (200..<300).contains(response.status) {
                    // AWS (and moto) send the id as a header too; the body is parsed once, by `call`.
                    event.requestId = QueryResponseParser.requestIdHeader(response)
                    observers.notify(event)
                    return response
                }
                if let error = QueryResponseParser.error(from: response, action: action) {
                    event.errorCode = error.code.rawValue
                    event.requestId = error.requestId
                    if !correctedClock, ClockCorrection.isClockSkewError(error),
                       let serverTime = response.header("Date").flatMap(AWSTimestamp.parseHTTPDate) {
                        // One extra attempt with the server's time; the offset stays for later calls.
                        clock.adjust(toServerTime: serverTime)
                        correctedClock = true
                        event.willRetry = true
                        event.retryDelay = 0
                        observers.notify(event)
                        continue
                    }
                    failure = error
                    retryable = RetryPolicy.isRetryable(error)
                } else {
                    event.requestId = QueryResponseParser.requestIdHeader(response)
                    failure = UnexpectedResponseError(
                        action: action, response: response, reason: "not an AWS error response")
                    retryable = RetryPolicy.isRetryable(status: response.status)
                }
            }
            retryable = retryable && attempt < retry.maxAttempts
            let delay = retryable ? retry.delay(afterAttempt: attempt) : 0
            // No retry that could not finish before the command's time limit.
            if retryable, let remaining = remainingTime(), remaining <= delay {
                observers.notify(event)
                throw TimeLimitError(action: action, attempts: attempt)
            }
            if retryable {
                event.willRetry = true
                event.retryDelay = delay
                observers.notify(event)
                try await retry.sleep(delay)
            } else {
                observers.notify(event)
                throw failure
            }
        }
    }

    /// Seconds left before the command's time limit, or nil without one.
    private func remainingTime() -> TimeInterval? {
        retry.deadline.map { $0.timeIntervalSince(clock.localNow()) }
    }

    /// A fresh request for one attempt, signed at the (corrected) current time.
    func signedRequest(body: Data) async throws -> HTTPRequest {
        var headers: [(String, String)] = [
            ("Host", endpoint.hostHeader),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ]
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
