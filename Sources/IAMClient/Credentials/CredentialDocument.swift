import Foundation

/// The JSON credential documents that `credential_process`, container endpoints
/// and instance metadata print: `AccessKeyId`, `SecretAccessKey`, a token field
/// (`SessionToken` or `Token`) and an ISO 8601 `Expiration`.
///
/// Errors name the missing or malformed field but never quote the document,
/// because it holds the secret.
struct CredentialDocument {
    /// Where the document came from, as the error messages say it ("credential_process output").
    var what: String
    /// The name of the session token field.
    var tokenField: String
    /// Attributed to this source on failure.
    var source: String
    var errorKind: CredentialError.Kind

    /// The fields and the credentials; refuses credentials whose
    /// `Expiration` is not after `now`, as botocore does after a refresh
    /// (nil for instance metadata, whose stale credentials botocore keeps
    /// using through an outage).
    func decode(_ data: Data, now: Date?) throws -> (fields: [String: Any], credentials: AWSCredentials) {
        guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
            throw failure("\(what) is not a JSON object")
        }
        let accessKeyId = try requiredString("AccessKeyId", in: fields)
        let secret = try requiredString("SecretAccessKey", in: fields)
        let token = try optionalString(tokenField, in: fields)
        var expiration: Date?
        if let text = try optionalString("Expiration", in: fields) {
            guard let date = Self.parseISO8601(text) else {
                throw failure("\(what) has an Expiration that is not an ISO 8601 time: \(text)")
            }
            if let now, date <= now {
                throw failure("\(what) has credentials that expired at \(text); the source handed out stale credentials")
            }
            expiration = date
        }
        let credentials = AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token,
            expiration: expiration, source: source
        )
        return (fields, credentials)
    }

    func failure(_ message: String) -> CredentialError {
        CredentialError(source: source, kind: errorKind, message: message)
    }

    private func requiredString(_ field: String, in fields: [String: Any]) throws -> String {
        guard let value = try optionalString(field, in: fields) else {
            throw failure("\(what) lacks \(field)")
        }
        return value
    }

    private func optionalString(_ field: String, in fields: [String: Any]) throws -> String? {
        guard let raw = fields[field], !(raw is NSNull) else { return nil }
        guard let value = raw as? String else { throw failure("\(what) has a \(field) that is not a string") }
        return value.isEmpty ? nil : value
    }

    /// `2024-05-01T12:00:00Z`, with or without fractional seconds or a numeric offset.
    static func parseISO8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
