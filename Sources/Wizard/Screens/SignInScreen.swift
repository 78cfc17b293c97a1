import Foundation
import Provisioning
import TerminalUI

/// A sign-in question that comes while the wizard is in use (the role's
/// assumed credentials expired and the profile needs a new MFA code): it
/// opens over whatever screen is up and closes once answered or declined.
/// The first sign-in of a run happens on the start screen itself.
final class SignInScreen: WizardScreen {
    enum Command { case send, decline }

    let context: WizardContext
    let panel = SignInPanel()
    let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Sign in", help: "Send the MFA code", action: .send),
        KeyBinding(keys: [.escape, .control("c")], label: "Not now", help: "Decline: the call that needed the code fails", action: .decline),
    ])

    init(context: WizardContext) {
        self.context = context
    }

    var title: String { "Sign in" }
    var keyHints: [KeyHint] { keys.hints }
    var isAnimating: Bool { if case .waitingForApproval = context.signIn { true } else { false } }
    var takesTextInput: Bool { true }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "sign in again")
        _ = panel.draw(context.signIn, in: body)
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        switch keys.action(for: key, typing: true) {
        case .decline?:
            context.declineSignIn()
            return .pop
        case .send?:
            guard let code = panel.codeToSend else { return .handled }  // the field says what is wrong
            context.answerMFACode(code)
            return .pop
        case nil:
            return panel.mfaCode.handle(key) == .ignored ? .ignored : .handled
        }
    }

    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        if case .signInQuestion = message { .handled } else { .ignored }
    }
}

extension WizardScreen {
    /// What a run's first screen does with an MFA question that comes after
    /// connecting (and was not dropped as stale): opens the sign-in screen
    /// over the others, or, while a dialog is open, once it is answered.
    func openSignIn(for message: WizardMessage) -> Transition<WizardMessage>? {
        guard case .signInQuestion(.mfaCode) = message, case .askingForMFACode = context.signIn, !context.isConnecting else { return nil }
        return .push(SignInScreen(context: context))
    }
}
