import Foundation

/// A profile's `credential_process`: a command that prints
/// `{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ..., "Expiration": ...}`.
///
/// Failures name the profile, the exit status and what the command wrote to
/// stderr; they never quote the command line or its standard output, which may
/// carry secrets. For the same reason its `description` shows neither the
/// command line nor the environment.
public struct ProcessCredentialProvider: CredentialProvider, CustomStringConvertible, CustomDebugStringConvertible {
    private let command: ShellCommand
    private let source: String

    /// - Parameters:
    ///   - environment: the environment the command runs with.
    ///   - source: how messages name this source, such as `profile dev`.
    public init(commandLine: String, environment: [String: String], source: String) {
        self.command = ShellCommand(commandLine: commandLine, environment: environment)
        self.source = source
    }

    public var description: String { "ProcessCredentialProvider(source: \(source))" }
    public var debugDescription: String { description }

    public func credentials() async throws -> AWSCredentials {
        let output: ShellCommand.Output
        do {
            output = try await command.run()
        } catch {
            throw failure("credential_process could not be started: \(error.localizedDescription)")
        }
        guard output.status == 0, !output.signalled else {
            let how = output.signalled ? "was killed by signal \(output.status)" : "exited with status \(output.status)"
            throw failure("credential_process \(how)" + Self.stderrSummary(output.stderr))
        }
        let document = CredentialDocument(
            what: "credential_process output", tokenField: "SessionToken", source: source, errorKind: .processFailed
        )
        let (fields, credentials) = try document.decode(output.stdout)
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
