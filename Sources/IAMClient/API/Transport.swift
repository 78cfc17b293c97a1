import Foundation
import SafeText

/// An HTTP request as the client sends it.
public struct HTTPRequest: Sendable {
    /// `POST` for every Query call; the container and instance metadata credential reads `GET`.
    public var method: String
    /// The endpoint (and path) the request goes to; the signature covers its host and path.
    public var url: URL
    /// In the order they are sent; names keep their case.
    public var headers: [(String, String)]
    /// The form-encoded or JSON payload, exactly the bytes that were signed.
    public var body: Data
    /// Seconds for the whole exchange, from sending to the last byte of
    /// the answer (not an idle time-out).
    public var timeout: TimeInterval
    /// The longest body to accept. IAM's and STS's largest answers (a page
    /// of 1,000 policies) are well under 1 MB; a longer body is refused.
    public var maximumResponseBytes: Int

    /// The default `maximumResponseBytes`: 8 MiB.
    public static let defaultMaximumResponseBytes = 8 << 20

    /// Defaults suit a small signed call: no headers or body, 30 s, the 8 MiB cap.
    public init(
        method: String, url: URL, headers: [(String, String)] = [], body: Data = Data(), timeout: TimeInterval = 30,
        maximumResponseBytes: Int = HTTPRequest.defaultMaximumResponseBytes
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maximumResponseBytes = maximumResponseBytes
    }

}

/// An HTTP response.
public struct HTTPResponse: Sendable {
    /// The HTTP status, which decides success, AWS error or retry when the body says nothing.
    public var status: Int
    /// Header names as received; look up with `header(_:)`, which ignores case.
    public var headers: [(String, String)]
    /// The raw answer, parsed once by whoever asked (XML or JSON).
    public var body: Data

    /// Fakes and tests build answers directly; only the status is required.
    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, whatever its case (HTTP names are case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// Sends requests. The default is `URLSessionTransport`; tests inject fakes.
/// Connection failures and time-outs are thrown as `TransportError`.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// A failure below HTTP: no response was received.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why no response came: a time-out, a dropped or refused connection, or anything else (DNS, TLS).
    public enum Kind: String, Sendable, Hashable {
        case timedOut, connectionLost, cannotConnect, other
    }
    /// Decides whether the call is retried (`RetryPolicy.isRetryable(_:)`).
    public var kind: Kind
    /// For people; redacted when the error is made.
    public var message: String
    /// `message` is redacted here, since transports quote URLs and system errors.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = SecretRedactor.shared.redact(message)
    }
    /// `kind: message`, as debug logs and error messages show it.
    public var description: String { "\(kind.rawValue): \(message)" }
}
