import Foundation
import Provisioning

/// Signing in from inside the wizard: the screens open at once, the
/// credentials resolve in the background, and what they need of the person
/// (an MFA code, a device sign-in to approve) arrives as a question the start
/// screen shows. When connecting ends, the service is swapped for the live
/// (or offline) one, once, before the person has chosen anything.
extension WizardContext {
    /// A context for a run that reaches AWS through `connection`.
    public convenience init(
        connection: WizardApp.Connection, model: WizardModel = WizardModel(), outputDirectory: URL,
        post: @escaping @Sendable (WizardMessage) -> Void
    ) {
        switch connection {
        case .ready(let service):
            self.init(service: service, model: model, outputDirectory: outputDirectory, post: post)
        case .connected(let service, let questions):
            self.init(service: service, model: model, outputDirectory: outputDirectory, post: post)
            takeQuestions(from: questions)
        case .signInOnStartScreen(let connector):
            self.init(service: connector.offline("Signing in…"), model: model, outputDirectory: outputDirectory, post: post)
            connect(with: connector)
        }
    }

    /// The asker that turns the credential chain's questions into messages,
    /// stamped with the connecting attempt they belong to.
    func screenAsker(attempt: Int?) -> SignInAsker {
        let post = post
        return SignInAsker(
            mfaCode: { request in
                try await withCheckedThrowingContinuation { continuation in
                    post(.signInQuestion(.mfaCode(request, MFACodeReply(continuation), attempt: attempt)))
                }
            },
            showDeviceSignIn: { request in post(.signInQuestion(.deviceSignIn(request, attempt: attempt))) })
    }

    /// Starts connecting through `connector`; until it ends, `service` is
    /// an offline stand-in in the same place and `isConnecting` holds the
    /// start screen's menu.
    func connect(with connector: RoleServiceConnector) {
        self.connector = connector
        connectAttempt += 1
        let (attempt, asker, post) = (connectAttempt, screenAsker(attempt: connectAttempt), post)
        service = connector.offline("Signing in…")
        identity = nil
        isConnecting = true
        signIn = .connecting
        connectTask = Task.detached { post(.connected(await connector.connect(asker), attempt: attempt)) }
    }

    /// Sends the questions of an already connected session (a new MFA code
    /// when its assumed credentials expire) to the screens.
    func takeQuestions(from connector: RoleServiceConnector) {
        self.connector = connector
        connector.redirectQuestions(screenAsker(attempt: nil))
    }

    /// True when signing in again can help (the service is offline after a sign-in).
    var canSignInAgain: Bool { connector != nil && !isConnecting && service.isOffline }

    /// Answers the MFA question on screen.
    func answerMFACode(_ code: String) {
        pendingMFAReply?.answer(code)
        pendingMFAReply = nil
        signIn = isConnecting ? .connecting : .idle
    }

    /// The person pressed Esc: an open question is declined; while
    /// connecting, the wizard goes on offline and the late result is dropped.
    func declineSignIn() {
        pendingMFAReply?.decline("the MFA code was not entered")
        pendingMFAReply = nil
        signIn = .idle
        guard isConnecting, let connector else { return }
        connectTask?.cancel()
        connectAttempt += 1
        isConnecting = false
        service = connector.offline("Signing in was skipped.")
    }

    func absorb(_ question: SignInQuestion) {
        switch question {
        case .mfaCode(_, let reply, let attempt?) where attempt != connectAttempt:
            reply.decline("signing in was skipped")
        case .deviceSignIn(_, let attempt?) where attempt != connectAttempt:
            break  // nobody polls for that code any more
        case .mfaCode(let request, let reply, _):
            pendingMFAReply?.decline("a newer question replaced it")
            pendingMFAReply = reply
            signIn = .askingForMFACode(request)
        case .deviceSignIn(let request, _):
            signIn = .waitingForApproval(request)
        }
    }

    func absorbConnection(_ connected: RoleService, attempt: Int) {
        guard attempt == connectAttempt else { return }  // skipped meanwhile
        service = connected
        isConnecting = false
        signIn = .idle
        connectTask = nil
        pendingMFAReply?.decline("connecting ended")
        pendingMFAReply = nil
        loadAccount()
    }
}
