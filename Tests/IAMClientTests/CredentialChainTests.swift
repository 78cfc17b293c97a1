import Foundation
import Testing
@testable import IAMClient

@Suite("Credential chain: precedence and reporting", .timeLimit(.minutes(10)))
struct CredentialChainTests {
    static let staticProfiles = """
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = default-secret
        [dev]
        aws_access_key_id = AKIDDEV
        aws_secret_access_key = dev-secret
        aws_session_token = dev-token
        """
    static let environmentKeys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token"]

    @Test("environment keys come first")
    func environmentWins() async throws {
        let home = try ScratchAWSHome(credentials: Self.staticProfiles)
        let chain = home.chain(environment: Self.environmentKeys)
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyId == "AKIDENV")
        #expect(credentials.secretAccessKey == "env-secret")
        #expect(credentials.sessionToken == "env-token")
        #expect(credentials.source == "environment")
        #expect(await chain.attempts().map(\.description) == ["environment (found)"])
    }

    @Test("AWS_PROFILE picks the profile, but environment keys still win over it")
    func awsProfileVersusEnvironment() async throws {
        let home = try ScratchAWSHome(credentials: Self.staticProfiles)
        let viaProfile = try await home.chain(environment: ["AWS_PROFILE": "dev"]).credentials()
        #expect(viaProfile.accessKeyId == "AKIDDEV")
        #expect(viaProfile.sessionToken == "dev-token")
        #expect(viaProfile.source == "profile dev")
        let both = try await home.chain(environment: Self.environmentKeys.merging(["AWS_PROFILE": "dev"]) { a, _ in a }).credentials()
        #expect(both.accessKeyId == "AKIDENV")
    }

    @Test("--profile wins over AWS_PROFILE and makes the chain ignore environment keys, as the CLI does")
    func flagProfile() async throws {
        let home = try ScratchAWSHome(credentials: Self.staticProfiles)
        var environment = Self.environmentKeys
        environment["AWS_PROFILE"] = "default"
        let chain = home.chain(profile: "dev", environment: environment)
        #expect(chain.sourceNames == ["environment", "profile dev", "web identity", "container", "instance metadata"])
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyId == "AKIDDEV")
        #expect(await chain.attempts().map(\.description) == [
            "environment (disabled: ignored because --profile dev was given)",
            "profile dev (found)",
        ])
    }

    @Test("a profile named with --profile or AWS_PROFILE must exist")
    func missingNamedProfile() async throws {
        let home = try ScratchAWSHome(config: "[profile staging]\nregion = us-east-1\n", credentials: Self.staticProfiles)
        for chain in [home.chain(profile: "prod"), home.chain(environment: ["AWS_PROFILE": "prod"])] {
            let error = try await #require(throws: CredentialError.self) { try await chain.credentials() }
            #expect(error.kind == .profileNotFound)
            #expect(error.description == "profile prod: profile prod is not in ~/.aws/credentials or ~/.aws/config (profiles there: default, dev, staging)")
        }
    }

    @Test("a missing default profile falls through to the next source")
    func missingDefaultFallsThrough() async throws {
        let home = try ScratchAWSHome()
        let tokenFile = try home.write("token", "eyJ-token")
        let sts = FakeSTS()
        let chain = home.chain(
            environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci"], sts: sts
        )
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyId.hasPrefix("ASIACI"))
        #expect(await chain.attempts().map(\.description) == [
            "environment (AWS_ACCESS_KEY_ID not set)",
            "profile default (not found in ~/.aws/credentials or ~/.aws/config)",
            "web identity (found)",
        ])
    }

    @Test("a profile without credentials falls through, saying what it has")
    func profileWithoutCredentials() async throws {
        let home = try ScratchAWSHome(config: "[profile dev]\nregion = eu-west-1\noutput = json\n")
        let chain = home.chain(profile: "dev")
        let error = try await #require(throws: NoCredentialsError.self) { try await chain.credentials() }
        #expect(error.attempts[1].description == "profile dev (has no credentials, only output, region)")
    }

    @Test("web identity in the environment comes before the profile's keys (as in botocore), and before the container")
    func profileThenWebIdentityThenContainer() async throws {
        let home = try ScratchAWSHome(credentials: Self.staticProfiles)
        let tokenFile = try home.write("token", "eyJ-token")
        let webIdentity = ["AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci"]
        let container = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9/creds"]
        let transport = RefusingTransport()
        let all = webIdentity.merging(container) { a, _ in a }

        let chain = home.chain(environment: all, transport: transport)
        let beforeProfile = try await chain.credentials()
        #expect(beforeProfile.source == "web identity (role arn:aws:iam::123456789012:role/ci)")
        #expect(await chain.attempts().map(\.description) == [
            "environment (AWS_ACCESS_KEY_ID not set)",
            "profile default (disabled: AWS_WEB_IDENTITY_TOKEN_FILE is set, and web identity comes before the profile's own credentials)",
            "web identity (found)",
        ])
        let underFlag = try await home.chain(profile: "dev", environment: all, transport: transport).credentials()
        #expect(underFlag.source == "profile dev")

        let empty = try ScratchAWSHome()
        let fromWebIdentity = try await empty.chain(environment: all, transport: transport).credentials()
        #expect(fromWebIdentity.source == "web identity (role arn:aws:iam::123456789012:role/ci)")
        #expect(transport.requestedURLs.isEmpty)
    }

    @Test("with nothing configured, the error lists all five sources in order")
    func noCredentialsListsEverySource() async throws {
        let home = try ScratchAWSHome()
        let transport = RefusingTransport()
        let chain = home.chain(transport: transport)
        let error = try await #require(throws: NoCredentialsError.self) { try await chain.credentials() }
        #expect(error.description == """
            no credentials: tried environment (AWS_ACCESS_KEY_ID not set), \
            profile default (not found in ~/.aws/credentials or ~/.aws/config), \
            web identity (AWS_WEB_IDENTITY_TOKEN_FILE not set), \
            container (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set), \
            instance metadata (disabled: AWS_EC2_METADATA_DISABLED=true)
            """)
        #expect(error.attempts.map(\.source) == chain.sourceNames)
        #expect(await chain.attempts().count == 5)
        #expect(transport.requestedURLs.isEmpty)
    }

    @Test("an access key without its secret is an error that says so")
    func partialEnvironmentKeys() async throws {
        let home = try ScratchAWSHome(credentials: Self.staticProfiles)
        let chain = home.chain(environment: ["AWS_ACCESS_KEY_ID": "AKIDENV"])
        let error = try await #require(throws: CredentialError.self) { try await chain.credentials() }
        #expect(error.description == "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        #expect(await chain.attempts().map(\.description) == [
            "environment (failed: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not)",
        ])
    }

    @Test("a secret without an access key is ignored, as the CLI does")
    func secretWithoutKey() async throws {
        let home = try ScratchAWSHome(credentials: Self.staticProfiles)
        let credentials = try await home.chain(environment: ["AWS_SECRET_ACCESS_KEY": "stray"]).credentials()
        #expect(credentials.source == "profile default")
    }

    @Test("a profile key without its secret is an error naming the profile")
    func partialProfileKeys() async throws {
        let home = try ScratchAWSHome(credentials: "[default]\naws_access_key_id = AKID\n")
        let error = try await #require(throws: CredentialError.self) { try await home.chain().credentials() }
        #expect(error.description == "profile default: profile default has aws_access_key_id but no aws_secret_access_key in ~/.aws/credentials")
    }

    @Test("unparsable config lines stop the profile source with file:line:column")
    func unparsableConfig() async throws {
        let home = try ScratchAWSHome(config: "[default]\nregion = us-east-1\nnonsense\n")
        let error = try await #require(throws: CredentialError.self) { try await home.chain().credentials() }
        #expect(error.kind == .invalidConfiguration)
        #expect(error.description == "profile default: cannot parse the AWS config files: ~/.aws/config:3:1: expected `key = value`, a [section] or a comment")
    }

    @Test("an IAM Identity Center profile without a sign-in says how to sign in")
    func ssoProfile() async throws {
        let home = try ScratchAWSHome(config: "[profile corp]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n")
        let error = try await #require(throws: CredentialError.self) { try await home.chain(profile: "corp").credentials() }
        #expect(error.kind == .signInRequired)
        #expect(error.message.contains("rolewiz login --profile corp"))
    }

    @Test("the source found is kept: later calls do not walk the chain again")
    func chosenSourceIsKept() async throws {
        let home = try ScratchAWSHome(credentials: Self.staticProfiles)
        let chain = home.chain()
        let first = try await chain.credentials()
        try FileManager.default.removeItem(atPath: home.credentialsPath)
        let second = try await chain.credentials()
        #expect(first == second)
    }

    @Test("no error or description shows a secret or token")
    func secretsStayHidden() async throws {
        let home = try ScratchAWSHome(credentials: Self.staticProfiles)
        let credentials = try await home.chain(profile: "dev").credentials()
        #expect(!credentials.description.contains("dev-secret"))
        #expect(!credentials.description.contains("dev-token"))
        #expect(!String(reflecting: credentials).contains("dev-secret"))

        let environment = home.environment(["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "env-secret"])
        let holders: [Any] = [
            ProfileStore.load(environment: environment),
            EnvironmentCredentialProvider(environment: environment),
            StaticCredentialProvider(credentials),
            ProcessCredentialProvider(commandLine: "helper --password dev-secret", environment: environment, source: "profile x"),
            ContainerCredentialProvider.Authorization.token("dev-token"),
        ]
        for holder in holders {
            for text in [String(describing: holder), String(reflecting: holder)] {
                for value in ["dev-secret", "dev-token", "env-secret", "default-secret"] {
                    #expect(!text.contains(value), "\(type(of: holder))")
                }
            }
        }
        #expect(String(describing: holders[0]).contains("dev [aws_access_key_id, aws_secret_access_key, aws_session_token]"))

        let partial = try ScratchAWSHome(credentials: "[default]\naws_secret_access_key = only-secret\naws_session_token = only-token\n")
        let error = try await #require(throws: NoCredentialsError.self) { try await partial.chain().credentials() }
        #expect(error.description.contains("only aws_secret_access_key, aws_session_token"))
        #expect(!error.description.contains("only-secret"))
        #expect(!error.description.contains("only-token"))
    }
}
