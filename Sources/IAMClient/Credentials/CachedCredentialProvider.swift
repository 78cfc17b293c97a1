import Foundation

/// Keeps the credentials another provider fetched until they are about to
/// expire, so that every signed request does not start a process or an STS call.
///
/// Credentials are refreshed once less than `refreshWindow` remains before their
/// `expiration` (credentials without one are kept for good). Callers that arrive
/// while a refresh is running wait for that refresh instead of starting their own.
/// A failed refresh is thrown to the callers that waited for it; the next call tries again.
public actor CachedCredentialProvider: CredentialProvider {
    /// Five minutes, as the AWS SDKs do before a mandatory refresh.
    public static let defaultRefreshWindow: TimeInterval = 5 * 60

    private let base: any CredentialProvider
    private let refreshWindow: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var refresh: Task<AWSCredentials, any Error>?

    /// - Parameter now: the clock, injectable so tests can move time forward.
    public init(
        _ base: any CredentialProvider,
        refreshWindow: TimeInterval = CachedCredentialProvider.defaultRefreshWindow,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.base = base
        self.refreshWindow = refreshWindow
        self.now = now
    }

    /// The kept credentials while they are fresh; otherwise one shared refresh from the base provider.
    public func credentials() async throws -> AWSCredentials {
        if let cached, !isDue(cached) { return cached }
        if let refresh { return try await refresh.value }
        let base = self.base
        let task = Task { try await base.credentials() }
        refresh = task
        defer { refresh = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }

    private func isDue(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.timeIntervalSince(now()) < refreshWindow
    }
}
