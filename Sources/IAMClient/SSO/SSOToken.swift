import Foundation
import SafeText

/// An IAM Identity Center sign-in as the AWS CLI caches it in
/// `~/.aws/sso/cache/SHA1.json`: the access token and when it expires, and for
/// `sso_session` sign-ins the client registration and refresh token that let it
/// be renewed without a browser. Its `description` shows no secret.
public struct SSOToken: Sendable, Hashable, CustomStringConvertible {
    /// The access portal URL the token belongs to.
    public var startURL: String
    /// The `sso_region` whose portal API accepts the token.
    public var region: String
    /// Secret: the bearer token for the portal API.
    public var accessToken: String
    /// When `accessToken` stops working; checked before use, and refreshed when a refresh token allows.
    public var expiresAt: Date
    /// Secret; only `sso_session` sign-ins have one.
    public var refreshToken: String?
    /// The registration that may refresh the token; nil for legacy sign-ins.
    public var clientId: String?
    /// Secret: the registration's own; nil for legacy sign-ins.
    public var clientSecret: String?
    /// When the registration ends, after which a browser sign-in is needed again.
    public var registrationExpiresAt: Date?

    /// Registers every secret given with the redactor.
    public init(
        startURL: String, region: String, accessToken: String, expiresAt: Date, refreshToken: String? = nil,
        clientId: String? = nil, clientSecret: String? = nil, registrationExpiresAt: Date? = nil
    ) {
        self.startURL = startURL
        self.region = region
        self.accessToken = accessToken
        self.expiresAt = expiresAt
        self.refreshToken = refreshToken
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.registrationExpiresAt = registrationExpiresAt
        for secret in [accessToken, refreshToken, clientSecret].compactMap({ $0 }) { SecretRedactor.shared.register(secret) }
    }

    /// The start URL, region and expiry, and whether it can be refreshed: no secret.
    public var description: String {
        "SSOToken(startURL: \(startURL), region: \(region), expiresAt: \(AWSTimestamp.format(expiresAt)), refreshable: \(refreshToken != nil))"
    }

    /// Reads the CLI's JSON; nil when `accessToken` or `expiresAt` is missing,
    /// which botocore calls an invalid token.
    init?(json data: Data) {
        guard let fields = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        // Every secret is registered before anything else can look at it.
        for key in ["accessToken", "refreshToken", "clientSecret"] {
            if let secret = fields[key] as? String { SecretRedactor.shared.register(secret) }
        }
        guard let accessToken = fields["accessToken"] as? String,
              let expiresText = fields["expiresAt"] as? String,
              let expiresAt = CLICredentialCache.parseExpiration(expiresText)
        else { return nil }
        self.init(
            startURL: fields["startUrl"] as? String ?? "", region: fields["region"] as? String ?? "",
            accessToken: accessToken, expiresAt: expiresAt, refreshToken: fields["refreshToken"] as? String,
            clientId: fields["clientId"] as? String, clientSecret: fields["clientSecret"] as? String,
            registrationExpiresAt: (fields["registrationExpiresAt"] as? String).flatMap(CLICredentialCache.parseExpiration))
    }

    /// The CLI's format: camel-case keys, times as `2026-12-02T08:00:00Z`.
    var json: Data {
        var fields: [String: Any] = [
            "startUrl": startURL, "region": region, "accessToken": accessToken, "expiresAt": AWSTimestamp.format(expiresAt),
        ]
        if let clientId { fields["clientId"] = clientId }
        if let clientSecret { fields["clientSecret"] = clientSecret }
        if let registrationExpiresAt { fields["registrationExpiresAt"] = AWSTimestamp.format(registrationExpiresAt) }
        if let refreshToken { fields["refreshToken"] = refreshToken }
        return (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}

/// The AWS CLI's token cache directory, `~/.aws/sso/cache`, shared with `aws sso login`.
public struct SSOTokenCache: Sendable {
    /// `HOME/.aws/sso/cache`, where both tools read and write tokens.
    public var directory: String

    /// The cache under `home` (the `HOME` of the environment rolewiz was given).
    public init(home: String) {
        directory = home + "/.aws/sso/cache"
    }

    /// `SHA1(session name or start URL).json`.
    public func path(for configuration: SSOConfiguration) -> String {
        directory + "/" + CLICacheFileName.sha1Hex(configuration.tokenCacheKey) + ".json"
    }

    /// The cached sign-in, nil when there is none; an unreadable or invalid file is an error.
    func read(_ configuration: SSOConfiguration) throws(InputFileError) -> SSOToken? {
        let file = path(for: configuration)
        let text: String
        do {
            text = try InputFile.read(file)
        } catch where error.reason == .notFound {
            return nil
        }
        return SSOToken(json: Data(text.utf8))
    }

    /// Replaces the cached sign-in atomically, readable by the owner only.
    public func write(_ token: SSOToken, for configuration: SSOConfiguration) throws {
        try PrivateFile.write(token.json, to: path(for: configuration))
    }
}
