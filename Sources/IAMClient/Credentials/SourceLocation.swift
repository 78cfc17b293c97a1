import Foundation

/// What a source's settings say before anything is fetched: either a provider
/// to ask, or why there is nothing to ask. A contradiction in the settings is
/// thrown as a `CredentialError` instead.
enum SourceLocation: Sendable {
    case provider(any CredentialProvider)
    case notConfigured(String)
    case disabled(String)
}
