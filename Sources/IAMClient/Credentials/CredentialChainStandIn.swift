// TEMPORARY stand-in for the real credential chain, which is written in
// parallel; this file is deleted when that lands. It reads only the
// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN variables.

public struct CredentialChain: CredentialProvider {
    let environment: [String: String]

    public static func standard(
        profileName: String?, environment: [String: String], profiles: ProfileStore,
        makeSTS: @escaping @Sendable (_ source: (any CredentialProvider)?) -> any STSOperations,
        transport: any HTTPTransport
    ) -> CredentialChain {
        CredentialChain(environment: environment)
    }

    public func credentials() async throws -> AWSCredentials {
        guard let id = environment["AWS_ACCESS_KEY_ID"], !id.isEmpty,
              let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty
        else {
            throw ClientConfigurationError("No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
        }
        return AWSCredentials(
            accessKeyId: id, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"], source: "environment")
    }
}
