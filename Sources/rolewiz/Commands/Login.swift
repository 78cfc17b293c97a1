import ArgumentParser
import Foundation
import IAMClient
import Provisioning
import SafeText

/// `rolewiz login`: the IAM Identity Center device sign-in, for a person at a
/// terminal that may have no browser (a server over SSH): the URL and code are
/// printed here and approved in a browser anywhere. The token goes to the AWS
/// CLI's cache, so `aws` and rolewiz share the sign-in.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in to IAM Identity Center (SSO) with a code you approve in any browser.",
        discussion: """
            Uses the profile's sso_session (and its [sso-session NAME] section) or its legacy sso_start_url \
            and sso_region. The sign-in is written to ~/.aws/sso/cache/, where `aws sso login` writes it, \
            and is refreshed without a browser while its refresh token lasts.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await ErrorReporter.run {
            let login: SSODeviceLogin
            do {
                login = try SSODeviceLogin.standard(profileOption: global.profile, environment: ProcessInfo.processInfo.environment)
            } catch let error as CredentialError {
                // A profile that cannot sign in is a usage problem, reported with exit 2.
                throw ClientConfigurationError(error.description)
            }
            let target = login.configuration
            let name = target.sessionName.map { "sso-session \($0)" } ?? target.startURL
            Console.out("Signing in to IAM Identity Center for profile \(login.profile) (\(name), \(target.region)).")
            let style = TerminalStyle.forDescriptor(1, noColor: global.noColor)
            let token = try await login.run { authorization in
                Console.out(LoginInstructions.text(DeviceSignInRequest(profile: login.profile, authorization), style: style))
            }
            Console.out("Signed in until \(AWSTimestamp.format(token.expiresAt)). rolewiz and the AWS CLI both use this sign-in.")
        }
    }
}

/// What the person reads while rolewiz waits for the approval.
enum LoginInstructions {
    /// The page and the code stand out (bold) on a terminal that shows styles.
    static func text(_ request: DeviceSignInRequest, style: TerminalStyle = .plain, now: Date = Date()) -> String {
        var lines = [
            "",
            "Open this page in a browser, on this machine or any other:",
            "",
            "    " + style.bold(InertText.line(request.verificationURL)),
            "",
            "and enter the code:",
            "",
            "    " + style.bold(InertText.line(request.userCode)),
            "",
        ]
        if let complete = request.completeURL {
            lines += ["Or open this address, which carries the code:", "", "    " + InertText.line(complete), ""]
        }
        let minutes = max(1, Int(request.expiresAt.timeIntervalSince(now).rounded()) / 60)
        lines.append("Waiting for the approval (the code is good for \(minutes) minute\(minutes == 1 ? "" : "s"); Ctrl-C stops)...")
        return lines.joined(separator: "\n")
    }
}

extension DeviceSignInRequest {
    /// The question a device authorization puts to `profile`'s person.
    init(profile: String, _ authorization: SSOOIDCClient.DeviceAuthorization, now: Date = Date()) {
        self.init(
            profile: profile, verificationURL: authorization.verificationUri, completeURL: authorization.verificationUriComplete,
            userCode: authorization.userCode, expiresAt: now.addingTimeInterval(TimeInterval(authorization.expiresIn)))
    }
}
