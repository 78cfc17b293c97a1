import Foundation
import IAMClient
import Provisioning

/// Signing in for the wizard, on the terminal, before its screens take the
/// terminal over: an MFA code for an assume-role profile, and the IAM
/// Identity Center device sign-in when the cached one is missing or expired.
/// While the screens own the terminal nothing may prompt on it, so a later
/// refresh that needs a new code ends that session with a message instead.
enum WizardSignIn {
    /// Set while the wizard's screens own the terminal.
    nonisolated(unsafe) private static var screensOwnTerminal = false
    private static let lock = NSLock()

    static func whileScreensOwnTerminal<T>(_ body: () throws -> T) rethrows -> T {
        lock.withLock { screensOwnTerminal = true }
        defer { lock.withLock { screensOwnTerminal = false } }
        return try body()
    }

    /// The wizard's MFA prompt: the terminal prompt before the screens open,
    /// an explanation after.
    static let mfaPrompt: MFACodePrompt = { challenge in
        guard !lock.withLock({ screensOwnTerminal }) else {
            throw MFACodeUnavailableError(
                challenge: challenge, reason: "the wizard's screens hold the terminal; quit and start the wizard again to enter a new code")
        }
        return try await MFATerminalPrompt.prompt(challenge)
    }

    /// Connects for the wizard, on the terminal (asking for an MFA code if
    /// the profile needs one); when the profile signs in through IAM
    /// Identity Center and that sign-in is missing or expired, runs the
    /// device sign-in as `rolewiz login` does, and connects again. Other
    /// failures leave the wizard offline, saying why on its start screen.
    static func connect(_ session: AWSSession, global: GlobalOptions, environment: [String: String]) async -> RoleService {
        let profile = global.profile
        let noColor = global.noColor
        return await RoleService.connect(session: session) { error in
            guard let error = error as? CredentialError, error.kind == .signInRequired, Confirmation.standardInputIsTerminal else {
                return false
            }
            Console.line("\(error.description)\nSigning in to IAM Identity Center first.", toStandardError: true)
            do {
                let login = try SSODeviceLogin.standard(profileOption: profile, environment: environment)
                let style = TerminalStyle.forDescriptor(2, noColor: noColor)
                _ = try await login.run { authorization in Console.line(LoginInstructions.text(authorization, style: style), toStandardError: true) }
                Console.line("Signed in. Opening the wizard.", toStandardError: true)
                return true
            } catch {
                Console.line("The sign-in did not complete (\(error)); the wizard opens offline.", toStandardError: true)
                return false
            }
        }
    }
}
