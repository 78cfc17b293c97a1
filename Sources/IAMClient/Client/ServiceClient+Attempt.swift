import Foundation

extension ServiceClient {
    /// What one attempt of a call leads to; `send` acts on it.
    enum AttemptOutcome {
        /// A 2xx answer, for `call` to decode.
        case success(HTTPResponse)
        /// Worth trying again after this many seconds (throttling, AWS-side trouble, a dropped connection).
        case retry(after: TimeInterval)
        /// AWS said the signing time was wrong and gave its own: learn it and try once more at once.
        case correctClockAndRetry(serverTime: Date)
        /// Done trying: this is what the caller gets thrown.
        case fail(any Error)
    }

    /// Signs and sends attempt `number` of `action`, sorts the answer and
    /// decides what comes next, with the event that describes the attempt
    /// (not yet sent to the observers: `send` adds whether it is retried).
    /// A clock is corrected once per call, so a server whose clock keeps
    /// disagreeing cannot loop the call. Throws before sending when the
    /// command's time limit has passed, and on cancellation.
    func attempt(
        _ number: Int, of action: String, body: Data, clockCorrected: Bool
    ) async throws -> (AttemptOutcome, RequestEvent) {
        var request = try await signedRequest(action, body: body)
        if let remaining = remainingTime() {
            guard remaining > 0 else { throw TimeLimitError(action: action, attempts: number - 1) }
            request.timeout = min(request.timeout, remaining)
        }
        let started = clock.localNow()
        let answer = try await deliver(request)
        var event = RequestEvent(
            service: endpoint.signingName, action: action, attempt: number,
            duration: clock.localNow().timeIntervalSince(started), headers: request.headers)

        let failure: any Error
        let retryable: Bool
        switch answer {
        case .failure(let error):
            event.transportError = error
            failure = error
            retryable = RetryPolicy.isRetryable(error)
        case .success(let response):
            event.httpStatus = response.status
            if (200..<300).contains(response.status) {
                // AWS (and moto) send the id as a header too; the body is parsed once, by `call`.
                event.requestId = QueryResponseParser.requestIdHeader(response)
                return (.success(response), event)
            }
            if let error = wire.error(from: response, action: action) {
                event.errorCode = error.code.rawValue
                event.requestId = error.requestId
                if !clockCorrected, ClockCorrection.isClockSkewError(error),
                   let serverTime = response.header("Date").flatMap(AWSTimestamp.parseHTTPDate) {
                    return (.correctClockAndRetry(serverTime: serverTime), event)
                }
                failure = error
                retryable = RetryPolicy.isRetryable(error)
            } else {
                event.requestId = QueryResponseParser.requestIdHeader(response)
                failure = UnexpectedResponseError(action: action, response: response, reason: "not an AWS error response")
                retryable = RetryPolicy.isRetryable(status: response.status)
            }
        }
        return (next(after: failure, retryable: retryable, attempt: number, of: action), event)
    }

    /// Retry or fail: out of attempts, or a wait that would end past the
    /// command's time limit, is a failure (the latter a `TimeLimitError`).
    private func next(after failure: any Error, retryable: Bool, attempt number: Int, of action: String) -> AttemptOutcome {
        guard retryable, number < retry.maxAttempts else { return .fail(failure) }
        let delay = retry.delay(afterAttempt: number)
        if let remaining = remainingTime(), remaining <= delay {
            return .fail(TimeLimitError(action: action, attempts: number))
        }
        return .retry(after: delay)
    }

    /// The transport's answer, any failure but cancellation as a `TransportError`.
    private func deliver(_ request: HTTPRequest) async throws -> Result<HTTPResponse, TransportError> {
        do {
            return .success(try await transport.send(request))
        } catch let error as TransportError {
            return .failure(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return .failure(TransportError(kind: .other, message: String(describing: error)))
        }
    }

    /// Seconds left before the command's time limit, or nil without one.
    func remainingTime() -> TimeInterval? {
        retry.deadline.map { $0.timeIntervalSince(clock.localNow()) }
    }
}
