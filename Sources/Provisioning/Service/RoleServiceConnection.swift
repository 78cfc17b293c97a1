public import IAMClient

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
    /// The signed IAM client.
    public var iam: any IAMOperations
    /// The signed STS client, for the caller's identity.
    public var sts: any STSOperations
    /// `aws`, `aws-cn`, `aws-us-gov`: the ARN prefix of everything created.
    public var partition: String
    /// The session's region, shown on the start screen; IAM is global.
    public var region: String
    /// The profile the session was made from.
    public var profile: String
    /// Where the credentials came from (`environment`, `profile dev`...); empty when not known.
    public var credentialSource: String

    /// The defaults (`aws`, `us-east-1`, `default`) suit tests with fake clients.
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
    /// Why there are no credentials, in a sentence for the start screen or stderr.
    public var message: String
    /// Each credential source tried, in order; empty when the chain did not run dry but failed another way.
    public var attempts: [CredentialSourceAttempt]
    /// The partition the session would use, so offline plans and exports name the right ARNs.
    public var partition: String
    /// The session's region, shown on the start screen.
    public var region: String
    /// The profile the session was made from, shown on the start screen.
    public var profile: String

    /// The defaults (`aws`, `us-east-1`, `default`) suit tests.
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
