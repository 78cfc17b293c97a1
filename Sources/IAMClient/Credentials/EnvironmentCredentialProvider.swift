import Foundation

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`
/// (or the older `AWS_SECURITY_TOKEN`), read from an explicit environment.
/// Its `description` does not show the environment, which holds the secret.
public struct EnvironmentCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible {
    /// How the chain and its messages name this source.
    public static let sourceName = "environment"

    private let environment: [String: String]

    /// The environment to read, passed in so tests need not set the process's own.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Names the type only: the environment holds the secret.
    public var description: String { "EnvironmentCredentialProvider()" }
    /// The same as `description`, so `debugPrint` shows no secret either.
    public var debugDescription: String { description }

    /// Reads the given environment at each call; throws `CredentialError` when the key is missing or has no secret.
    public func credentials() async throws -> AWSCredentials {
        guard let credentials = try Self.read(environment) else {
            throw CredentialError(source: Self.sourceName, kind: .invalidConfiguration, message: "AWS_ACCESS_KEY_ID is not set")
        }
        return credentials
    }

    static func locate(environment: [String: String]) throws -> SourceLocation {
        guard try read(environment) != nil else {
            return .notConfigured("AWS_ACCESS_KEY_ID not set")
        }
        return .provider(EnvironmentCredentialProvider(environment: environment))
    }

    /// Nil when no key is set; a key without its secret is a mistake worth stopping for.
    /// A secret without a key is ignored, as the AWS CLI does.
    static func read(_ environment: [String: String]) throws -> AWSCredentials? {
        guard let accessKeyId = environment.setting("AWS_ACCESS_KEY_ID") else { return nil }
        guard let secret = environment.setting("AWS_SECRET_ACCESS_KEY") else {
            throw CredentialError(
                source: sourceName, kind: .invalidConfiguration,
                message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
            )
        }
        return AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret,
            sessionToken: environment.setting("AWS_SESSION_TOKEN") ?? environment.setting("AWS_SECURITY_TOKEN"),
            source: sourceName
        )
    }
}
