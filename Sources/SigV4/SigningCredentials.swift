/// The three values a signature is made from. `description` hides the secrets
/// so a credential printed by accident does not leak.
public struct SigningCredentials: Sendable, Hashable, CustomStringConvertible {
    /// Not secret: it names the key, and appears in the `Authorization` header.
    public var accessKeyId: String
    /// Secret: only ever an HMAC key, never sent or printed.
    public var secretAccessKey: String
    /// Temporary credentials' token, sent as `X-Amz-Security-Token`; secret like the key.
    public var sessionToken: String?

    /// Long-term keys have no token; STS, SSO and the container hand out all three.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Names the key but hides the secret and the token, so printing credentials cannot leak them.
    public var description: String {
        "SigningCredentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "none" : "<redacted>"))"
    }
}
