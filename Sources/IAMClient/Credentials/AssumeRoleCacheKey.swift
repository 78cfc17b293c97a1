import Foundation

/// The name of a role's file in the AWS CLI's assume-role cache
/// (`~/.aws/cli/cache/NAME.json`): botocore's `_create_cache_key`, the SHA-1 of
/// the AssumeRole arguments as sorted JSON. A session name rolewiz made up is
/// left out, as botocore leaves out its generated one.
struct AssumeRoleCacheKey: Sendable, Hashable {
    var roleArn: String
    /// Only a configured `role_session_name`.
    var roleSessionName: String?
    var externalId: String?
    var serialNumber: String?
    var durationSeconds: Int?

    var arguments: String {
        var fields: [String: CLICacheFileName.JSONScalar] = ["RoleArn": .string(roleArn)]
        if let roleSessionName { fields["RoleSessionName"] = .string(roleSessionName) }
        if let externalId { fields["ExternalId"] = .string(externalId) }
        if let serialNumber { fields["SerialNumber"] = .string(serialNumber) }
        if let durationSeconds { fields["DurationSeconds"] = .int(durationSeconds) }
        return CLICacheFileName.pythonJSON(fields)
    }

    /// botocore also replaces `:` and `/` to make the name file-safe; a hex digest has neither.
    var fileName: String { CLICacheFileName.sha1Hex(arguments) + ".json" }
}
