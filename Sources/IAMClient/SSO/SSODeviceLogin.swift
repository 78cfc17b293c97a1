import Foundation

/// Signing in to IAM Identity Center with the OAuth device authorization grant,
/// as `aws sso login` does: register a public client, start a device
/// authorization, show the person the verification URL and code (they approve
/// in any browser, on any machine: this one may be a server reached over SSH),
/// poll CreateToken at the interval the service asks for (5 s more after each
/// `slow_down`) until approval, refusal, or the code's `expiresIn`; then write
/// the token where the AWS CLI reads it.
public struct SSODeviceLogin: Sendable {
    /// The profile being signed in for, named in messages.
    public var profile: String
    /// The start URL, region, scopes and cache key of that profile.
    public var configuration: SSOConfiguration
    /// The OIDC API the flow talks to.
    public var oidc: SSOOIDCClient
    /// Where the token goes, shared with `aws sso login`.
    public var cache: SSOTokenCache
    /// The clock; injectable so tests can expire codes and registrations.
    public var now: @Sendable () -> Date
    /// The wait between polls; injectable so tests need not wait.
    public var sleep: @Sendable (TimeInterval) async throws -> Void

    /// botocore's `_DEFAULT_INTERVAL` and `_SLOW_DOWN_DELAY`.
    public static let defaultInterval = 5
    /// Seconds added to the poll interval at each `SlowDownException`.
    public static let slowDownDelay = 5

    /// `standard(profileOption:environment:transport:)` builds one from the real files; tests pass fakes and a sleep that does not wait.
    public init(
        profile: String, configuration: SSOConfiguration, oidc: SSOOIDCClient, cache: SSOTokenCache,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000)) }
    ) {
        self.profile = profile
        self.configuration = configuration
        self.oidc = oidc
        self.cache = cache
        self.now = now
        self.sleep = sleep
    }

    /// The login for `--profile` (else `AWS_PROFILE`, else `default`): its
    /// IAM Identity Center settings, the OIDC endpoint, the CLI's token cache.
    public static func standard(
        profileOption: String?, environment: [String: String], transport: (any HTTPTransport)? = nil
    ) throws -> SSODeviceLogin {
        let profiles = ProfileStore.load(environment: environment)
        let (name, settings) = try AWSSession.resolveProfile(profileOption, environment: environment, profiles: profiles)
        try ProfileCredentialResolver.checkFiles(profiles, profile: name)
        let configuration = try SSOConfiguration.signIn(profile: name, in: profiles)
        let endpoint = try SSOEndpoints.oidc(region: configuration.region, environment: environment, profile: settings, profileName: name)
        return SSODeviceLogin(
            profile: name, configuration: configuration,
            oidc: SSOOIDCClient(endpoint: endpoint, transport: transport ?? URLSessionTransport(environment: environment)),
            cache: SSOTokenCache(home: profiles.home ?? ""))
    }

    /// Runs the flow; `show` gets the URL and code as soon as they are known.
    /// Returns the token, already written to the cache.
    @discardableResult
    public func run(show: @Sendable (SSOOIDCClient.DeviceAuthorization) async -> Void) async throws -> SSOToken {
        let registration = try await register()
        let authorization = try await oidc.startDeviceAuthorization(registration, startURL: configuration.startURL)
        await show(authorization)
        let deadline = now().addingTimeInterval(TimeInterval(authorization.expiresIn))
        var interval = authorization.interval ?? Self.defaultInterval
        while true {
            do {
                let answer = try await oidc.createToken(registration, deviceCode: authorization.deviceCode)
                let token = token(from: answer, registration: registration)
                try cache.write(token, for: configuration)
                return token
            } catch let error as SSOServiceError where error.code == "AuthorizationPendingException" {
                // Not approved yet.
            } catch let error as SSOServiceError where error.code == "SlowDownException" {
                interval += Self.slowDownDelay
            } catch let error as SSOServiceError where error.code == "ExpiredTokenException" {
                throw SSOLoginError("the code \(authorization.userCode) expired before it was approved", canRetry: true)
            } catch let error as SSOServiceError where error.code == "AccessDeniedException" {
                throw SSOLoginError("the sign-in was denied in the browser")
            }
            guard now().addingTimeInterval(TimeInterval(interval)) < deadline else {
                throw SSOLoginError("the code \(authorization.userCode) was not approved within \(authorization.expiresIn) s", canRetry: true)
            }
            try await sleep(TimeInterval(interval))
        }
    }

    /// A registration kept in the cached token is used again while it has a
    /// day left; otherwise a new public client is registered.
    private func register() async throws -> SSOOIDCClient.Registration {
        if let cached = try? cache.read(configuration), let clientId = cached.clientId, let clientSecret = cached.clientSecret,
           let expiresAt = cached.registrationExpiresAt, expiresAt.timeIntervalSince(now()) > 86_400 {
            return SSOOIDCClient.Registration(clientId: clientId, clientSecret: clientSecret, expiresAt: expiresAt)
        }
        let name = "rolewiz-\(Int(now().timeIntervalSince1970))"
        return try await oidc.registerClient(name: name, scopes: configuration.registrationScopes)
    }

    /// What the AWS CLI writes: the registration and refresh token only for
    /// `sso_session` sign-ins, which are the ones it refreshes.
    private func token(from answer: SSOOIDCClient.Token, registration: SSOOIDCClient.Registration) -> SSOToken {
        let expiresAt = now().addingTimeInterval(TimeInterval(answer.expiresIn))
        guard configuration.sessionName != nil else {
            return SSOToken(startURL: configuration.startURL, region: configuration.region, accessToken: answer.accessToken, expiresAt: expiresAt)
        }
        return SSOToken(
            startURL: configuration.startURL, region: configuration.region, accessToken: answer.accessToken, expiresAt: expiresAt,
            refreshToken: answer.refreshToken, clientId: registration.clientId, clientSecret: registration.clientSecret,
            registrationExpiresAt: registration.expiresAt)
    }
}

/// The device sign-in did not complete: denied, expired, or never approved.
/// `message` says what happened; the description adds how to try again on
/// the command line, which a screen with its own way (`s`) leaves out.
public struct SSOLoginError: Error, Sendable, CustomStringConvertible {
    /// What happened, without advice.
    public var message: String
    /// Signing in again can work (the code ran out, rather than being denied).
    public var canRetry: Bool
    /// `canRetry` adds "run `rolewiz login` again" to the description.
    public init(_ message: String, canRetry: Bool = false) {
        self.message = message
        self.canRetry = canRetry
    }
    /// `message`, with how to try again on the command line when that can work.
    public var description: String { message + (canRetry ? "; run `rolewiz login` again" : "") }
}

