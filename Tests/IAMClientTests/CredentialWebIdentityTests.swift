import Foundation
import Testing
@testable import IAMClient

@Suite("Credential chain: web identity", .timeLimit(.minutes(10)))
struct CredentialWebIdentityTests {
    @Test("AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN call AssumeRoleWithWebIdentity, unsigned, with the file's token")
    func fromEnvironment() async throws {
        let home = try ScratchAWSHome()
        let tokenFile = try home.write("token", "eyJ-web-token\n")
        let sts = FakeSTS()
        let chain = home.chain(
            environment: [
                "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
                "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci",
                "AWS_ROLE_SESSION_NAME": "build-17",
            ],
            sts: sts
        )
        let credentials = try await chain.credentials()
        let call = try #require(sts.webIdentityCalls.first)
        #expect(call.roleArn == "arn:aws:iam::123456789012:role/ci")
        #expect(call.token == "eyJ-web-token")
        #expect(call.sessionName == "build-17")
        #expect(call.signed == false)
        #expect(credentials.accessKeyId == "ASIACI1")
        #expect(credentials.source == "web identity (role arn:aws:iam::123456789012:role/ci)")
    }

    @Test("the token file is read again at every refresh, and the session name defaults like the CLI's")
    func rereadsToken() async throws {
        let home = try ScratchAWSHome()
        let tokenFile = try home.write("token", "first-token")
        let sts = FakeSTS(lifetime: 900)
        let chain = home.chain(
            environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci"], sts: sts
        )
        _ = try await chain.credentials()
        try home.write("token", "rotated-token")
        sts.clock.advance(by: 700)
        _ = try await chain.credentials()
        #expect(sts.webIdentityCalls.map(\.token) == ["first-token", "rotated-token"])
        #expect(sts.webIdentityCalls.first?.sessionName == "botocore-session-1700000000")
    }

    @Test("a profile with role_arn + web_identity_token_file uses web identity")
    func fromProfile() async throws {
        let home = try ScratchAWSHome(config: """
            [profile eks]
            role_arn = arn:aws:iam::123456789012:role/pod
            web_identity_token_file = ~/token
            role_session_name = pod-session
            """)
        try home.write("token", "pod-token")
        let sts = FakeSTS()
        let credentials = try await home.chain(profile: "eks", sts: sts).credentials()
        let call = try #require(sts.webIdentityCalls.first)
        #expect(call.token == "pod-token")
        #expect(call.sessionName == "pod-session")
        #expect(sts.assumeRoleCalls.isEmpty)
        #expect(credentials.source == "profile eks (role arn:aws:iam::123456789012:role/pod)")
    }

    @Test("a token file without a role ARN is an error; a role ARN alone is not web identity")
    func incompleteSettings() async throws {
        let home = try ScratchAWSHome()
        let tokenFile = try home.write("token", "t")
        let error = try await #require(throws: CredentialError.self) {
            try await home.chain(environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile]).credentials()
        }
        #expect(error.description == "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not")

        let roleOnly = try await #require(throws: NoCredentialsError.self) {
            try await home.chain(environment: ["AWS_ROLE_ARN": "arn:aws:iam::1:role/x"]).credentials()
        }
        #expect(roleOnly.attempts[2].description == "web identity (AWS_WEB_IDENTITY_TOKEN_FILE not set)")
    }

    @Test("an unreadable token file names the file")
    func missingTokenFile() async throws {
        let home = try ScratchAWSHome()
        let missing = home.path("no-such-token")
        let error = try await #require(throws: CredentialError.self) {
            try await home.chain(environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": missing, "AWS_ROLE_ARN": "arn:aws:iam::1:role/x"]).credentials()
        }
        #expect(error.kind == .unreadableFile)
        #expect(error.message.hasPrefix("cannot read the web identity token file \(missing)"))
    }

    @Test("--profile turns the environment's web identity off, as the CLI does")
    func ignoredUnderFlagProfile() async throws {
        let home = try ScratchAWSHome(config: "[profile dev]\nregion = us-east-1\n")
        let tokenFile = try home.write("token", "t")
        let chain = home.chain(
            profile: "dev", environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::1:role/x"]
        )
        let error = try await #require(throws: NoCredentialsError.self) { try await chain.credentials() }
        #expect(error.attempts[2].description == "web identity (disabled: ignored because --profile dev was given)")
    }
}
