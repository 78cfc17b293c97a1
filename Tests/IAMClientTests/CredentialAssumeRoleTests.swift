import Foundation
import Testing
import TestSupport
@testable import IAMClient

@Suite("Credential chain: role_arn profiles", .timeLimit(.minutes(10)))
struct CredentialAssumeRoleTests {
    static let base = """
        [base]
        aws_access_key_id = AKIDBASE
        aws_secret_access_key = base-secret
        """

    /// Profile `admin` assumes role admin with the static keys of profile `base`.
    static func adminOverBase() throws -> ScratchAWSHome {
        try ScratchAWSHome(
            config: "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\n",
            credentials: base
        )
    }

    @Test("role_arn + source_profile calls AssumeRole with every setting, signed with the source profile")
    func assumeRoleWithSettings() async throws {
        let home = try ScratchAWSHome(
            config: """
                [profile admin]
                role_arn = arn:aws:iam::123456789012:role/admin
                source_profile = base
                external_id = ext-42
                role_session_name = alice
                duration_seconds = 1800
                """,
            credentials: Self.base
        )
        let sts = FakeSTS()
        let credentials = try await home.chain(profile: "admin", sts: sts).credentials()
        let call = try #require(sts.assumeRoleCalls.first)
        #expect(sts.assumeRoleCalls.count == 1)
        #expect(call.roleArn == "arn:aws:iam::123456789012:role/admin")
        #expect(call.externalId == "ext-42")
        #expect(call.sessionName == "alice")
        #expect(call.durationSeconds == 1800)
        #expect(call.signedWith?.accessKeyId == "AKIDBASE")
        #expect(call.signedWith?.secretAccessKey == "base-secret")
        #expect(credentials.accessKeyId == "ASIAADMIN1")
        #expect(credentials.expiration == sts.clock.now + 3600)
        #expect(credentials.source == "profile admin (role arn:aws:iam::123456789012:role/admin)")
    }

    @Test("without role_session_name the session is named like the CLI's: botocore-session-<epoch>")
    func defaultSessionName() async throws {
        let home = try Self.adminOverBase()
        let clock = TestClock(Date(timeIntervalSince1970: 1_712_345_678))
        let sts = FakeSTS(clock: clock)
        _ = try await home.chain(profile: "admin", sts: sts).credentials()
        #expect(sts.assumeRoleCalls.first?.sessionName == "botocore-session-1712345678")
        #expect(sts.assumeRoleCalls.first?.externalId == nil)
        #expect(sts.assumeRoleCalls.first?.durationSeconds == nil)
    }

    @Test("chained source profiles assume each role in turn, each signed with the previous credentials")
    func chainedProfiles() async throws {
        let home = try ScratchAWSHome(
            config: """
                [profile top]
                role_arn = arn:aws:iam::111111111111:role/top
                source_profile = middle
                [profile middle]
                role_arn = arn:aws:iam::222222222222:role/middle
                source_profile = base
                """,
            credentials: Self.base
        )
        let sts = FakeSTS()
        let credentials = try await home.chain(profile: "top", sts: sts).credentials()
        let calls = sts.assumeRoleCalls
        #expect(calls.map(\.roleArn) == ["arn:aws:iam::222222222222:role/middle", "arn:aws:iam::111111111111:role/top"])
        #expect(calls[0].signedWith?.accessKeyId == "AKIDBASE")
        #expect(calls[1].signedWith?.accessKeyId == "ASIAMIDDLE1")
        #expect(credentials.accessKeyId == "ASIATOP2")
    }

    @Test("a source_profile loop is an error that shows the loop")
    func cycle() async throws {
        let home = try ScratchAWSHome(config: """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = c
            [profile c]
            role_arn = arn:aws:iam::123456789012:role/c
            source_profile = b
            """)
        let sts = FakeSTS()
        let error = try await #require(throws: CredentialError.self) { try await home.chain(profile: "a", sts: sts).credentials() }
        #expect(error.kind == .profileCycle)
        #expect(error.message == "source_profile loop: a -> b -> c -> b")
        #expect(sts.assumeRoleCalls.isEmpty)
    }

    @Test("a profile may name itself as source_profile when it holds static keys")
    func selfReference() async throws {
        let home = try ScratchAWSHome(
            config: "[profile self]\nrole_arn = arn:aws:iam::123456789012:role/self\nsource_profile = self\n",
            credentials: "[self]\naws_access_key_id = AKIDSELF\naws_secret_access_key = self-secret\n"
        )
        let sts = FakeSTS()
        let credentials = try await home.chain(profile: "self", sts: sts).credentials()
        #expect(sts.assumeRoleCalls.first?.signedWith?.accessKeyId == "AKIDSELF")
        #expect(credentials.accessKeyId == "ASIASELF1")

        let keyless = try ScratchAWSHome(config: "[profile self]\nrole_arn = arn:aws:iam::123456789012:role/self\nsource_profile = self\n")
        let error = try await #require(throws: CredentialError.self) { try await keyless.chain(profile: "self").credentials() }
        #expect(error.kind == .profileCycle)
    }

    @Test("credential_source = Environment signs with the environment keys even under --profile")
    func credentialSourceEnvironment() async throws {
        let home = try ScratchAWSHome(config: "[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\ncredential_source = Environment\n")
        let sts = FakeSTS()
        let chain = home.chain(
            profile: "ops", environment: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"], sts: sts
        )
        let credentials = try await chain.credentials()
        #expect(sts.assumeRoleCalls.first?.signedWith?.accessKeyId == "AKIDENV")
        #expect(credentials.accessKeyId == "ASIAOPS1")

        let error = try await #require(throws: CredentialError.self) { try await home.chain(profile: "ops").credentials() }
        #expect(error.description == "profile ops: profile ops takes credentials from Environment, but AWS_ACCESS_KEY_ID not set")
    }

    @Test("credential_source = EcsContainer signs with the container's credentials")
    func credentialSourceContainer() async throws {
        let server = try FakeHTTPServer { _ in
            .json(#"{"AccessKeyId": "AKIDTASK", "SecretAccessKey": "task-secret", "Token": "task-token", "Expiration": "2099-01-01T00:00:00Z"}"#)
        }
        defer { server.stop() }
        let home = try ScratchAWSHome(config: "[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\ncredential_source = EcsContainer\n")
        let sts = FakeSTS()
        let chain = home.chain(
            profile: "ops", environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL.absoluteString + "/creds"],
            sts: sts, transport: LoopbackURLSessionTransport()
        )
        _ = try await chain.credentials()
        #expect(sts.assumeRoleCalls.first?.signedWith?.accessKeyId == "AKIDTASK")
        // One read, or more only when a read outlived the provider's 2 s time-out and was retried
        // (as botocore does): on a loaded 2-core machine the fake server can be that slow to answer.
        let paths = server.requests.map(\.path)
        #expect(!paths.isEmpty && paths.count <= ContainerCredentialProvider.maxAttempts && paths.allSatisfy { $0 == "/creds" }, "\(paths)")
        #expect(sts.assumeRoleCalls.count == 1)
    }

    @Test("contradictory or incomplete role settings are errors that name the setting")
    func invalidRoleSettings() async throws {
        let cases: [(String, String)] = [
            (
                "role_arn = arn:aws:iam::1:role/x\nsource_profile = base\ncredential_source = Environment",
                "profile p sets both source_profile and credential_source; keep one"
            ),
            ("role_arn = arn:aws:iam::1:role/x", "profile p has role_arn but neither source_profile nor credential_source"),
            (
                "role_arn = arn:aws:iam::1:role/x\ncredential_source = Ec2",
                "credential_source of profile p must be Environment, EcsContainer or Ec2InstanceMetadata, not Ec2"
            ),
            (
                "role_arn = arn:aws:iam::1:role/x\nsource_profile = base\nduration_seconds = an hour",
                "duration_seconds of profile p must be a whole number of seconds, not an hour"
            ),
            (
                "role_arn = arn:aws:iam::1:role/x\nsource_profile = nowhere",
                "source_profile nowhere of profile p is not in ~/.aws/credentials or ~/.aws/config"
            ),
            (
                "role_arn = arn:aws:iam::1:role/x\ncredential_source = Ec2InstanceMetadata",
                "profile p takes credentials from Ec2InstanceMetadata, but AWS_EC2_METADATA_DISABLED=true"
            ),
        ]
        for (settings, message) in cases {
            let home = try ScratchAWSHome(config: "[profile p]\n\(settings)\n", credentials: Self.base)
            let error = try await #require(throws: CredentialError.self) { try await home.chain(profile: "p").credentials() }
            #expect(error.kind == .invalidConfiguration)
            #expect(error.source == "profile p")
            #expect(error.message == message)
        }
    }

    @Test("a source profile without credentials is an error, not a fall-through")
    func emptySourceProfile() async throws {
        let home = try ScratchAWSHome(config: """
            [profile p]
            role_arn = arn:aws:iam::1:role/x
            source_profile = empty
            [profile empty]
            region = us-east-1
            """)
        let error = try await #require(throws: CredentialError.self) { try await home.chain(profile: "p").credentials() }
        #expect(error.message == "source_profile empty of profile p has no credentials, only region")
    }

    @Test("AssumeRole denied stops the chain and names the profile")
    func denied() async throws {
        let home = try Self.adminOverBase()
        let sts = FakeSTS(denied: ["arn:aws:iam::123456789012:role/admin"])
        let chain = home.chain(profile: "admin", sts: sts)
        let error = try await #require(throws: CredentialError.self) { try await chain.credentials() }
        #expect(error.kind == .stsFailed)
        #expect(error.description.hasPrefix("profile admin: AssumeRole of arn:aws:iam::123456789012:role/admin failed: AccessDenied (HTTP 403): not authorized"))
        #expect(!error.description.contains("base-secret"))
        #expect(await chain.attempts().last?.description.hasPrefix("profile admin (failed: AssumeRole of") == true)
    }

    @Test("a failing source profile is reported as that profile, not as STS")
    func failingSourceProfile() async throws {
        let home = try ScratchAWSHome(config: """
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/admin
            source_profile = helper
            [profile helper]
            credential_process = /bin/sh -c "echo helper is broken >&2; exit 7"
            """)
        let sts = FakeSTS()
        let error = try await #require(throws: CredentialError.self) { try await home.chain(profile: "admin", sts: sts).credentials() }
        #expect(error.description == "profile helper: credential_process exited with status 7: helper is broken")
        #expect(sts.assumeRoleCalls.isEmpty)
    }

    @Test("mfa_serial without anyone to ask is refused naming the profile and MFA, before any STS call")
    func mfaWithoutPrompt() async throws {
        let home = try ScratchAWSHome(
            config: "[profile admin]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/me\n",
            credentials: Self.base
        )
        let sts = FakeSTS()
        let error = try await #require(throws: MFACodeUnavailableError.self) { try await home.chain(profile: "admin", sts: sts).credentials() }
        #expect(error.description.hasPrefix("profile admin needs an MFA code for arn:aws:iam::1:mfa/me (mfa_serial)"))
        #expect(sts.assumeRoleCalls.isEmpty)
    }

    @Test("assumed-role credentials are refreshed five minutes before they expire")
    func refreshBeforeExpiry() async throws {
        let home = try Self.adminOverBase()
        let sts = FakeSTS(lifetime: 3600)
        let chain = home.chain(profile: "admin", sts: sts)
        let first = try await chain.credentials()
        sts.clock.advance(by: 3600 - 301)
        #expect(try await chain.credentials() == first)
        sts.clock.advance(by: 2)
        let refreshed = try await chain.credentials()
        #expect(refreshed.accessKeyId == "ASIAADMIN2")
        #expect(sts.assumeRoleCalls.count == 2)
    }
}
