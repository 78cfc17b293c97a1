import Foundation
import SafeText

/// The IAM Identity Center portal API (botocore's `sso` service, 2019-06-10),
/// of which rolewiz needs one call: GetRoleCredentials, which trades the
/// sign-in's access token for a role's temporary credentials.
struct SSOPortalClient: Sendable {
    var client: RESTJSONClient

    init(endpoint: URL, transport: any HTTPTransport) {
        client = RESTJSONClient(endpoint: endpoint, transport: transport, service: "SSO portal")
    }

    /// `GET /federation/credentials?role_name=&account_id=` with the token in
    /// `x-amz-sso_bearer_token`; `roleCredentials.expiration` is in milliseconds.
    func getRoleCredentials(roleName: String, accountId: String, accessToken: String, source: String) async throws -> AWSCredentials {
        let answer = try await client.get(
            "GetRoleCredentials", path: "/federation/credentials",
            query: [("role_name", roleName), ("account_id", accountId)],
            headers: [("x-amz-sso_bearer_token", accessToken)])
        guard let role = answer["roleCredentials"] as? [String: Any],
              let accessKeyId = role["accessKeyId"] as? String, !accessKeyId.isEmpty,
              let secret = role["secretAccessKey"] as? String, !secret.isEmpty
        else {
            throw SSOServiceError(service: client.service, operation: "GetRoleCredentials", status: 200, code: "MalformedResponse", message: "roleCredentials lacks accessKeyId or secretAccessKey")
        }
        let token = role["sessionToken"] as? String
        SecretRedactor.shared.register(secret)
        if let token { SecretRedactor.shared.register(token) }
        let expiration = (role["expiration"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue / 1000) }
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token, expiration: expiration, source: source)
    }
}
