import Foundation
import SafeText

/// An error answered by AWS (or an emulator): both IAM error shapes,
/// `<ErrorResponse><Error>` and `<ErrorResponse><Errors><Error>`, decode to this.
public struct AWSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in AWS's words; compare with `AWSErrorCode`'s members.
    public var code: AWSErrorCode
    /// AWS's explanation, with any registered secret redacted, since it is shown to people.
    public var message: String
    /// The status of the answer; decides retries when the code alone does not.
    public var httpStatus: Int
    /// AWS's request ID, nil when the answer had none; quote it to AWS Support.
    public var requestId: String?
    /// The API action that failed, such as `CreateRole`.
    public var action: String?

    /// `message` is redacted here, so no path can keep an echoed secret.
    public init(code: AWSErrorCode, message: String, httpStatus: Int, requestId: String? = nil, action: String? = nil) {
        self.code = code
        // A server may echo a request back; what it says is shown to people.
        self.message = SecretRedactor.shared.redact(message)
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.action = action
    }

    /// One line for people: action, code, status, message and request ID.
    public var description: String {
        var text = action.map { "\($0) failed: " } ?? ""
        text += "\(code) (HTTP \(httpStatus)): \(message)"
        if let requestId { text += " [request id \(requestId)]" }
        return text
    }
}
