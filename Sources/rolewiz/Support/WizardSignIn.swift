import Foundation
import IAMClient
import Provisioning
import Wizard

/// Signing in for the wizard. The session's MFA prompt forwards to whoever
/// asks now: the wizard's start screen (a code field, or the device sign-in
/// with its URL, code and QR code), or the terminal before screens exist
/// (`rolewiz edit ROLE` connects first). A missing or expired IAM Identity
/// Center sign-in runs the device sign-in, as `rolewiz login` does.
enum WizardSignIn {
    /// Where the session's MFA questions go; the latest asker wins. After
    /// the person declines one, the calls of the next minute fail without
    /// asking again (the role list's background reads would otherwise reopen
    /// the question at once); signing in again (`use`) asks at once.
    final class QuestionRelay: @unchecked Sendable {
        // @unchecked: `asker` and `declinedAt` are only touched while `lock` is held.
        private let lock = NSLock()
        private var asker: SignInAsker?
        private var declinedAt: Date?
        static let quietAfterDecline: TimeInterval = 60

        func use(_ asker: SignInAsker) {
            lock.withLock {
                self.asker = asker
                declinedAt = nil
            }
        }

        /// The session's `mfaPrompt`.
        var prompt: MFACodePrompt {
            { [self] challenge in try await ask(challenge) }
        }

        private func ask(_ challenge: MFAChallenge) async throws -> String {
            let (current, declined) = lock.withLock { (asker, declinedAt) }
            guard let current else {
                throw MFACodeUnavailableError(challenge: challenge, reason: "nothing can ask for it yet")
            }
            if let declined, Date().timeIntervalSince(declined) < Self.quietAfterDecline {
                throw MFACodeUnavailableError(challenge: challenge, reason: "the code was declined less than a minute ago")
            }
            let request = MFACodeRequest(profile: challenge.profile, device: challenge.serialNumber, roleArn: challenge.roleArn)
            do {
                return try await current.mfaCode(request)
            } catch let refusal as SignInDeclined {
                lock.withLock { declinedAt = Date() }
                throw MFACodeUnavailableError(challenge: challenge, reason: refusal.reason)
            }
        }
    }

    /// Asks on the terminal (standard error), for connecting before the screens open.
    static func terminalAsker(noColor: Bool) -> SignInAsker {
        SignInAsker(
            mfaCode: { request in
                try await MFATerminalPrompt.prompt(MFAChallenge(profile: request.profile, serialNumber: request.device, roleArn: request.roleArn))
            },
            showDeviceSignIn: { request in
                let style = TerminalStyle.forDescriptor(2, noColor: noColor)
                Console.line("Signing in to IAM Identity Center first.\n" + LoginInstructions.text(request, style: style), toStandardError: true)
            })
    }

    /// The wizard's connector for `session` (made with `relay.prompt` as its MFA prompt).
    static func connector(_ session: AWSSession, relay: QuestionRelay, global: GlobalOptions, environment: [String: String]) -> RoleServiceConnector {
        let profileOption = global.profile
        return RoleServiceConnector(
            partition: session.partition.name, region: session.region, profile: session.profileName,
            connect: { asker in
                relay.use(asker)
                return await RoleService.connect(session: session) { error in
                    guard let error = error as? CredentialError, error.kind == .signInRequired else { return false }
                    let login = try SSODeviceLogin.standard(profileOption: profileOption, environment: environment)
                    do {
                        _ = try await login.run { authorization in
                            await asker.showDeviceSignIn(DeviceSignInRequest(profile: login.profile, authorization))
                        }
                    } catch let failure as SSOLoginError {
                        // Here s on the start screen tries again, not `rolewiz login`.
                        throw SignInFailure(message: "the IAM Identity Center sign-in did not complete: \(failure.message) (press s to sign in again)")
                    }
                    return true
                }
            },
            redirectQuestions: { relay.use($0) })
    }

    /// Why a sign-in left the wizard offline, in words for its start screen.
    struct SignInFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
