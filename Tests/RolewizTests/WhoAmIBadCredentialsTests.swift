import Foundation
import IAMClient
import Testing
import TestSupport

/// `rolewiz whoami` with a real access key but the wrong secret, against a moto
/// that checks signatures: the error names the AWS code and says what to do,
/// the exit code is 1, and the secret is not echoed.
@Suite("rolewiz whoami with bad credentials", .heavy)
struct WhoAmIBadCredentialsTests {
    @Test func aWrongSecretIsReportedWithAdviceAndExitsWithOne() async throws {
        let moto = try await MotoServer.startOrSkip(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "2"])
        defer { moto.stop() }

        // The two unauthenticated calls: a user with a key.
        let setup = try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString, environment: [:], profiles: ProfileStore(),
            credentialProvider: Setup())).iam.client
        let user = MotoServer.uniqueName("powerless")
        try await setup.call("CreateUser", [("UserName", user)])
        let (keyId, secret) = try await setup.call("CreateAccessKey", [("UserName", user)]) { result in
            let key = result.child("AccessKey")
            return (key?.text("AccessKeyId") ?? "", key?.text("SecretAccessKey") ?? "")
        }
        #expect(!keyId.isEmpty && !secret.isEmpty)

        let result = try await Processes.run(
            try Processes.rolewizExecutable(), arguments: ["whoami", "--endpoint-url", moto.endpoint.absoluteString],
            environment: WhoAmITests().environment(["AWS_ACCESS_KEY_ID": keyId, "AWS_SECRET_ACCESS_KEY": secret + "wrong"]), timeout: 60)
        #expect(result.exitCode == 1)
        #expect(result.stderr.hasPrefix("error: SignatureDoesNotMatch: "), "\(result.stderr)")
        #expect(result.stderr.contains("Check your credentials"))
        #expect(!result.stderr.contains(secret))
        #expect(result.stdout.isEmpty)
    }

    /// Any key works before signature checking starts.
    struct Setup: CredentialProvider {
        func credentials() async throws -> AWSCredentials {
            AWSCredentials(accessKeyId: "AKIASETUP", secretAccessKey: "setup", source: "test")
        }
    }
}
