import IAMClient

/// How a `RoleService` reaches AWS, or why it cannot.
public enum RoleServiceConnection: Sendable {
    /// Signed IAM and STS clients for one account.
    case live(LiveConnection)
    /// No usable credentials: the role can still be designed, planned
    /// offline and exported.
    case offline(OfflineReason)
}

/// The clients and settings of a connected session.
public struct LiveConnection: Sendable {
    public var iam: any IAMOperations
    public var sts: any STSOperations
    /// `aws`, `aws-cn`, `aws-us-gov`: the ARN prefix of everything created.
    public var partition: String
    public var region: String
    public var profile: String
    /// Where the credentials came from (`environment`, `profile dev`...), when known.
    public var credentialSource: String

    public init(
        iam: any IAMOperations, sts: any STSOperations, partition: String = "aws", region: String = "us-east-1",
        profile: String = "default", credentialSource: String = ""
    ) {
        self.iam = iam
        self.sts = sts
        self.partition = partition
        self.region = region
        self.profile = profile
        self.credentialSource = credentialSource
    }
}

/// Why there is no connection: a sentence, and when the credential chain
/// ran dry, every source it tried and what each lacked.
public struct OfflineReason: Sendable {
    public var message: String
    public var attempts: [CredentialSourceAttempt]
    public var partition: String
    public var region: String
    public var profile: String

    public init(
        message: String, attempts: [CredentialSourceAttempt] = [], partition: String = "aws",
        region: String = "us-east-1", profile: String = "default"
    ) {
        self.message = message
        self.attempts = attempts
        self.partition = partition
        self.region = region
        self.profile = profile
    }

    /// One line per source tried, for a screen or stderr.
    public var triedSources: [String] { attempts.map(\.description) }
}
