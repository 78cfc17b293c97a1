import Foundation

/// The chain's memory: which source won, and what every source held. An actor,
/// so that callers arriving together share one walk down the chain (and one
/// `credential_process` run or STS call) instead of racing.
actor ChainState {
    private(set) var attempts: [CredentialSourceAttempt] = []
    private var chosen: (any CredentialProvider)?
    private var resolving: Task<AWSCredentials, any Error>?

    func credentials(links: [CredentialChain.Link], preflight: (@Sendable () throws -> Void)?) async throws -> AWSCredentials {
        if let chosen { return try await chosen.credentials() }
        if let resolving { return try await resolving.value }
        let task = Task { try await resolve(links, preflight: preflight) }
        resolving = task
        defer { resolving = nil }
        return try await task.value
    }

    /// Walks the links in order. Nothing is remembered after a failure, so a
    /// later call (once the user fixed the file, say) looks again.
    private func resolve(_ links: [CredentialChain.Link], preflight: (@Sendable () throws -> Void)?) async throws -> AWSCredentials {
        var tried: [CredentialSourceAttempt] = []
        defer { attempts = tried }
        do {
            try preflight?()
        } catch let error as CredentialError {
            tried.append(CredentialSourceAttempt(source: error.source, outcome: .failed(error)))
            throw error
        }
        for link in links {
            let location: SourceLocation
            do {
                location = try link.locate()
            } catch let error as CredentialError {
                tried.append(CredentialSourceAttempt(source: link.name, outcome: .failed(error)))
                throw error
            }
            switch location {
            case .notConfigured(let reason):
                tried.append(CredentialSourceAttempt(source: link.name, outcome: .notConfigured(reason)))
            case .disabled(let reason):
                tried.append(CredentialSourceAttempt(source: link.name, outcome: .disabled(reason)))
            case .provider(let provider):
                do {
                    let credentials = try await provider.credentials()
                    tried.append(CredentialSourceAttempt(source: link.name, outcome: .found))
                    chosen = provider
                    return credentials
                } catch let error as CredentialError where link.failureMeansUnavailable && error.kind != .invalidConfiguration {
                    tried.append(CredentialSourceAttempt(source: link.name, outcome: .unavailable(error)))
                } catch let error as CredentialError {
                    tried.append(CredentialSourceAttempt(source: link.name, outcome: .failed(error)))
                    throw error
                }
            }
        }
        throw NoCredentialsError(attempts: tried)
    }
}
