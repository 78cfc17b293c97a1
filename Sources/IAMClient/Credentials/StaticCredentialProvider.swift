import Foundation

/// Long-term keys that never change, such as those in a profile.
public struct StaticCredentialProvider: CredentialProvider {
    private let value: AWSCredentials

    /// For keys read once (a profile's, or a test's); they are never refreshed.
    public init(_ credentials: AWSCredentials) {
        self.value = credentials
    }

    /// Always the same credentials; it never fails.
    public func credentials() async throws -> AWSCredentials { value }
}
