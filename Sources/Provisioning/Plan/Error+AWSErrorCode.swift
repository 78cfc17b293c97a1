internal import IAMClient

extension Error {
    /// The AWS error code when this is an error answered by IAM (compare with `AWSErrorCode`'s names).
    var awsErrorCode: AWSErrorCode? { (self as? AWSError)?.code }
}
