import Foundation
import SafeText
import Testing
import TestSupport
@testable import IAMClient

/// IAM Identity Center profiles against the loopback portal and OIDC fakes:
/// the CLI's token cache read, an expired token refreshed and written back,
/// the legacy form, role credentials cached and renewed before expiry.
@Suite("Credential chain: IAM Identity Center", .timeLimit(.minutes(10)))
struct CredentialIdentityCenterTests {
    static let sessionConfig = """
        [profile dev]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = Admin
        region = eu-west-1
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-west-1
        sso_registration_scopes = sso:account:access
        """
    static let legacyConfig = """
        [profile old]
        sso_start_url = https://legacy.awsapps.com/start
        sso_region = us-east-2
        sso_account_id = 444455556666
        sso_role_name = ReadOnly
        """

    static let sessionSignIn = SSOConfiguration(["sso_session": "corp", "sso_start_url": "https://corp.awsapps.com/start", "sso_region": "eu-west-1"])
    static let legacySignIn = SSOConfiguration(["sso_start_url": "https://legacy.awsapps.com/start", "sso_region": "us-east-2"])

    /// Writes a token as `aws sso login` would.
    static func cache(_ token: SSOToken, for configuration: SSOConfiguration, in home: ScratchAWSHome) throws {
        try SSOTokenCache(home: home.directory.path).write(token, for: configuration)
    }

    static func chain(_ home: ScratchAWSHome, profile: String, fake: FakeIdentityCenter, clock: TestClock = TestClock(Date())) -> CredentialChain {
        home.chain(profile: profile, environment: fake.environment, transport: URLSessionTransport(environment: [:]), clock: clock)
    }

    @Test("sso_session: the cached token buys the role's credentials from the portal")
    func sessionProfile() async throws {
        let fake = try FakeIdentityCenter()
        let home = try ScratchAWSHome(config: Self.sessionConfig)
        fake.accept(accessToken: "cached-\(FakeIdentityCenter.secretMarker)")
        try Self.cache(SSOToken(
            startURL: "https://corp.awsapps.com/start", region: "eu-west-1", accessToken: "cached-\(FakeIdentityCenter.secretMarker)",
            expiresAt: Date() + 3600), for: Self.sessionSignIn, in: home)
        let credentials = try await Self.chain(home, profile: "dev", fake: fake).credentials()
        #expect(credentials.accessKeyId == "ASIASSOADMIN1")
        #expect(credentials.source == "profile dev (IAM Identity Center, account 111122223333, role Admin)")
        #expect(credentials.expiration != nil)
        let request = try #require(fake.server.requests.last)
        #expect(request.method == "GET")
        #expect(request.path == "/federation/credentials?role_name=Admin&account_id=111122223333")
        #expect(request.header("x-amz-sso_bearer_token") == "cached-\(FakeIdentityCenter.secretMarker)")
    }

    @Test("the token file is named as botocore's SSOTokenLoader names it")
    func cacheFileNames() async throws {
        let keys = ["corp", "https://legacy.awsapps.com/start", "sessão", "a b/c"]
        let script = """
            import json, sys
            from botocore.utils import SSOTokenLoader
            json.dump([SSOTokenLoader()._generate_cache_key(k, None) for k in json.load(sys.stdin)], sys.stdout)
            """
        let expected = try await PythonOracle.answer(script, for: keys, as: [String].self)
        let cache = SSOTokenCache(home: "/h")
        for (key, digest) in zip(keys, expected) {
            #expect(cache.path(for: SSOConfiguration(["sso_start_url": key, "sso_region": "us-east-1"])) == "/h/.aws/sso/cache/\(digest).json")
        }
        #expect(cache.path(for: Self.sessionSignIn).hasSuffix("/\(CLICacheFileName.sha1Hex("corp")).json"))
    }

    @Test("legacy sso_start_url profile: the token file is named after the start URL")
    func legacyProfile() async throws {
        let fake = try FakeIdentityCenter()
        let home = try ScratchAWSHome(config: Self.legacyConfig)
        fake.accept(accessToken: "legacy-token")
        try Self.cache(SSOToken(startURL: "https://legacy.awsapps.com/start", region: "us-east-2", accessToken: "legacy-token", expiresAt: Date() + 600),
                       for: Self.legacySignIn, in: home)
        let credentials = try await Self.chain(home, profile: "old", fake: fake).credentials()
        #expect(credentials.accessKeyId == "ASIASSOREADONLY1")
        #expect(fake.roleCredentialCalls.map(\.account) == ["444455556666"])
    }

    @Test("an expired legacy token is a sign-in to redo, without a portal call")
    func expiredLegacyToken() async throws {
        let fake = try FakeIdentityCenter()
        let home = try ScratchAWSHome(config: Self.legacyConfig)
        try Self.cache(SSOToken(startURL: "https://legacy.awsapps.com/start", region: "us-east-2", accessToken: "old", expiresAt: Date() - 60),
                       for: Self.legacySignIn, in: home)
        let error = try await #require(throws: CredentialError.self) { try await Self.chain(home, profile: "old", fake: fake).credentials() }
        #expect(error.kind == .signInRequired)
        #expect(error.message.contains("rolewiz login --profile old"))
        #expect(fake.server.requests.isEmpty)
    }

    @Test("no cached sign-in names the file and the way in")
    func missingToken() async throws {
        let fake = try FakeIdentityCenter()
        let home = try ScratchAWSHome(config: Self.sessionConfig)
        let error = try await #require(throws: CredentialError.self) { try await Self.chain(home, profile: "dev", fake: fake).credentials() }
        #expect(error.kind == .signInRequired)
        #expect(error.message.hasPrefix("there is no cached sign-in for corp (~/.aws/sso/cache/") || error.message.contains("no cached sign-in for corp"))
        #expect(error.message.contains("rolewiz login --profile dev"))
    }

    @Test("an expired token is refreshed through CreateToken and the cache written back in the CLI's format")
    func refreshExpiredToken() async throws {
        let fake = try FakeIdentityCenter()
        let home = try ScratchAWSHome(config: Self.sessionConfig)
        let refresh = "refresh-\(FakeIdentityCenter.secretMarker)-0"
        fake.accept(refreshToken: refresh)
        try Self.cache(SSOToken(
            startURL: "https://corp.awsapps.com/start", region: "eu-west-1", accessToken: "stale", expiresAt: Date() - 60,
            refreshToken: refresh, clientId: "client-1", clientSecret: "client-secret-\(FakeIdentityCenter.secretMarker)",
            registrationExpiresAt: Date() + 86_400), for: Self.sessionSignIn, in: home)
        let credentials = try await Self.chain(home, profile: "dev", fake: fake).credentials()
        #expect(credentials.accessKeyId == "ASIASSOADMIN1")
        #expect(fake.refreshCount == 1)
        let tokenRequest = try #require(fake.server.requests.first { $0.path == "/token" })
        let sent = try #require(try JSONSerialization.jsonObject(with: tokenRequest.body) as? [String: String])
        #expect(sent == ["grantType": "refresh_token", "refreshToken": refresh, "clientId": "client-1", "clientSecret": "client-secret-\(FakeIdentityCenter.secretMarker)"])

        let path = SSOTokenCache(home: home.directory.path).path(for: Self.sessionSignIn)
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: String])
        #expect(Set(written.keys) == ["startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret", "registrationExpiresAt", "refreshToken"])
        #expect(written["accessToken"]?.hasPrefix("access-token-") == true)
        #expect(written["refreshToken"] != refresh)
        #expect(written["expiresAt"]?.hasSuffix("Z") == true)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // botocore reads the file rolewiz wrote.
        let script = """
            import json, sys
            from botocore.utils import SSOTokenLoader, JSONFileCache
            path, key = json.load(sys.stdin)
            token = SSOTokenLoader(cache=JSONFileCache(path))("https://corp.awsapps.com/start", session_name=key)
            json.dump({"accessToken": token["accessToken"], "refreshToken": token["refreshToken"]}, sys.stdout)
            """
        let directory = SSOTokenCache(home: home.directory.path).directory
        let read = try await PythonOracle.answer(script, for: [directory, "corp"], as: [String: String].self)
        #expect(read == ["accessToken": written["accessToken"]!, "refreshToken": written["refreshToken"]!])
    }

    @Test("a refresh the server refuses leaves a sign-in to redo; the refused token is not printed")
    func refusedRefresh() async throws {
        let fake = try FakeIdentityCenter()
        let home = try ScratchAWSHome(config: Self.sessionConfig)
        let refresh = "refresh-\(FakeIdentityCenter.secretMarker)-revoked"
        try Self.cache(SSOToken(
            startURL: "https://corp.awsapps.com/start", region: "eu-west-1", accessToken: "stale", expiresAt: Date() - 60,
            refreshToken: refresh, clientId: "client-1", clientSecret: "cs", registrationExpiresAt: Date() + 86_400),
            for: Self.sessionSignIn, in: home)
        let error = try await #require(throws: CredentialError.self) { try await Self.chain(home, profile: "dev", fake: fake).credentials() }
        #expect(error.kind == .signInRequired)
        #expect(!error.description.contains(refresh))
        #expect(fake.roleCredentialCalls.isEmpty)
    }

    @Test("role credentials are kept for their lifetime and fetched again five minutes before they expire")
    func roleCredentialsRefreshedBeforeExpiry() async throws {
        let clock = TestClock(Date())
        var behaviour = FakeIdentityCenter.Behaviour()
        behaviour.roleCredentialLifetime = 3600
        let fake = try FakeIdentityCenter(behaviour, now: { clock.now })
        let home = try ScratchAWSHome(config: Self.sessionConfig)
        fake.accept(accessToken: "cached")
        try Self.cache(SSOToken(startURL: "https://corp.awsapps.com/start", region: "eu-west-1", accessToken: "cached", expiresAt: Date() + 8 * 3600),
                       for: Self.sessionSignIn, in: home)
        let chain = Self.chain(home, profile: "dev", fake: fake, clock: clock)
        let first = try await chain.credentials()
        clock.advance(by: 50 * 60)
        let second = try await chain.credentials()
        #expect(second.accessKeyId == first.accessKeyId)
        #expect(fake.roleCredentialCalls.count == 1)
        clock.advance(by: 6 * 60)
        let third = try await chain.credentials()
        #expect(third.accessKeyId != first.accessKeyId)
        #expect(fake.roleCredentialCalls.count == 2)
    }

    @Test("a token the portal refuses is a sign-in to redo, and the portal's echo of it is redacted")
    func refusedAccessToken() async throws {
        let fake = try FakeIdentityCenter()
        let home = try ScratchAWSHome(config: Self.sessionConfig)
        let token = "revoked-\(FakeIdentityCenter.secretMarker)"
        try Self.cache(SSOToken(startURL: "https://corp.awsapps.com/start", region: "eu-west-1", accessToken: token, expiresAt: Date() + 3600),
                       for: Self.sessionSignIn, in: home)
        let error = try await #require(throws: CredentialError.self) { try await Self.chain(home, profile: "dev", fake: fake).credentials() }
        #expect(error.kind == .signInRequired)
        #expect(!error.description.contains(token))
        #expect(SecretRedactor.shared.redact("echo \(token)") != "echo \(token)")
    }

    @Test("settings that contradict each other or lack a piece are refused as botocore refuses them")
    func invalidSettings() async throws {
        let fake = try FakeIdentityCenter()
        let cases = [
            ("[profile x]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\nsso_region = us-west-2\n[sso-session corp]\nsso_start_url = https://s/start\nsso_region = eu-west-1\n", "sso_region is us-west-2 in profile x but eu-west-1 in [sso-session corp]"),
            ("[profile x]\nsso_account_id = 1\nsso_role_name = R\n", "lacks sso_start_url, sso_region"),
            ("[profile x]\nsso_session = gone\nsso_role_name = R\n", "no [sso-session gone] section"),
        ]
        for (config, message) in cases {
            let home = try ScratchAWSHome(config: config)
            let error = try await #require(throws: CredentialError.self) { try await Self.chain(home, profile: "x", fake: fake).credentials() }
            #expect(error.kind == .invalidConfiguration)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test("AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_SSO_OIDC move the endpoints; otherwise the region's partition decides")
    func endpoints() throws {
        let moved = try SSOEndpoints.portal(region: "eu-west-1", environment: ["AWS_ENDPOINT_URL_SSO": "http://127.0.0.1:1234"], profile: [:], profileName: "p")
        #expect(moved.absoluteString == "http://127.0.0.1:1234")
        let oidc = try SSOEndpoints.oidc(region: "eu-west-1", environment: ["AWS_ENDPOINT_URL_SSO_OIDC": "http://localhost:99"], profile: [:], profileName: "p")
        #expect(oidc.absoluteString == "http://127.0.0.1:99")
        #expect(try SSOEndpoints.portal(region: "cn-north-1", environment: [:], profile: [:], profileName: "p").absoluteString == "https://portal.sso.cn-north-1.amazonaws.com.cn")
        #expect(try SSOEndpoints.oidc(region: "eusc-de-east-1", environment: [:], profile: [:], profileName: "p").absoluteString == "https://oidc.eusc-de-east-1.amazonaws.eu")
        #expect(throws: ClientConfigurationError.self) {
            try SSOEndpoints.portal(region: "eu-west-1", environment: ["AWS_ENDPOINT_URL_SSO": "http://example.com"], profile: [:], profileName: "p")
        }
    }
}
