import Foundation

/// The STS Query API (version 2011-06-15), signed for service `sts`.
public struct STSService: STSOperations {
    /// Sent as `Version` with every call.
    public static let apiVersion = "2011-06-15"

    /// Signed with the source credentials, or unsigned when it has none.
    public let client: ServiceClient

    /// `client` decides the signing: a session's own, or one built on a source profile's credentials.
    public init(client: ServiceClient) {
        self.client = client
    }

    /// Who the credentials belong to; it needs no permission, so it is the cheap check that credentials work.
    public func getCallerIdentity() async throws -> CallerIdentity {
        try await client.call("GetCallerIdentity") { result in
            CallerIdentity(
                account: try result.requiredText("Account"),
                arn: try result.requiredText("Arn"),
                userId: try result.requiredText("UserId"))
        }
    }

    /// AssumeRole without MFA; see the five-argument form.
    public func assumeRole(
        roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?
    ) async throws -> AWSCredentials {
        try await assumeRole(roleArn: roleArn, sessionName: sessionName, externalId: externalId, durationSeconds: durationSeconds, mfa: nil)
    }

    /// Fails before sending when the client has no credentials; the answer's credentials are temporary and carry their expiry.
    public func assumeRole(
        roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?, mfa: MFAToken?
    ) async throws -> AWSCredentials {
        guard client.credentials != nil else {
            throw ClientConfigurationError("AssumeRole of \(roleArn) needs source credentials, and none were given.")
        }
        var parameters = QueryParameters([("RoleArn", roleArn), ("RoleSessionName", sessionName)])
        parameters.add("ExternalId", externalId)
        parameters.add("DurationSeconds", durationSeconds)
        parameters.add("SerialNumber", mfa?.serialNumber)
        parameters.add("TokenCode", mfa?.tokenCode)
        return try await client.call("AssumeRole", parameters.items) { result in
            try Self.credentials(in: result, source: "assumed role \(roleArn)")
        }
    }

    /// Sent unsigned whatever the client holds: the OIDC token is the proof.
    public func assumeRoleWithWebIdentity(
        roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?
    ) async throws -> AWSCredentials {
        var parameters = QueryParameters([
            ("RoleArn", roleArn), ("RoleSessionName", sessionName), ("WebIdentityToken", webIdentityToken),
        ])
        parameters.add("DurationSeconds", durationSeconds)
        return try await client.unsigned().call("AssumeRoleWithWebIdentity", parameters.items) { result in
            try Self.credentials(in: result, source: "web identity role \(roleArn)")
        }
    }

    /// The `<Credentials>` element of AssumeRole and AssumeRoleWithWebIdentity.
    static func credentials(in result: ResponseElement, source: String) throws -> AWSCredentials {
        let element = try result.required("Credentials")
        return AWSCredentials(
            accessKeyId: try element.requiredText("AccessKeyId"),
            secretAccessKey: try element.requiredText("SecretAccessKey"),
            sessionToken: try element.requiredText("SessionToken"),
            expiration: element.date("Expiration"),
            source: source)
    }
}
