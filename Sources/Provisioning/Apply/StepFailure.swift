internal import IAMClient

/// Why a step of an apply did not happen: the step and the AWS error code
/// (or the kind of failure when IAM never answered).
public struct StepFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Used when a change cannot be made through the calls rolewiz uses.
    public static let unsupportedCode = "Unsupported"

    /// The step that failed.
    public var step: ApplyStep
    /// The AWS error code (`NoSuchEntity`, `MalformedPolicyDocument`, ...), or
    /// `connectionLost`/`timedOut`/... for a transport failure, or `Unsupported`.
    public var code: String
    /// The error's message as AWS or the transport gave it, for the person reading the summary.
    public var message: String
    /// The error IAM answered, when it did.
    var awsError: AWSError?

    /// What went wrong, for a person: IAM's answer with the advice the
    /// command line gives (`AWSErrorAdvice`), or a transport failure as it is.
    public var explanation: String {
        awsError.map(AWSErrorAdvice.message(for:)) ?? "\(message) (\(code))"
    }

    /// For a failure rolewiz decides itself, such as `unsupportedCode`; errors caught from calls are turned into one internally.
    public init(step: ApplyStep, code: String, message: String) {
        self.init(step: step, code: code, message: message, awsError: nil)
    }

    init(step: ApplyStep, code: String, message: String, awsError: AWSError?) {
        self.step = step
        self.code = code
        self.message = message
        self.awsError = awsError
    }

    init(step: ApplyStep, error: any Error) {
        switch error {
        case let failure as StepFailure:
            self = failure
            self.step = step
        case let aws as AWSError:
            self.init(step: step, code: aws.code.rawValue, message: aws.message, awsError: aws)
        case let transport as TransportError:
            self.init(step: step, code: transport.kind.rawValue, message: transport.message)
        case is CancellationError:
            self.init(step: step, code: "Cancelled", message: "the task was cancelled")
        default:
            self.init(step: step, code: String(describing: type(of: error)), message: String(describing: error))
        }
    }

    /// One line naming the step, its IAM action, the code and the message.
    public var description: String {
        "\(step.description) (\(step.action)) failed: \(code): \(message)"
    }
}
