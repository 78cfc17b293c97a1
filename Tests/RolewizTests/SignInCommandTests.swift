import Foundation
import IAMClient
import Testing
import TestSupport

/// The built binary signing in the ways people do: `rolewiz login` by device
/// code against the IAM Identity Center fakes (then `whoami` on the sign-in,
/// against moto), and MFA profiles: refused without a terminal, answered on a
/// pseudo-terminal under tmux.
@Suite("rolewiz login and MFA", .heavy)
struct SignInCommandTests {
    static let ssoConfig = """
        [profile dev]
        sso_session = corp
        sso_account_id = 123456789012
        sso_role_name = Admin
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-west-1
        """
    static let mfaConfig = """
        [profile mfa]
        role_arn = arn:aws:iam::123456789012:role/ROLE
        source_profile = base
        mfa_serial = arn:aws:iam::123456789012:mfa/alice
        role_session_name = mfa-cli
        [profile base]
        aws_access_key_id = AKIAMFABASE
        aws_secret_access_key = mfa-base-\(secret)
        """
    static let secret = "NEVER-PRINTED-SECRET"

    /// A scratch HOME with `config` as ~/.aws/config.
    static func home(config: String) throws -> (URL, [String: String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-signin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        try Data(config.utf8).write(to: home.appendingPathComponent(".aws/config"))
        return (home, Processes.minimalEnvironment(["HOME": home.path]))
    }

    static func rolewiz(_ arguments: [String], environment: [String: String], setsid: Bool = false) async throws -> ProcessResult {
        let executable = try Processes.rolewizExecutable()
        // setsid: a new session with no controlling terminal, so /dev/tty cannot be opened.
        if setsid {
            return try await Processes.run(URL(fileURLWithPath: "/usr/bin/setsid"), arguments: ["--wait", executable.path] + arguments, environment: environment, timeout: 60)
        }
        return try await Processes.run(executable, arguments: arguments, environment: environment, timeout: 60)
    }

    /// A role on moto that the `mfa` profile assumes, and that profile's HOME.
    static func mfaProfile(on moto: MotoServer, prefix: String) async throws -> (roleName: String, home: URL, environment: [String: String]) {
        let roleName = MotoServer.uniqueName(prefix)
        let create = try await Self.rolewiz(
            ["apply", "--preset", "lambda-basic", "--role-name", roleName, "--yes", "--endpoint-url", moto.endpoint.absoluteString],
            environment: Processes.minimalEnvironment(["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "HOME": "/nonexistent"]))
        try #require(create.exitCode == 0, "\(create.stderr)")
        let (home, environment) = try Self.home(config: Self.mfaConfig.replacingOccurrences(of: "role/ROLE", with: "role/\(roleName)"))
        return (roleName, home, environment)
    }

    /// `rolewiz ARGS` with exactly `environment`, for a tmux pane; prints EXIT=status at the end.
    static func shellCommand(_ arguments: [String], environment: [String: String]) throws -> String {
        let executable = try Processes.rolewizExecutable().path
        let assignments = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        return "env -i \(assignments) '\(executable)' \(arguments.joined(separator: " ")); echo EXIT=$?"
    }

    @Test func loginByDeviceCodeWritesACacheTheCLIReadsAndWhoamiUsesIt() async throws {
        var behaviour = FakeIdentityCenter.Behaviour()
        behaviour.pendingPolls = 1
        behaviour.interval = 1
        let fake = try FakeIdentityCenter(behaviour)
        let (home, base) = try Self.home(config: Self.ssoConfig)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = base.merging(fake.environment) { _, new in new }

        let login = try await Self.rolewiz(["login", "--profile", "dev"], environment: environment)
        #expect(login.exitCode == 0, "\(login.stderr)")
        #expect(login.stdout.contains("https://device.sso.example.com/"))
        #expect(login.stdout.contains("WXYZ-ABCD"))
        #expect(login.stdout.contains("Signed in until"))
        #expect(fake.pollTimes.count == 2)
        if fake.pollTimes.count == 2 {
            #expect(fake.pollTimes[1].timeIntervalSince(fake.pollTimes[0]) >= 0.9, "the interval was not honoured")
        }
        for output in [login.stdout, login.stderr] { #expect(!output.contains(FakeIdentityCenter.secretMarker)) }

        // The AWS CLI's own loader reads what rolewiz wrote.
        let script = """
            import json, sys
            from botocore.utils import SSOTokenLoader, JSONFileCache
            directory = json.load(sys.stdin)[0]
            token = SSOTokenLoader(cache=JSONFileCache(directory))("https://corp.awsapps.com/start", session_name="corp")
            json.dump(sorted(token.keys()), sys.stdout)
            """
        let directory = home.appendingPathComponent(".aws/sso/cache").path
        do {
            let keys = try await PythonOracle.answer(script, for: [directory], as: [String].self)
            #expect(keys == ["accessToken", "clientId", "clientSecret", "expiresAt", "refreshToken", "region", "registrationExpiresAt", "startUrl"])
        }

        let moto = try await MotoServer.sharedOrSkip()
        let whoami = try await Self.rolewiz(["whoami", "--profile", "dev", "--endpoint-url", moto.endpoint.absoluteString, "--debug"], environment: environment)
        #expect(whoami.exitCode == 0, "\(whoami.stderr)")
        #expect(whoami.stdout.contains("Credentials: profile dev (IAM Identity Center, account 123456789012, role Admin)"))
        #expect(fake.roleCredentialCalls.count == 1)
        for output in [whoami.stdout, whoami.stderr] { #expect(!output.contains(FakeIdentityCenter.secretMarker)) }
    }

    @Test func loginGivesUpWhenTheCodeIsNeverApproved() async throws {
        var behaviour = FakeIdentityCenter.Behaviour()
        behaviour.neverApprove = true
        behaviour.interval = 1
        behaviour.deviceCodeLifetime = 3
        let fake = try FakeIdentityCenter(behaviour)
        let (home, base) = try Self.home(config: Self.ssoConfig)
        defer { try? FileManager.default.removeItem(at: home) }
        let started = Date()
        let login = try await Self.rolewiz(["login", "--profile", "dev"], environment: base.merging(fake.environment) { _, new in new })
        #expect(login.exitCode == 1)
        #expect(login.stderr.contains("was not approved within 3 s"))
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".aws/sso/cache").path))
    }

    @Test func loginOnAProfileWithoutIdentityCenterIsAUsageError() async throws {
        let (home, environment) = try Self.home(config: "[profile plain]\nregion = eu-west-1\n")
        defer { try? FileManager.default.removeItem(at: home) }
        let login = try await Self.rolewiz(["login", "--profile", "plain"], environment: environment)
        #expect(login.exitCode == 2)
        #expect(login.stderr.contains("profile plain has no IAM Identity Center sign-in settings"))
    }

    @Test func mfaWithoutATerminalExitsTwoNamingTheProfileAndMFA() async throws {
        let (home, environment) = try Self.home(config: Self.mfaConfig)
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try await Self.rolewiz(["whoami", "--profile", "mfa", "--endpoint-url", "http://127.0.0.1:9"], environment: environment, setsid: true)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("profile mfa needs an MFA code"))
        #expect(result.stderr.contains("mfa_serial"))
        #expect(!result.stderr.contains(Self.secret))
    }

    @Test func mfaCodeTypedOnAPseudoTerminalAssumesTheRoleOnMoto() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let (roleName, home, environment) = try await Self.mfaProfile(on: moto, prefix: "mfa-cli")
        defer { try? FileManager.default.removeItem(at: home) }
        let command = try Self.shellCommand(["whoami", "--profile", "mfa", "--endpoint-url", moto.endpoint.absoluteString], environment: environment)
        let tmux = try Tmux.start(command, columns: 160, rows: 30)
        defer { tmux.close() }
        _ = try await tmux.waitFor(seconds: 60) { $0.contains("Enter MFA code for arn:aws:iam::123456789012:mfa/alice (profile mfa):") }
        tmux.type("123456")
        tmux.send("Enter")
        let screen = try await tmux.waitFor(seconds: 60) { $0.contains("EXIT=") }
        #expect(screen.contains("EXIT=0"), "\(screen)")
        #expect(screen.contains("assumed-role/\(roleName)/mfa-cli"))
        #expect(!screen.contains("(profile mfa): 123456"), "the code was echoed")
        #expect(!screen.contains(Self.secret))
        // The second run finds the AWS CLI cache and asks nothing.
        let again = try await Self.rolewiz(["whoami", "--profile", "mfa", "--endpoint-url", moto.endpoint.absoluteString], environment: environment, setsid: true)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stdout.contains("from the AWS CLI cache"))
    }

    static let terminal = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]

    /// The wizard opens at once and asks for the MFA code in a field of its
    /// start screen (concealed), then signs in (not offline); a second run
    /// finds the AWS CLI cache and asks nothing.
    @Test func theWizardAsksForTheMFACodeOnItsStartScreen() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let (roleName, home, environment) = try await Self.mfaProfile(on: moto, prefix: "mfa-wiz")
        defer { try? FileManager.default.removeItem(at: home) }
        let arguments = ["wizard", "--profile", "mfa", "--endpoint-url", moto.endpoint.absoluteString]
        let environmentOnTerminal = environment.merging(Self.terminal) { _, new in new }
        let pane = try WizardPane.start(arguments, environment: environmentOnTerminal, columns: 120, rows: 30)
        defer { pane.close() }
        let asking = try await pane.waitFor("MFA code:")
        #expect(asking.contains("What would you like to do?"), "the field is on the start screen: \(asking)")
        #expect(asking.contains("arn:aws:iam::123456789012:mfa/alice"), "\(asking)")
        #expect(asking.contains("signing in…"))
        pane.tmux.type("123456")
        try await pane.waitFor("MFA code: ******")
        pane.tmux.send("Enter")
        let start = try await pane.waitFor("assumed-role/\(roleName)/mfa-cli")
        #expect(!start.contains("MFA code:") && !start.contains("offline"), "\(start)")
        #expect(!start.contains("code: 123456"), "the code was shown")
        pane.tmux.send("C-c")
        #expect(try await pane.waitForExit() == 0, "\(pane.read("stderr") ?? "")")
        #expect(!(pane.read("stderr") ?? "").contains(Self.secret))

        let again = try WizardPane.start(arguments, environment: environmentOnTerminal, columns: 120, rows: 30)
        defer { again.close() }
        let cached = try await again.tmux.waitFor(seconds: 60) { $0.contains("assumed-role/\(roleName)/mfa-cli") || $0.contains("MFA code:") }
        #expect(!cached.contains("MFA code:"), "the AWS CLI cache was not used: \(cached)")
        again.tmux.send("C-c")
        #expect(try await again.waitForExit() == 0)
    }

    /// `rolewiz edit ROLE` needs the role at once, so it asks for the code on
    /// the terminal before its screens open.
    @Test func theEditorAsksForTheMFACodeOnTheTerminalFirst() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let (roleName, home, environment) = try await Self.mfaProfile(on: moto, prefix: "mfa-edit")
        defer { try? FileManager.default.removeItem(at: home) }
        let arguments = ["edit", roleName, "--profile", "mfa", "--endpoint-url", moto.endpoint.absoluteString]
        let pane = try WizardPane.start(arguments, environment: environment.merging(Self.terminal) { _, new in new }, columns: 120, rows: 30)
        defer { pane.close() }
        try await pane.waitFor("Enter MFA code for arn:aws:iam::123456789012:mfa/alice (profile mfa):")
        pane.tmux.type("123456")
        pane.tmux.send("Enter")
        let editor = try await pane.waitFor("lambda.amazonaws.com")
        #expect(editor.contains("edit role \(roleName)") && !editor.contains("offline"), "\(editor)")
        pane.tmux.send("C-c")
        #expect(try await pane.waitForExit() == 0, "\(pane.read("stderr") ?? "")")
    }

    /// With no cached Identity Center sign-in, the wizard's start screen runs
    /// the device sign-in (page, code, time left), then signs in.
    @Test func theWizardSignsInToIdentityCenterOnItsStartScreen() async throws {
        var behaviour = FakeIdentityCenter.Behaviour()
        behaviour.pendingPolls = 2
        behaviour.interval = 1
        let fake = try FakeIdentityCenter(behaviour)
        let moto = try await MotoServer.sharedOrSkip()
        let (home, base) = try Self.home(config: Self.ssoConfig)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = base.merging(fake.environment) { _, new in new }.merging(Self.terminal) { _, new in new }
        let arguments = ["wizard", "--profile", "dev", "--endpoint-url", moto.endpoint.absoluteString]
        let pane = try WizardPane.start(arguments, environment: environment, columns: 120, rows: 40)
        defer { pane.close() }
        let asking = try await pane.waitFor("and enter the code:")
        #expect(asking.contains("Sign in to IAM Identity Center (profile dev)."), "\(asking)")
        #expect(asking.contains("What would you like to do?"), "the device sign-in is on the start screen")
        #expect(asking.contains("left. Esc works offline."))
        let start = try await pane.tmux.waitFor(seconds: 60) { $0.contains("Caller") && $0.contains("arn:aws:sts") }
        #expect(!start.contains("offline") && !start.contains("could not be loaded"), "\(start)")
        #expect(fake.pollTimes.count == 3, "the sign-in polled until approved")
        pane.tmux.send("C-c")
        #expect(try await pane.waitForExit() == 0, "\(pane.read("stderr") ?? "")")
        #expect(!(pane.read("stderr") ?? "").contains(FakeIdentityCenter.secretMarker))
    }

    @Test func identityCenterSecretsEchoedBackByTheServerAreNeverPrinted() async throws {
        let fake = try FakeIdentityCenter()
        let (home, base) = try Self.home(config: Self.ssoConfig)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = base.merging(fake.environment) { _, new in new }
        let access = "access-\(FakeIdentityCenter.secretMarker)-revoked"
        let refresh = "refresh-\(FakeIdentityCenter.secretMarker)-revoked"
        let clientSecret = "client-\(FakeIdentityCenter.secretMarker)-secret"
        // A cached sign-in the servers refuse, and echo back in their errors: the
        // access token is near expiry, so its refresh is tried (and refused) first.
        let token: [String: String] = [
            "startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1", "accessToken": access,
            "expiresAt": ISO8601DateFormatter().string(from: Date() + 300), "refreshToken": refresh, "clientId": "client-1",
            "clientSecret": clientSecret, "registrationExpiresAt": "2999-01-01T00:00:00Z",
        ]
        let signIn = try SSOConfiguration.signIn(profile: "dev", in: ProfileStore.load(environment: environment))
        let path = SSOTokenCache(home: home.path).path(for: signIn)
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: token).write(to: URL(fileURLWithPath: path))
        let moto = try await MotoServer.sharedOrSkip()
        let result = try await Self.rolewiz(["whoami", "--profile", "dev", "--debug", "--endpoint-url", moto.endpoint.absoluteString], environment: environment)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("rolewiz login --profile dev"), "\(result.stderr)")
        #expect(fake.server.requests.contains { $0.path == "/token" }, "the refresh was not tried, so nothing was echoed")
        #expect(fake.server.requests.contains { $0.path.hasPrefix("/federation/credentials") }, "the portal was not asked")
        for output in [result.stdout, result.stderr] {
            for secret in [access, refresh, clientSecret] { #expect(!output.contains(secret)) }
            #expect(!output.contains(FakeIdentityCenter.secretMarker))
        }
    }
}
