import Foundation
import IAMClient

extension GlobalOptions {
    /// A command's time limit unless `--timeout` says otherwise: long
    /// enough for an apply of many roles with retries, short enough that a
    /// server that answers slowly forever cannot hold a script.
    static let defaultTimeLimit: TimeInterval = 600

    /// The client options these flags and the process environment describe.
    /// `timeLimit` is the default limit for all AWS calls (nil for the
    /// interactive wizard, where a person decides when to give up).
    ///
    /// MFA codes are asked for on the terminal (`/dev/tty`) by the commands. The
    /// wizard (no time limit) passes its `WizardSignIn.QuestionRelay`'s prompt,
    /// which asks on its start screen.
    /// `profile` replaces `--profile` (a run over `--profiles` makes one session per profile).
    func clientOptions(
        environment: [String: String] = ProcessInfo.processInfo.environment, timeLimit: TimeInterval? = defaultTimeLimit,
        mfaPrompt: MFACodePrompt? = nil, profile: String? = nil
    ) -> ClientOptions {
        let limit = timeout.map(TimeInterval.init) ?? timeLimit
        return ClientOptions(
            profile: profile ?? self.profile, region: region, endpointURL: endpointURL, maxAttempts: maxAttempts,
            debug: debug, environment: environment, deadline: limit.map { Date().addingTimeInterval($0) },
            mfaPrompt: mfaPrompt ?? (timeLimit == nil ? nil : MFATerminalPrompt.prompt))
    }

    /// Resolves the AWS session for a command; fails before any connection
    /// when a setting cannot work (reported with exit code 2).
    func makeSession(
        environment: [String: String] = ProcessInfo.processInfo.environment, timeLimit: TimeInterval? = defaultTimeLimit,
        mfaPrompt: MFACodePrompt? = nil, profile: String? = nil
    ) throws -> AWSSession {
        try AWSSession.resolve(clientOptions(environment: environment, timeLimit: timeLimit, mfaPrompt: mfaPrompt, profile: profile))
    }
}
