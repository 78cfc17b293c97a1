import Foundation

/// The access token of an IAM Identity Center sign-in, from the AWS CLI's cache,
/// renewed as botocore's `SSOTokenProvider` renews it: when less than 15 minutes
/// remain and the sign-in is an `sso_session` one with a refresh token and an
/// unexpired client registration, SSO OIDC CreateToken (grant `refresh_token`)
/// gets a new one, which is written back to the same file in the same format.
/// A refresh that fails leaves the old token in use while it lasts.
///
/// An actor, so that concurrent callers share one read and one refresh.
actor SSOTokenProvider {
    /// botocore's `_REFRESH_WINDOW`.
    static let refreshWindow: TimeInterval = 15 * 60

    let configuration: SSOConfiguration
    let cache: SSOTokenCache
    let oidc: SSOOIDCClient
    let profile: String
    let now: @Sendable () -> Date

    init(configuration: SSOConfiguration, cache: SSOTokenCache, oidc: SSOOIDCClient, profile: String, now: @escaping @Sendable () -> Date) {
        self.configuration = configuration
        self.cache = cache
        self.oidc = oidc
        self.profile = profile
        self.now = now
    }

    func accessToken() async throws -> String {
        let path = cache.path(for: configuration)
        let cached: SSOToken?
        do {
            cached = try cache.read(configuration)
        } catch {
            throw signInRequired("the cached sign-in \(path) cannot be read: \(error.message)")
        }
        guard let token = cached else {
            throw signInRequired("there is no cached sign-in for \(configuration.tokenCacheKey) (\(path))")
        }
        if token.expiresAt.timeIntervalSince(now()) < Self.refreshWindow, let renewed = await refresh(token) {
            // A cache that cannot be written only costs another refresh later.
            try? cache.write(renewed, for: configuration)
            return renewed.accessToken
        }
        guard token.expiresAt > now() else {
            throw signInRequired("the sign-in for \(configuration.tokenCacheKey) expired at \(AWSTimestamp.format(token.expiresAt))")
        }
        return token.accessToken
    }

    /// The renewed token, or nil when it cannot be renewed (legacy sign-in, no
    /// refresh token, registration expired, or OIDC refused).
    private func refresh(_ token: SSOToken) async -> SSOToken? {
        guard configuration.sessionName != nil,
              let refreshToken = token.refreshToken, let clientId = token.clientId, let clientSecret = token.clientSecret,
              let registrationExpiresAt = token.registrationExpiresAt, registrationExpiresAt > now()
        else { return nil }
        guard let answer = try? await oidc.createToken(clientId: clientId, clientSecret: clientSecret, refreshToken: refreshToken) else {
            return nil
        }
        return SSOToken(
            startURL: configuration.startURL, region: configuration.region, accessToken: answer.accessToken,
            expiresAt: now().addingTimeInterval(TimeInterval(answer.expiresIn)), refreshToken: answer.refreshToken,
            clientId: clientId, clientSecret: clientSecret, registrationExpiresAt: registrationExpiresAt)
    }

    private func signInRequired(_ reason: String) -> CredentialError {
        CredentialError(
            source: ProfileCredentialResolver.sourceName(profile), kind: .signInRequired,
            message: "\(reason); sign in with `rolewiz login --profile \(profile)` (or `aws sso login --profile \(profile)`)")
    }
}
