import Foundation

/// What a person is asked for when a role's profile has `mfa_serial`.
public struct MFAChallenge: Sendable, Hashable {
    /// The profile whose role needs the code.
    public var profile: String
    /// The MFA device: `arn:aws:iam::123456789012:mfa/alice`, or a hardware serial.
    public var serialNumber: String
    /// The role the code unlocks, so the person knows what they are approving.
    public var roleArn: String

    /// All three are shown to the person asked.
    public init(profile: String, serialNumber: String, roleArn: String) {
        self.profile = profile
        self.serialNumber = serialNumber
        self.roleArn = roleArn
    }
}

/// Asks a person for the current code of an MFA device. The commands read it from
/// the terminal; the wizard can supply a field of its own. Injected through
/// `ClientOptions.mfaPrompt` and `CredentialChain.standard`, so that the library
/// never touches a terminal itself.
public typealias MFACodePrompt = @Sendable (MFAChallenge) async throws -> String

/// An MFA code and its device, as STS AssumeRole takes them (`SerialNumber`, `TokenCode`).
public struct MFAToken: Sendable, Hashable {
    /// The profile's `mfa_serial`.
    public var serialNumber: String
    /// The six-digit code the person typed, good for one call only.
    public var tokenCode: String

    /// Both go to AssumeRole as they are.
    public init(serialNumber: String, tokenCode: String) {
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
    }
}

/// A profile needs an MFA code and none could be had: no terminal to ask on, or
/// nothing typed. A usage problem (exit 2) rather than an AWS failure: running
/// the command on a terminal, or with other credentials, is the way out.
public struct MFACodeUnavailableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The profile, device and role that needed the code, for the message.
    public var challenge: MFAChallenge
    /// Why no code was had, worded to follow "but" in `description`.
    public var reason: String

    /// `reason` completes the sentence "... but REASON".
    public init(challenge: MFAChallenge, reason: String) {
        self.challenge = challenge
        self.reason = reason
    }

    /// Names the profile, device and role, and says where the command can ask.
    public var description: String {
        "profile \(challenge.profile) needs an MFA code for \(challenge.serialNumber) (mfa_serial) to assume \(challenge.roleArn), "
            + "but \(reason); run the command on a terminal, or in the wizard"
    }
}
