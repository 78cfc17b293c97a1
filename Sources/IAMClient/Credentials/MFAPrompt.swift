import Foundation

/// What a person is asked for when a role's profile has `mfa_serial`.
public struct MFAChallenge: Sendable, Hashable {
    /// The profile whose role needs the code.
    public var profile: String
    /// The MFA device: `arn:aws:iam::123456789012:mfa/alice`, or a hardware serial.
    public var serialNumber: String
    public var roleArn: String

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
    public var serialNumber: String
    public var tokenCode: String

    public init(serialNumber: String, tokenCode: String) {
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
    }
}

/// A profile needs an MFA code and none could be had: no terminal to ask on, or
/// nothing typed. A usage problem (exit 2) rather than an AWS failure: running
/// the command on a terminal, or with other credentials, is the way out.
public struct MFACodeUnavailableError: Error, Sendable, Hashable, CustomStringConvertible {
    public var challenge: MFAChallenge
    public var reason: String

    public init(challenge: MFAChallenge, reason: String) {
        self.challenge = challenge
        self.reason = reason
    }

    public var description: String {
        "profile \(challenge.profile) needs an MFA code for \(challenge.serialNumber) (mfa_serial) to assume \(challenge.roleArn), "
            + "but \(reason); run the command on a terminal, or in the wizard"
    }
}
