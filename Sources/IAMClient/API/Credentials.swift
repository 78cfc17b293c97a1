import Foundation
import SafeText
import SigV4

/// AWS credentials. `description` never shows the secret or the token.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Not secret: messages show it so people can tell which key was used.
    public var accessKeyId: String
    /// Secret: registered for redaction on creation, and never printed by `description`.
    public var secretAccessKey: String
    /// Secret; nil for long-term keys, set for temporary ones (STS, SSO, containers).
    public var sessionToken: String?
    /// Set for temporary credentials; providers refresh before this passes.
    public var expiration: Date?
    /// Where they came from, for messages ("environment", "profile dev", ...).
    public var source: String

    /// Registers the secret and the token with `SecretRedactor`, so no output can show them.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil, source: String = "") {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
        // Every output path redacts what is registered, so a server that
        // echoes these back cannot get them printed.
        SecretRedactor.shared.register(secretAccessKey)
        if let sessionToken { SecretRedactor.shared.register(sessionToken) }
    }

    /// The subset SigV4 needs to sign a request.
    public var signing: SigningCredentials {
        SigningCredentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    /// Shows the key ID and the source, never the secret or the token.
    public var description: String {
        "AWSCredentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "none" : "<redacted>"), source: \(source))"
    }
    /// The same as `description`, so `debugPrint` shows no secret either.
    public var debugDescription: String { description }
}

/// Anything that can produce credentials, refreshing them when needed.
public protocol CredentialProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}
