import Foundation

/// What happened to one attempt of one call, reported to request observers.
/// It carries no secrets: signing headers are redacted before it is built.
public struct RequestEvent: Sendable, CustomStringConvertible {
    /// The SigV4 service name (`iam`, `sts`, `organizations`) of the endpoint called.
    public var service: String
    /// The API action, such as `CreateRole` or `ListAccounts`.
    public var action: String
    /// 1 for the first try.
    public var attempt: Int
    /// Set when a response arrived.
    public var httpStatus: Int?
    /// Set when no response arrived.
    public var transportError: TransportError?
    /// The AWS error code of a failed response (`Throttling`, `NoSuchEntity`, ...).
    public var errorCode: String?
    /// AWS's request ID, from the error body or the response headers; nil when none came.
    public var requestId: String?
    /// Wall time of the attempt, for `--debug` only.
    public var duration: TimeInterval
    /// True for calls that change something (Create, Update, Delete, Attach, Detach, Tag, Untag, Put...).
    public var isWrite: Bool
    /// True when the client will try again after this attempt.
    public var willRetry: Bool
    /// The wait before the next attempt, when `willRetry`.
    public var retryDelay: TimeInterval?
    /// The request headers as sent, with `Authorization` and `X-Amz-Security-Token` redacted.
    public var redactedHeaders: [(String, String)]

    /// `isWrite` nil decides from the action's name; `headers` are redacted here, so a raw list may be passed.
    public init(
        service: String, action: String, attempt: Int, httpStatus: Int? = nil, transportError: TransportError? = nil,
        errorCode: String? = nil, requestId: String? = nil, duration: TimeInterval = 0, isWrite: Bool? = nil,
        willRetry: Bool = false, retryDelay: TimeInterval? = nil, headers: [(String, String)] = []
    ) {
        self.service = service
        self.action = action
        self.attempt = attempt
        self.httpStatus = httpStatus
        self.transportError = transportError
        self.errorCode = errorCode
        self.requestId = requestId
        self.duration = duration
        self.isWrite = isWrite ?? Self.isWriteAction(action)
        self.willRetry = willRetry
        self.retryDelay = retryDelay
        self.redactedHeaders = RequestEvent.redact(headers)
    }

    /// True when the attempt got a 2xx answer.
    public var succeeded: Bool { httpStatus.map { (200..<300).contains($0) } ?? false }

    static let writePrefixes = ["Create", "Update", "Delete", "Attach", "Detach", "Tag", "Untag", "Put", "Remove", "Add", "Set"]

    /// True for actions whose names start as writes do (`Create`, `Delete`, `Put`, ...), so `--debug` lines mark the calls that change something.
    public static func isWriteAction(_ action: String) -> Bool {
        writePrefixes.contains { action.hasPrefix($0) }
    }

    /// Headers whose values must never be shown.
    static let secretHeaders: Set<String> = ["authorization", "x-amz-security-token"]

    static func redact(_ headers: [(String, String)]) -> [(String, String)] {
        headers.map { secretHeaders.contains($0.0.lowercased()) ? ($0.0, "<redacted>") : $0 }
    }

    /// One line for `--debug`: action, attempt, outcome, request id, time, headers.
    public var description: String {
        var parts = ["\(service) \(action)", "attempt \(attempt)"]
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        if let errorCode { parts.append(errorCode) }
        if let transportError { parts.append("no response (\(transportError))") }
        parts.append("request-id \(requestId ?? "-")")
        parts.append(String(format: "%.0f ms", duration * 1000))
        if isWrite { parts.append("write") }
        if willRetry { parts.append(String(format: "retrying in %.2f s", retryDelay ?? 0)) }
        if !redactedHeaders.isEmpty {
            parts.append("headers: " + redactedHeaders.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
        }
        return parts.joined(separator: " | ")
    }
}

/// Called once per attempt, from whatever task made the call.
public typealias RequestObserver = @Sendable (RequestEvent) -> Void
