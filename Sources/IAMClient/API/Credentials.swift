import Foundation
import SafeText
import SigV4

/// AWS credentials. `description` never shows the secret or the token.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// Set for temporary credentials; providers refresh before this passes.
    public var expiration: Date?
    /// Where they came from, for messages ("environment", "profile dev", ...).
    public var source: String

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

    public var signing: SigningCredentials {
        SigningCredentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    public var description: String {
        "AWSCredentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "none" : "<redacted>"), source: \(source))"
    }
    public var debugDescription: String { description }
}

/// Anything that can produce credentials, refreshing them when needed.
public protocol CredentialProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}
