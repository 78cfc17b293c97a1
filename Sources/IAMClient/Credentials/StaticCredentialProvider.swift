import Foundation

/// Long-term keys that never change, such as those in a profile.
public struct StaticCredentialProvider: CredentialProvider {
    private let value: AWSCredentials

    public init(_ credentials: AWSCredentials) {
        self.value = credentials
    }

    public func credentials() async throws -> AWSCredentials { value }
}
