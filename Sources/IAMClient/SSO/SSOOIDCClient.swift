import Foundation
import SafeText

/// The IAM Identity Center OIDC API (botocore's `sso-oidc` service, 2019-06-10):
/// client registration, the device authorization grant, and token refresh.
/// Every secret in an answer (client secret, device code, tokens) is
/// registered with the redactor as soon as it is read.
public struct SSOOIDCClient: Sendable {
    var client: RESTJSONClient

    /// `endpoint` comes from `SSOEndpoints.oidc` (`oidc.REGION.DNS-SUFFIX` or an override); calls are unsigned, as the API wants, and tried once.
    public init(endpoint: URL, transport: any HTTPTransport) {
        client = RESTJSONClient(endpoint: endpoint, transport: transport, service: "SSO OIDC")
    }

    /// A registered public client: what StartDeviceAuthorization and CreateToken need.
    public struct Registration: Sendable, Hashable {
        /// The registered client's ID, sent with every later call.
        public var clientId: String
        /// Secret: registered with the redactor as soon as it is read.
        public var clientSecret: String
        /// When the registration ends; a cached one is reused while it has a day left.
        public var expiresAt: Date
    }

    /// What the person must do: open `verificationUri` and enter `userCode`
    /// (or open `verificationUriComplete`, which carries the code).
    public struct DeviceAuthorization: Sendable, Hashable {
        /// Secret: what CreateToken polls with; never shown to the person.
        public var deviceCode: String
        /// The short code the person types at `verificationUri`.
        public var userCode: String
        /// Where the person approves, in any browser.
        public var verificationUri: String
        /// The same page with the code filled in; nil when the service sent none.
        public var verificationUriComplete: String?
        /// Seconds the device code stays valid.
        public var expiresIn: Int
        /// Seconds to wait between CreateToken polls.
        public var interval: Int?
    }

    /// An access token, with the refresh token when the grant gives one.
    public struct Token: Sendable, Hashable {
        /// Secret: the bearer token for the portal API.
        public var accessToken: String
        /// Seconds from now until `accessToken` expires.
        public var expiresIn: Int
        /// Secret; lets the token be renewed without a browser. Nil when the grant gives none.
        public var refreshToken: String?
    }

    /// `POST /client/register`.
    public func registerClient(name: String, scopes: [String]) async throws -> Registration {
        var body: [String: Any] = ["clientName": name, "clientType": "public"]
        if !scopes.isEmpty { body["scopes"] = scopes }
        let answer = try await client.post("RegisterClient", path: "/client/register", body: body)
        let secret = try string("clientSecret", in: answer, operation: "RegisterClient")
        SecretRedactor.shared.register(secret)
        let expires = (answer["clientSecretExpiresAt"] as? NSNumber)?.doubleValue ?? 0
        return Registration(
            clientId: try string("clientId", in: answer, operation: "RegisterClient"), clientSecret: secret,
            expiresAt: Date(timeIntervalSince1970: expires))
    }

    /// `POST /device_authorization`.
    public func startDeviceAuthorization(_ registration: Registration, startURL: String) async throws -> DeviceAuthorization {
        let answer = try await client.post("StartDeviceAuthorization", path: "/device_authorization", body: [
            "clientId": registration.clientId, "clientSecret": registration.clientSecret, "startUrl": startURL,
        ])
        let deviceCode = try string("deviceCode", in: answer, operation: "StartDeviceAuthorization")
        SecretRedactor.shared.register(deviceCode)
        return DeviceAuthorization(
            deviceCode: deviceCode,
            userCode: try string("userCode", in: answer, operation: "StartDeviceAuthorization"),
            verificationUri: try string("verificationUri", in: answer, operation: "StartDeviceAuthorization"),
            verificationUriComplete: answer["verificationUriComplete"] as? String,
            expiresIn: (answer["expiresIn"] as? NSNumber)?.intValue ?? 600,
            interval: (answer["interval"] as? NSNumber)?.intValue)
    }

    /// `POST /token` with grant `urn:ietf:params:oauth:grant-type:device_code`.
    func createToken(_ registration: Registration, deviceCode: String) async throws -> Token {
        try await createToken(registration, grant: [
            "grantType": "urn:ietf:params:oauth:grant-type:device_code", "deviceCode": deviceCode,
        ])
    }

    /// `POST /token` with grant `refresh_token`.
    func createToken(clientId: String, clientSecret: String, refreshToken: String) async throws -> Token {
        try await createToken(Registration(clientId: clientId, clientSecret: clientSecret, expiresAt: .distantFuture), grant: [
            "grantType": "refresh_token", "refreshToken": refreshToken,
        ])
    }

    private func createToken(_ registration: Registration, grant: [String: String]) async throws -> Token {
        var body: [String: Any] = ["clientId": registration.clientId, "clientSecret": registration.clientSecret]
        for (key, value) in grant { body[key] = value }
        let answer = try await client.post("CreateToken", path: "/token", body: body)
        let accessToken = try string("accessToken", in: answer, operation: "CreateToken")
        SecretRedactor.shared.register(accessToken)
        let refreshToken = answer["refreshToken"] as? String
        if let refreshToken { SecretRedactor.shared.register(refreshToken) }
        if let idToken = answer["idToken"] as? String { SecretRedactor.shared.register(idToken) }
        return Token(accessToken: accessToken, expiresIn: (answer["expiresIn"] as? NSNumber)?.intValue ?? 0, refreshToken: refreshToken)
    }

    private func string(_ field: String, in answer: [String: Any], operation: String) throws -> String {
        guard let value = answer[field] as? String, !value.isEmpty else {
            throw SSOServiceError(service: client.service, operation: operation, status: 200, code: "MalformedResponse", message: "the answer lacks \(field)")
        }
        return value
    }
}
