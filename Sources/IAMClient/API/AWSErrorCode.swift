/// An AWS error code, such as `NoSuchEntity`: its own type, so that a code is
/// never mistaken for a message, a name or an action, and the codes rolewiz
/// reacts to are named once (the planner, the applier, the retry policy, the
/// clock correction and the advice people read all use these members).
///
/// Any text is a code: one nobody here knows keeps the text AWS sent and
/// prints as it, so it still reaches the message whole.
public struct AWSErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The code exactly as AWS sent it.
    public let rawValue: String

    /// Any text; an unknown code keeps what AWS sent.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A code written in the source (test fixtures, emulator answers).
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// The text AWS sent, so messages read `NoSuchEntity: ...` as before.
    public var description: String { rawValue }
}

extension AWSErrorCode {
    /// The role, policy or profile named does not exist.
    public static let noSuchEntity: AWSErrorCode = "NoSuchEntity"
    /// Something of that name exists already.
    public static let entityAlreadyExists: AWSErrorCode = "EntityAlreadyExists"
    /// A quota; also AddRoleToInstanceProfile on a profile that already holds a role.
    public static let limitExceeded: AWSErrorCode = "LimitExceeded"
    /// IAM refused a policy document's grammar.
    public static let malformedPolicyDocument: AWSErrorCode = "MalformedPolicyDocument"
    /// The entity is still in use (attached policies, a profile's role) and cannot be deleted yet.
    public static let deleteConflict: AWSErrorCode = "DeleteConflict"
    /// The signing time is too far from AWS's clock.
    public static let requestTimeTooSkewed: AWSErrorCode = "RequestTimeTooSkewed"
    /// The signed request is older than AWS accepts.
    public static let requestExpired: AWSErrorCode = "RequestExpired"
    /// The signature does not match: a wrong secret key, or (with a message saying so) a wrong clock.
    public static let signatureDoesNotMatch: AWSErrorCode = "SignatureDoesNotMatch"
    /// The JSON services' name for a signature that does not match.
    public static let invalidSignatureException: AWSErrorCode = "InvalidSignatureException"
    /// EC2-style services' name for a signature that does not match.
    public static let authFailure: AWSErrorCode = "AuthFailure"

    /// Organizations: the caller's account is in no organization.
    public static let organizationsNotInUse: AWSErrorCode = "AWSOrganizationsNotInUseException"
    /// The credentials do not allow the call.
    public static let accessDenied: Set<AWSErrorCode> = ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]
    /// The access key or its secret is wrong, or was deleted.
    public static let badCredentials: Set<AWSErrorCode> = [
        "InvalidClientTokenId", "UnrecognizedClientException", signatureDoesNotMatch, "IncompleteSignature",
    ]
    /// Session credentials past their end.
    public static let expiredToken: Set<AWSErrorCode> = ["ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired"]
    /// The request's time was wrong.
    public static let clockSkew: Set<AWSErrorCode> = [requestTimeTooSkewed, requestExpired, "RequestInTheFuture"]
    /// A wrong signature, which a wrong clock also gives (the message tells them apart).
    public static let signatureMismatch: Set<AWSErrorCode> = [invalidSignatureException, signatureDoesNotMatch, authFailure]
    /// "Slow down" rather than "you are wrong".
    public static let throttling: Set<AWSErrorCode> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException",
    ]
    /// Failures on AWS's side that usually pass.
    public static let transient: Set<AWSErrorCode> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
        "ServiceUnavailable", "ServiceFailure", "IDPCommunicationError",
    ]
}
