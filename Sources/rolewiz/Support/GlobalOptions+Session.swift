import Foundation
import IAMClient

extension GlobalOptions {
    /// The client options these flags and the process environment describe.
    func clientOptions(environment: [String: String] = ProcessInfo.processInfo.environment) -> ClientOptions {
        ClientOptions(
            profile: profile, region: region, endpointURL: endpointURL, maxAttempts: maxAttempts,
            debug: debug, environment: environment)
    }

    /// Resolves the AWS session for a command; fails before any connection
    /// when a setting cannot work (reported with exit code 2).
    func makeSession(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AWSSession {
        try AWSSession.resolve(clientOptions(environment: environment))
    }
}
