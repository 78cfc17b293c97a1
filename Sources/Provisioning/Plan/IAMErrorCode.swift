import IAMClient

/// The IAM error codes the planner and applier react to.
enum IAMErrorCode {
    static let noSuchEntity = "NoSuchEntity"
    static let entityAlreadyExists = "EntityAlreadyExists"
    /// AddRoleToInstanceProfile on a profile that already holds a role.
    static let limitExceeded = "LimitExceeded"
}

extension Error {
    /// The AWS error code when this is an error answered by IAM.
    var awsErrorCode: String? { (self as? AWSError)?.code }
}
