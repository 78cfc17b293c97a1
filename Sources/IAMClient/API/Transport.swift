import Foundation
import SafeText

/// An HTTP request as the client sends it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// In the order they are sent; names keep their case.
    public var headers: [(String, String)]
    public var body: Data
    /// Seconds for the whole exchange, from sending to the last byte of
    /// the answer (not an idle time-out).
    public var timeout: TimeInterval
    /// The longest body to accept. IAM's and STS's largest answers (a page
    /// of 1,000 policies) are well under 1 MB; a longer body is refused.
    public var maximumResponseBytes: Int

    /// The default `maximumResponseBytes`: 8 MiB.
    public static let defaultMaximumResponseBytes = 8 << 20

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
    public var status: Int
    /// Header names as received; look up with `header(_:)`, which ignores case.
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

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
    public enum Kind: String, Sendable, Hashable {
        case timedOut, connectionLost, cannotConnect, other
    }
    public var kind: Kind
    public var message: String
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = SecretRedactor.shared.redact(message)
    }
    public var description: String { "\(kind.rawValue): \(message)" }
}
