import Foundation

/// Temporary credentials for a role, from STS AssumeRole signed with a source
/// provider's credentials (a `source_profile` or a `credential_source`),
/// with an MFA code when the profile has `mfa_serial`.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    /// The MFA device a role's trust policy demands, and who to ask for its code.
    public struct MFA: Sendable {
        /// The profile's `mfa_serial`: a device ARN or a hardware token's serial.
        public var serialNumber: String
        /// Nil when nobody can be asked (no terminal): the fetch then fails with `MFACodeUnavailableError`.
        public var prompt: MFACodePrompt?
        /// What the prompt shows, and what `MFACodeUnavailableError` names.
        public var challenge: MFAChallenge

        /// Pass a nil `prompt` where no one can type a code; the fetch then fails clearly instead of hanging.
        public init(serialNumber: String, prompt: MFACodePrompt?, challenge: MFAChallenge) {
            self.serialNumber = serialNumber
            self.prompt = prompt
            self.challenge = challenge
        }
    }

    /// The role to assume (the profile's `role_arn`).
    public var roleArn: String
    /// `role_session_name`, shown in CloudTrail as the session; botocore's made-up name when unset.
    public var sessionName: String
    /// `external_id`, sent when the trust policy demands one; nil sends none.
    public var externalId: String?
    /// `duration_seconds`; nil leaves STS's default of one hour.
    public var durationSeconds: Int?
    private let sourceCredentials: any CredentialProvider
    private let sts: any STSOperations
    private let source: String
    private let mfa: MFA?

    /// - Parameters:
    ///   - sourceCredentials: the credentials `sts` signs with.
    ///   - sts: an STS client built on `sourceCredentials`.
    ///   - source: how messages name this source, such as `profile dev`.
    public init(
        roleArn: String, sessionName: String, externalId: String? = nil, durationSeconds: Int? = nil,
        sourceCredentials: any CredentialProvider, sts: any STSOperations, source: String, mfa: MFA? = nil
    ) {
        self.mfa = mfa
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.externalId = externalId
        self.durationSeconds = durationSeconds
        self.sourceCredentials = sourceCredentials
        self.sts = sts
        self.source = source
    }

    /// Fetches the source credentials, then calls AssumeRole (asking for an MFA code
    /// each time); wrap it in `CachedCredentialProvider` so that happens only near expiry.
    public func credentials() async throws -> AWSCredentials {
        // Fetch the source first, so that its failure (a broken credential_process
        // in the source profile, say) is reported as that source's, not as STS's.
        _ = try await sourceCredentials.credentials()
        let token = try await mfaToken()
        var credentials: AWSCredentials
        do {
            credentials = try await sts.assumeRole(
                roleArn: roleArn, sessionName: sessionName, externalId: externalId, durationSeconds: durationSeconds, mfa: token
            )
        } catch let error as CredentialError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw CredentialError(source: source, kind: .stsFailed, message: "AssumeRole of \(roleArn) failed: \(Self.explain(error))")
        }
        credentials.source = "\(source) (role \(roleArn))"
        return credentials
    }

    /// The code for the MFA device, asked for at every fetch: a code is good once.
    private func mfaToken() async throws -> MFAToken? {
        guard let mfa else { return nil }
        guard let prompt = mfa.prompt else {
            throw MFACodeUnavailableError(challenge: mfa.challenge, reason: "there is no terminal to ask for it on")
        }
        let code = try await prompt(mfa.challenge).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !code.isEmpty else {
            throw MFACodeUnavailableError(challenge: mfa.challenge, reason: "no code was entered")
        }
        return MFAToken(serialNumber: mfa.serialNumber, tokenCode: code)
    }

    /// An STS failure without the action prefix `AWSError` adds, which our message already says.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? AWSError else { return "\(error)" }
        var text = "\(error.code) (HTTP \(error.httpStatus)): \(error.message)"
        if let requestId = error.requestId { text += " [request id \(requestId)]" }
        return text
    }

    /// The session name the AWS CLI makes up when none is configured.
    static func defaultSessionName(now: Date) -> String {
        "botocore-session-\(Int(now.timeIntervalSince1970))"
    }
}
