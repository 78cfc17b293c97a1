#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Provisioning
import TerminalUI

/// Opens the wizard on the terminal: the start screen (creating a role,
/// from `preset` when given) or, with `editRole`, that role in the editor.
/// All reads and writes go through `service`; offline it designs and exports.
public enum WizardApp {
    /// What the wizard opens on.
    public enum Start: Sendable {
        case create(preset: RolePreset?, roleName: String?)
        case edit(roleName: String)
    }

    /// The first screen for `start` (tests drive it on a `ScreenStack`).
    public static func rootScreen(_ start: Start, context: WizardContext) -> any Screen<WizardMessage> {
        switch start {
        case .create(let preset, let roleName): StartScreen(context: context, preset: preset, roleName: roleName)
        case .edit(let roleName): EditRoleScreen(context: context, roleName: roleName)
        }
    }

    /// A run ended by SIGTERM, SIGHUP or SIGINT, after any apply in flight
    /// stopped at the end of its current call.
    public struct Terminated: Sendable {
        /// Which signal ended the run; the caller reports it, then `end()`s by it.
        public let termination: Termination
        /// This run's applies that came to an end, the last one possibly cut short.
        public let applyResults: [ApplyResult]
    }

    /// How the run reaches AWS.
    public enum Connection: Sendable {
        /// Already connected (or offline); no question will come.
        case ready(RoleService)
        /// Connected before the screens opened; later questions (a new MFA
        /// code when assumed credentials expire) come to the screens.
        case connected(RoleService, questions: RoleServiceConnector)
        /// Sign in from the start screen: an MFA code field, or the IAM
        /// Identity Center device sign-in, shown while its menu waits.
        case signInOnStartScreen(RoleServiceConnector)
    }

    /// Runs until the person quits (nil) or a termination signal ends it.
    /// Throws `TerminalError` when the terminal cannot be used.
    @discardableResult
    public static func run(_ start: Start, connection: Connection, options: TerminalOptions, outputDirectory: URL) throws -> Terminated? {
        let app = try Application<WizardMessage>(options: options)
        let inbox = app.inbox
        let context = WizardContext(connection: connection, outputDirectory: outputDirectory) { inbox.post($0) }
        let descriptor = options.outputDescriptor
        context.writeToTerminal = { text in
            var bytes = Array(text.utf8)
            _ = write(descriptor, &bytes, bytes.count)
        }
        guard let termination = try app.run(rootScreen(start, context: context), model: { context.absorb($0) }) else { return nil }
        return Terminated(termination: termination, applyResults: context.applyResults)
    }
}
