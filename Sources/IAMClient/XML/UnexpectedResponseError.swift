import Foundation
import SafeText

/// A response that is not what the Query API sends: not XML, truncated XML,
/// an HTML error page from a proxy or load balancer, or XML without the
/// elements AWS always includes. Says what came back so the user can tell.
public struct UnexpectedResponseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The API action whose answer this was, such as `GetRole`.
    public var action: String
    /// The status, which often says more than the body (a proxy's 502, say).
    public var httpStatus: Int
    /// Nil when the answer had no `Content-Type`; `text/html` points at a proxy or wrong endpoint.
    public var contentType: String?
    /// The whole body's size in bytes, though only a preview is kept.
    public var bodyLength: Int
    /// The start of the body, with control characters replaced and any
    /// credential values blanked; at most `previewLimit` characters.
    public var bodyPreview: String
    /// What was wrong, such as "not well-formed XML" or "<Role> has no <Arn>".
    public var reason: String

    static let previewLimit = 160

    /// Keeps only a short, redacted preview of the body, never the body itself.
    public init(action: String, response: HTTPResponse, reason: String) {
        self.action = action
        self.httpStatus = response.status
        self.contentType = response.header("Content-Type")
        self.bodyLength = response.body.count
        self.bodyPreview = Self.preview(of: response.body)
        self.reason = reason
    }

    /// What came back and what was wrong with it, ending with where to look.
    public var description: String {
        let type = contentType ?? "no content type"
        let start = bodyPreview.isEmpty ? "The body was empty." : "It began: \"\(bodyPreview)\""
        return "\(action): the endpoint answered HTTP \(httpStatus) (\(type), \(bodyLength) bytes) that is not a valid AWS response (\(reason)). \(start) Check --endpoint-url and any proxy settings."
    }

    /// A printable, secret-free excerpt of a body.
    static func preview(of body: Data) -> String {
        var text = SecretRedactor.shared.redact(String(decoding: body.prefix(4096), as: UTF8.self))
        // A truncated STS answer could carry credentials: never echo them.
        text = text.replacingOccurrences(
            of: "<(SecretAccessKey|SessionToken)>[^<]*", with: "<$1>[redacted]", options: .regularExpression)
        var out = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || InertText.isUnsafe(scalar)
            if isSpace {
                if !lastWasSpace && !out.isEmpty { out.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
            if out.count >= previewLimit { return out + "…" }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
