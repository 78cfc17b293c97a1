import Foundation
import SafeText

/// An HTTP request as the client sends it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// In the order they are sent; names keep their case.
    public var headers: [(String, String)]
    public var body: Data
    /// Per-request time-out in seconds.
    public var timeout: TimeInterval

    public init(method: String, url: URL, headers: [(String, String)] = [], body: Data = Data(), timeout: TimeInterval = 30) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
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
