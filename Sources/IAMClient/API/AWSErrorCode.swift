/// The AWS error codes rolewiz reacts to, named once: the planner, the
/// applier, the retry policy and the advice people read all use these,
/// rather than string literals of their own. `AWSError.code` stays the text
/// AWS sent, so codes nobody here knows still reach the message whole.
public enum AWSErrorCode {
    public static let noSuchEntity = "NoSuchEntity"
    public static let entityAlreadyExists = "EntityAlreadyExists"
    /// A quota; also AddRoleToInstanceProfile on a profile that already holds a role.
    public static let limitExceeded = "LimitExceeded"
    public static let malformedPolicyDocument = "MalformedPolicyDocument"
    public static let deleteConflict = "DeleteConflict"

    /// The credentials do not allow the call.
    public static let accessDenied: Set<String> = ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]
    /// The access key or its secret is wrong, or was deleted.
    public static let badCredentials: Set<String> = [
        "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "IncompleteSignature",
    ]
    /// Session credentials past their end.
    public static let expiredToken: Set<String> = ["ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired"]
    /// The request's time was wrong.
    public static let clockSkew: Set<String> = ["RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture"]
    /// "Slow down" rather than "you are wrong".
    public static let throttling: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException",
    ]
    /// Failures on AWS's side that usually pass.
    public static let transient: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
        "ServiceUnavailable", "ServiceFailure", "IDPCommunicationError",
    ]
}
