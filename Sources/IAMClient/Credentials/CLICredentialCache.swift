import Foundation
import SafeText

/// The AWS CLI's cache of temporary credentials, `~/.aws/cli/cache/NAME.json`,
/// read and written in its format (`{"Credentials": {"AccessKeyId": ...,
/// "SecretAccessKey": ..., "SessionToken": ..., "Expiration": ...}}`), so that a
/// role assumed with an MFA code by either tool serves both until it expires.
struct CLICredentialCache: Sendable {
    var directory: String
    var now: @Sendable () -> Date

    /// botocore takes cached credentials only while 15 minutes remain
    /// (`CachedCredentialFetcher.DEFAULT_EXPIRY_WINDOW_SECONDS`).
    static let usableWindow: TimeInterval = 15 * 60

    static func directory(home: String) -> String { home + "/.aws/cli/cache" }

    /// A provider that answers from the file while it is fresh, and otherwise
    /// asks `base` and writes what it got.
    /// `source` names cached credentials in messages (`profile dev (role ..., from the AWS CLI cache)`).
    func provider(for fileName: String, fetching base: any CredentialProvider, source: String) -> any CredentialProvider {
        FileBackedProvider(cache: self, path: directory + "/" + fileName, base: base, source: source)
    }

    /// The cached credentials at `path`, or nil when missing, unreadable, or near expiry.
    func read(_ path: String) -> AWSCredentials? {
        guard let text = try? InputFile.read(path),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let fields = object["Credentials"] as? [String: Any],
              let accessKeyId = fields["AccessKeyId"] as? String,
              let secret = fields["SecretAccessKey"] as? String,
              let expirationText = fields["Expiration"] as? String,
              let expiration = Self.parseExpiration(expirationText)
        else { return nil }
        let token = fields["SessionToken"] as? String
        // Registered before anything else can print them.
        SecretRedactor.shared.register(secret)
        if let token { SecretRedactor.shared.register(token) }
        guard expiration.timeIntervalSince(now()) >= Self.usableWindow else { return nil }
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }

    /// Writes atomically (a temporary file renamed over the old one), readable by the owner only.
    func write(_ credentials: AWSCredentials, to path: String) throws {
        var fields: [String: Any] = [
            "AccessKeyId": credentials.accessKeyId, "SecretAccessKey": credentials.secretAccessKey,
        ]
        if let token = credentials.sessionToken { fields["SessionToken"] = token }
        if let expiration = credentials.expiration { fields["Expiration"] = Self.formatExpiration(expiration) }
        let data = try JSONSerialization.data(withJSONObject: ["Credentials": fields], options: [.sortedKeys])
        try PrivateFile.write(data, to: path)
    }

    /// What botocore writes: `2026-12-02T08:00:00UTC` (`strftime('%Y-%m-%dT%H:%M:%S%Z')`).
    static func formatExpiration(_ date: Date) -> String {
        String(AWSTimestamp.format(date).dropLast()) + "UTC"
    }

    /// `...Z`, `...+00:00` or botocore's `...UTC`.
    static func parseExpiration(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("UTC") { return AWSTimestamp.parse(String(trimmed.dropLast(3)) + "Z") }
        return AWSTimestamp.parse(trimmed)
    }

    private struct FileBackedProvider: CredentialProvider {
        let cache: CLICredentialCache
        let path: String
        let base: any CredentialProvider
        let source: String

        func credentials() async throws -> AWSCredentials {
            if var cached = cache.read(path) {
                cached.source = source
                return cached
            }
            let fresh = try await base.credentials()
            // A cache that cannot be written costs a second prompt later, nothing more.
            try? cache.write(fresh, to: path)
            return fresh
        }
    }
}
