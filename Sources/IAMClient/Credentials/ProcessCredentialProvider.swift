import Foundation

/// A profile's `credential_process`: a command that prints
/// `{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ..., "Expiration": ...}`.
///
/// Failures name the profile, the exit status and what the command wrote to
/// stderr; they never quote the command line or its standard output, which may
/// carry secrets. For the same reason its `description` shows neither the
/// command line nor the environment.
public struct ProcessCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible {
    private let commandLine: String
    private let environment: [String: String]
    private let source: String
    private let timeLimit: TimeInterval
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - commandLine: the setting, split into words as botocore splits it
    ///     and run without a shell.
    ///   - environment: the environment the command runs with.
    ///   - source: how messages name this source, such as `profile dev`.
    ///   - timeLimit: seconds before a command that has not finished is stopped.
    public init(
        commandLine: String, environment: [String: String], source: String,
        timeLimit: TimeInterval = ProcessCredentialProvider.defaultTimeLimit, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.commandLine = commandLine
        self.environment = environment
        self.source = source
        self.timeLimit = timeLimit
        self.now = now
    }

    /// Room for a helper that waits for a person to approve a sign-in in a
    /// browser, but not forever.
    public static let defaultTimeLimit: TimeInterval = 120

    /// Names the source only: the command line may hold secrets.
    public var description: String { "ProcessCredentialProvider(source: \(source))" }
    /// The same as `description`, so `debugPrint` shows no secret either.
    public var debugDescription: String { description }

    /// Runs the command at every call (no shell, a time and output limit) and decodes its Version 1 document.
    public func credentials() async throws -> AWSCredentials {
        let words: [String]
        do {
            words = try CommandLineWords.split(commandLine)
        } catch {
            throw failure("credential_process cannot be split into a program and its arguments: \(error)")
        }
        let command = CredentialCommand(
            words: words, environment: environment, timeLimit: timeLimit, outputLimit: CredentialCommand.defaultOutputLimit)
        let output: CredentialCommand.Output
        do {
            output = try await command.run()
        } catch {
            switch error {
            case .notStarted(let reason): throw failure("credential_process could not be started: \(reason)")
            case .timedOut(let seconds): throw failure("credential_process did not finish within \(Int(seconds)) s and was stopped")
            case .tooMuchOutput(let limit): throw failure("credential_process printed more than \(limit) bytes, far more than a credential document; it was stopped")
            }
        }
        switch output.status {
        case .exited(0): break
        case .exited(let code): throw failure("credential_process exited with status \(code)" + Self.stderrSummary(output.stderr))
        case .signaled(let signal): throw failure("credential_process was killed by signal \(signal)" + Self.stderrSummary(output.stderr))
        }
        let document = CredentialDocument(
            what: "credential_process output", tokenField: "SessionToken", source: source, errorKind: .processFailed
        )
        let (fields, credentials) = try document.decode(output.stdout, now: now())
        guard let version = fields["Version"] as? Int, version == 1 else {
            let found = fields["Version"].map { "\($0)" } ?? "none"
            throw failure("credential_process output must have \"Version\": 1 (found \(found))")
        }
        return credentials
    }

    private func failure(_ message: String) -> CredentialError {
        CredentialError(source: source, kind: .processFailed, message: message)
    }

    /// The end of what the command wrote to stderr, which is where helpers explain themselves.
    private static func stderrSummary(_ stderr: Data) -> String {
        let text = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return "" }
        let limit = 500
        return ": " + (text.count > limit ? "…" + text.suffix(limit) : text)
    }
}
