import Foundation

/// How a service's calls are written and its errors read. IAM and STS speak
/// AWS Query; Organizations speaks AWS JSON 1.1 (`protocol` in botocore's
/// service definitions). Everything else about a call (signing, retries,
/// clock correction, observers, time limits) is the same for both.
public enum WireProtocol: Sendable, Hashable {
    /// A form-encoded POST with `Action` and `Version`, answered with XML.
    case query(version: String)
    /// A JSON POST with the action in `X-Amz-Target: <targetPrefix>.<Action>`, answered with JSON.
    case json(targetPrefix: String)

    /// The headers that say which action the body is for and how it is written.
    func headers(for action: String) -> [(String, String)] {
        switch self {
        case .query:
            [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        case .json(let prefix):
            [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "\(prefix).\(action)")]
        }
    }

    /// The AWS error an unsuccessful answer carries, or nil when it is not one.
    func error(from response: HTTPResponse, action: String) -> AWSError? {
        switch self {
        case .query: QueryResponseParser.error(from: response, action: action)
        case .json: JSONResponseParser.error(from: response, action: action)
        }
    }
}
