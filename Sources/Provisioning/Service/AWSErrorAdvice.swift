import IAMClient

/// What an AWS error means and what to do about it, in the words both the
/// command line and the wizard show, so a screen says as much as `rolewiz`
/// does: the code, AWS's message, and advice for the codes people meet most.
public enum AWSErrorAdvice {
    /// STS's actions, whose permissions are named `sts:` rather than `iam:`.
    static let stsActions: Set<String> = ["GetCallerIdentity", "AssumeRole", "AssumeRoleWithWebIdentity"]

    /// `Code: message` plus advice, and the request id when AWS gave one.
    public static func message(for error: AWSError) -> String {
        let action = error.action ?? "the call"
        var text = "\(error.code): \(error.message.isEmpty ? "\(action) failed (HTTP \(error.httpStatus))" : error.message)"
        if !text.hasSuffix(".") { text += "." }
        if let advice = advice(for: error) { text += " " + advice }
        if let requestId = error.requestId { text += " (request id \(requestId))" }
        return text
    }

    /// The same for any error that is an AWS error; nil for the rest, which
    /// the caller words itself (screens cannot name `AWSError`).
    public static func message(forAny error: any Error) -> String? {
        (error as? AWSError).map(message(for:))
    }

    /// What to do, for the codes with a known remedy; nil for the rest.
    public static func advice(for error: AWSError) -> String? {
        let permission = error.action.map { (stsActions.contains($0) ? "sts:" : "iam:") + $0 } ?? "this action"
        let code = error.code
        switch code {
        case _ where AWSErrorCode.accessDenied.contains(code):
            return "Check that your credentials allow \(permission)."
        case _ where AWSErrorCode.badCredentials.contains(code):
            return "Check your credentials: the access key or secret key is wrong or was deleted (see --profile and AWS_ACCESS_KEY_ID)."
        case _ where AWSErrorCode.expiredToken.contains(code):
            return "Your session credentials have expired: refresh them (for example `aws sso login`) and try again."
        case .requestTimeTooSkewed, .requestExpired:
            return "Check this computer's clock."
        case AWSErrorCode.noSuchEntity:
            return "Check the name or ARN; it may be in another account or partition."
        case AWSErrorCode.entityAlreadyExists:
            return "Choose another name, or edit the existing one."
        case AWSErrorCode.limitExceeded:
            return "An IAM quota was reached (for example roles per account or policies per role); remove something or ask AWS for a higher quota."
        case AWSErrorCode.malformedPolicyDocument:
            return "Fix the policy document and try again."
        case AWSErrorCode.deleteConflict:
            return "Detach its policies and remove it from instance profiles first."
        case _ where AWSErrorCode.throttling.contains(code):
            return "AWS kept throttling the requests; wait a moment, or raise --max-attempts."
        default:
            return nil
        }
    }
}
