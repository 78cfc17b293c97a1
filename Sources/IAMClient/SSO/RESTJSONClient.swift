import Foundation
import SafeText

/// The REST/JSON protocol of the IAM Identity Center APIs (SSO portal and SSO
/// OIDC, `protocol: rest-json` in botocore's service definitions): a JSON body,
/// unsigned, with the bearer token in a header where one is needed. One attempt
/// per call, bounded by `timeout`; the callers decide what a failure means.
struct RESTJSONClient: Sendable {
    var endpoint: URL
    var transport: any HTTPTransport
    /// Seconds for each call, from sending to the last byte.
    var timeout: TimeInterval = 30
    /// The service as messages name it: `SSO portal`, `SSO OIDC`.
    var service: String

    /// Responses are small documents; a longer one is refused.
    static let maximumResponseBytes = 1 << 20

    /// POSTs `body` as JSON to `path` and returns the decoded JSON object.
    func post(_ operation: String, path: String, body: [String: Any]) async throws -> [String: Any] {
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        return try await send(operation, method: "POST", path: path, query: [], headers: [("Content-Type", "application/json")], body: data)
    }

    /// GETs `path` with `query` and the extra headers.
    func get(_ operation: String, path: String, query: [(String, String)], headers: [(String, String)]) async throws -> [String: Any] {
        try await send(operation, method: "GET", path: path, query: query, headers: headers, body: Data())
    }

    private func send(
        _ operation: String, method: String, path: String, query: [(String, String)], headers: [(String, String)], body: Data
    ) async throws -> [String: Any] {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)!
        let base = components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        components.percentEncodedPath = base + path
        if !query.isEmpty {
            components.percentEncodedQuery = query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        let request = HTTPRequest(
            method: method, url: components.url!, headers: [("Accept", "application/json"), ("User-Agent", "rolewiz")] + headers,
            body: body, timeout: timeout, maximumResponseBytes: Self.maximumResponseBytes)
        let response = try await transport.send(request)
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard (200..<300).contains(response.status) else {
            throw SSOServiceError(service: service, operation: operation, status: response.status, response: response, body: object)
        }
        guard let object else {
            throw SSOServiceError(service: service, operation: operation, status: response.status, code: "MalformedResponse", message: "the answer is not a JSON object")
        }
        return object
    }

    /// RFC 3986 unreserved characters stay; everything else is percent-encoded.
    static func encode(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

/// An IAM Identity Center API answered with an error: the code as botocore
/// names it (`UnauthorizedException`, `AuthorizationPendingException`, ...) and
/// its message, made inert and with every registered secret removed.
public struct SSOServiceError: Error, Sendable, CustomStringConvertible {
    /// Which API answered, as messages name it: `SSO portal` or `SSO OIDC`.
    public var service: String
    /// The operation that failed, such as `CreateToken`.
    public var operation: String
    /// The HTTP status of the answer (200 for a malformed success).
    public var status: Int
    /// The exception name callers match on, such as `AuthorizationPendingException`; `MalformedResponse` for an answer that could not be read.
    public var code: String
    /// For people: made inert and redacted when the error is made.
    public var message: String

    init(service: String, operation: String, status: Int, code: String, message: String) {
        self.service = service
        self.operation = operation
        self.status = status
        self.code = code
        self.message = InertText.line(SecretRedactor.shared.redact(message))
    }

    /// The code from `x-amzn-ErrorType` (`Name:url` trimmed to the name), else the
    /// body's `__type`, else its OAuth-style `error` (`authorization_pending`).
    init(service: String, operation: String, status: Int, response: HTTPResponse, body: [String: Any]?) {
        let header = response.header("x-amzn-ErrorType").map { String($0.split(separator: ":").first ?? "") }
        let typeField = (body?["__type"] as? String).map { String($0.split(separator: "#").last ?? "") }
        let oauth = (body?["error"] as? String).map(Self.exceptionName)
        let code = [header, typeField, oauth].compactMap { $0 }.first { !$0.isEmpty } ?? "HTTP\(status)"
        let message = (body?["message"] as? String) ?? (body?["Message"] as? String) ?? (body?["error_description"] as? String) ?? ""
        self.init(service: service, operation: operation, status: status, code: code, message: message)
    }

    /// `authorization_pending` -> `AuthorizationPendingException`, as the shapes name them.
    static func exceptionName(_ oauthError: String) -> String {
        oauthError.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Exception"
    }

    /// One line: service, operation, code, status and message.
    public var description: String {
        "\(service) \(operation) failed: \(code) (HTTP \(status))" + (message.isEmpty ? "" : ": \(message)")
    }
}
