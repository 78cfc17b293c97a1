public import IAMClient

/// What an AWS error means and what to do about it, in the words both the
/// command line and the wizard show, so a screen says as much as `rolewiz`
/// does: the code, AWS's message, and advice for the codes people meet most.
public enum AWSErrorAdvice {
    /// STS's actions, whose permissions are named `sts:` rather than `iam:`.
    static let stsActions: Set<String> = ["GetCallerIdentity", "AssumeRole", "AssumeRoleWithWebIdentity"]
    /// The Organizations actions `--organization` reads with.
    static let organizationsActions: Set<String> = ["ListAccounts", "ListAccountsForParent", "ListOrganizationalUnitsForParent"]

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

    /// `sts:`, `organizations:` or `iam:`: the service an action's permission is named for.
    static func permissionPrefix(of action: String) -> String {
        if stsActions.contains(action) { return "sts:" }
        if organizationsActions.contains(action) { return "organizations:" }
        return "iam:"
    }

    /// What to do, for the codes with a known remedy; nil for the rest.
    public static func advice(for error: AWSError) -> String? {
        let permission = error.action.map { Self.permissionPrefix(of: $0) + $0 } ?? "this action"
        let code = error.code
        let readsOrganization = error.action.map(organizationsActions.contains) ?? false
        switch code {
        case _ where AWSErrorCode.accessDenied.contains(code) && readsOrganization:
            return "Check that your credentials allow \(permission): --organization runs as the organization's management account or a delegated administrator (or name the accounts with --accounts)."
        case AWSErrorCode.organizationsNotInUse:
            return "This account is in no AWS Organization: name the accounts with --accounts or --profiles instead."
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
