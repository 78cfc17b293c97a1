import Foundation

/// IAM Identity Center on loopback: the portal's GetRoleCredentials and SSO
/// OIDC's RegisterClient, StartDeviceAuthorization and CreateToken, written from
/// botocore's service definitions (`botocore/data/sso/2019-06-10`,
/// `botocore/data/sso-oidc/2019-06-10`): REST/JSON, errors named in
/// `x-amzn-ErrorType` with OAuth-style `error` bodies for CreateToken.
///
/// Point rolewiz at it with `AWS_ENDPOINT_URL_SSO` and `AWS_ENDPOINT_URL_SSO_OIDC`
/// (both `baseURL`). Tokens, secrets and codes it issues contain `secretMarker`,
/// so a test can check none of them is printed.
public final class FakeIdentityCenter: @unchecked Sendable {
    /// How the device authorization goes: the person approves after this many polls.
    public struct Behaviour: Sendable {
        /// CreateToken polls answered `authorization_pending` before approval.
        public var pendingPolls = 1
        /// Answer the first poll with `slow_down`.
        public var slowDownFirst = false
        /// `interval` in StartDeviceAuthorization (seconds).
        public var interval = 1
        /// `expiresIn` in StartDeviceAuthorization (seconds).
        public var deviceCodeLifetime = 600
        /// Never approve: the flow must give up at `expiresIn`.
        public var neverApprove = false
        /// `expiresIn` of issued access tokens.
        public var tokenLifetime = 28_800
        /// Role credentials last this long (the portal sends milliseconds since 1970).
        public var roleCredentialLifetime: TimeInterval = 3600
        /// Error messages repeat the token they were given (as a careless server might).
        public var echoSecretsInErrors = true

        public init() {}
    }

    public static let secretMarker = "SSO-SECRET"

    public let server: FakeHTTPServer
    private let lock = NSLock()
    private let behaviour: Behaviour
    private var validAccessTokens: Set<String> = []
    private var validRefreshTokens: Set<String> = []
    private var serial = 0
    private var polls: [Date] = []
    private var refreshes = 0
    private var roleCalls: [(account: String, role: String)] = []
    private let now: @Sendable () -> Date

    /// - Parameter now: the clock for role credential expirations.
    public init(_ behaviour: Behaviour = Behaviour(), now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.behaviour = behaviour
        self.now = now
        let box = HandlerBox()
        server = try FakeHTTPServer { request in box.handle(request) }
        box.set { [unowned self] request in self.handle(request) }
    }

    deinit { server.stop() }

    public var baseURL: URL { server.baseURL }

    /// The environment that sends rolewiz's IAM Identity Center calls here.
    public var environment: [String: String] {
        ["AWS_ENDPOINT_URL_SSO": baseURL.absoluteString, "AWS_ENDPOINT_URL_SSO_OIDC": baseURL.absoluteString]
    }

    /// Makes `token` an access token the portal accepts (as if `aws sso login` had run).
    public func accept(accessToken token: String) { locked { _ = validAccessTokens.insert(token) } }
    /// Makes `token` a refresh token CreateToken accepts.
    public func accept(refreshToken token: String) { locked { _ = validRefreshTokens.insert(token) } }

    /// When each device-code CreateToken poll arrived.
    public var pollTimes: [Date] { locked { polls } }
    /// How many refresh_token grants were answered.
    public var refreshCount: Int { locked { refreshes } }
    /// Every GetRoleCredentials that was answered with credentials.
    public var roleCredentialCalls: [(account: String, role: String)] { locked { roleCalls } }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private func next(_ prefix: String) -> String {
        locked {
            serial += 1
            return "\(prefix)-\(Self.secretMarker)-\(serial)"
        }
    }

    // MARK: Requests

    private func handle(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Reply {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
        switch (request.method, path) {
        case ("GET", "/federation/credentials"): return roleCredentials(request)
        case ("POST", "/client/register"): return register(body)
        case ("POST", "/device_authorization"): return deviceAuthorization(body)
        case ("POST", "/token"): return token(body)
        default: return error(404, "ResourceNotFoundException", message: "no such operation \(request.method) \(path)")
        }
    }

    private func roleCredentials(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Reply {
        let query = URLComponents(string: "http://x\(request.path)")?.queryItems ?? []
        let value = { (name: String) in query.first { $0.name == name }?.value }
        guard let token = request.header("x-amz-sso_bearer_token"), locked({ validAccessTokens.contains(token) }) else {
            let echoed = behaviour.echoSecretsInErrors ? " (\(request.header("x-amz-sso_bearer_token") ?? "none"))" : ""
            return error(401, "UnauthorizedException", message: "Session token not found or invalid\(echoed)")
        }
        guard let account = value("account_id"), let role = value("role_name") else {
            return error(400, "InvalidRequestException", message: "account_id and role_name are required")
        }
        let callNumber = locked { () -> Int in
            roleCalls.append((account, role))
            return roleCalls.count
        }
        let expiration = Int64((now().timeIntervalSince1970 + behaviour.roleCredentialLifetime) * 1000)
        let serial = next("ROLE")
        return json([
            "roleCredentials": [
                "accessKeyId": "ASIASSO\(role.uppercased())\(callNumber)",
                "secretAccessKey": "secret-\(serial)", "sessionToken": "session-\(serial)", "expiration": expiration,
            ] as [String: Any],
        ])
    }

    private func register(_ body: [String: Any]) -> FakeHTTPServer.Reply {
        guard body["clientName"] is String, body["clientType"] as? String == "public" else {
            return error(400, "InvalidClientMetadataException", message: "clientName and clientType public are required")
        }
        let issued = Int(Date().timeIntervalSince1970)
        return json([
            "clientId": next("client-id"), "clientSecret": next("client-secret"),
            "clientIdIssuedAt": issued, "clientSecretExpiresAt": issued + 90 * 86_400,
        ])
    }

    private func deviceAuthorization(_ body: [String: Any]) -> FakeHTTPServer.Reply {
        guard body["clientId"] is String, body["clientSecret"] is String, let start = body["startUrl"] as? String else {
            return error(400, "InvalidRequestException", message: "clientId, clientSecret and startUrl are required")
        }
        let code = "WXYZ-ABCD"
        return json([
            "deviceCode": next("device-code"), "userCode": code,
            "verificationUri": "https://device.sso.example.com/",
            "verificationUriComplete": "https://device.sso.example.com/?user_code=\(code)&start=\(start.count)",
            "expiresIn": behaviour.deviceCodeLifetime, "interval": behaviour.interval,
        ])
    }

    private func token(_ body: [String: Any]) -> FakeHTTPServer.Reply {
        guard body["clientId"] is String, body["clientSecret"] is String, let grant = body["grantType"] as? String else {
            return oauthError("invalid_request", "clientId, clientSecret and grantType are required")
        }
        switch grant {
        case "urn:ietf:params:oauth:grant-type:device_code":
            let count = locked { () -> Int in
                polls.append(Date())
                return polls.count
            }
            if behaviour.slowDownFirst, count == 1 { return oauthError("slow_down", "Client is polling too fast") }
            if behaviour.neverApprove || count <= behaviour.pendingPolls + (behaviour.slowDownFirst ? 1 : 0) {
                return oauthError("authorization_pending", "Authorization is still pending")
            }
            return issueToken()
        case "refresh_token":
            guard let refresh = body["refreshToken"] as? String, locked({ validRefreshTokens.remove(refresh) != nil }) else {
                let echoed = behaviour.echoSecretsInErrors ? " \(body["refreshToken"] as? String ?? "")" : ""
                return oauthError("invalid_grant", "Invalid refresh token\(echoed)")
            }
            locked { refreshes += 1 }
            return issueToken()
        default:
            return oauthError("unsupported_grant_type", "unsupported grant \(grant)")
        }
    }

    private func issueToken() -> FakeHTTPServer.Reply {
        let access = next("access-token")
        let refresh = next("refresh-token")
        accept(accessToken: access)
        accept(refreshToken: refresh)
        return json(["accessToken": access, "tokenType": "Bearer", "expiresIn": behaviour.tokenLifetime, "refreshToken": refresh])
    }

    // MARK: Replies

    private func json(_ object: [String: Any]) -> FakeHTTPServer.Reply {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return .respond(status: 200, headers: [("Content-Type", "application/json")], body: data)
    }

    private func error(_ status: Int, _ code: String, message: String) -> FakeHTTPServer.Reply {
        let data = (try? JSONSerialization.data(withJSONObject: ["message": message])) ?? Data()
        return .respond(status: status, headers: [("Content-Type", "application/json"), ("x-amzn-ErrorType", code)], body: data)
    }

    /// CreateToken's errors: HTTP 400 with `error` and `error_description`.
    private func oauthError(_ error: String, _ description: String) -> FakeHTTPServer.Reply {
        let name = error.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Exception"
        let data = (try? JSONSerialization.data(withJSONObject: ["error": error, "error_description": description])) ?? Data()
        return .respond(status: 400, headers: [("Content-Type", "application/json"), ("x-amzn-ErrorType", name)], body: data)
    }

    /// Lets the server be created before the handler that refers to `self`.
    private final class HandlerBox: @unchecked Sendable {
        private let lock = NSLock()
        private var handler: (@Sendable (FakeHTTPServer.Request) -> FakeHTTPServer.Reply)?

        func set(_ handler: @escaping @Sendable (FakeHTTPServer.Request) -> FakeHTTPServer.Reply) {
            lock.lock()
            self.handler = handler
            lock.unlock()
        }

        func handle(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Reply {
            lock.lock()
            let handler = self.handler
            lock.unlock()
            return handler?(request) ?? .status(503, "starting")
        }
    }
}
