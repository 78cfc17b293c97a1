import Foundation

/// A profile's role needs the current code of an MFA device: the question,
/// in Provisioning's words, so screens never see the credential chain's types.
public struct MFACodeRequest: Sendable, Hashable {
    /// The profile whose role needs the code.
    public var profile: String
    /// The MFA device (`mfa_serial`): an ARN or a hardware serial.
    public var device: String
    /// The role the code lets the profile assume.
    public var roleArn: String

    /// Built by the CLI from the credential chain's MFA challenge, so screens need not know its type.
    public init(profile: String, device: String, roleArn: String) {
        self.profile = profile
        self.device = device
        self.roleArn = roleArn
    }
}

/// An IAM Identity Center device sign-in waiting for approval in a browser,
/// on this machine or any other (this one may be a server reached over SSH).
public struct DeviceSignInRequest: Sendable, Hashable {
    /// The profile that signs in through IAM Identity Center.
    public var profile: String
    /// The page to open, where `userCode` is typed.
    public var verificationURL: String
    /// The same page with the code in it (what a QR code carries), when the service gives one.
    public var completeURL: String?
    /// The code the person types on `verificationURL`, shown on screen; it expires at `expiresAt`.
    public var userCode: String
    /// When the code stops working.
    public var expiresAt: Date

    /// Built by the CLI from IAM Identity Center's device authorization answer.
    public init(profile: String, verificationURL: String, completeURL: String?, userCode: String, expiresAt: Date) {
        self.profile = profile
        self.verificationURL = verificationURL
        self.completeURL = completeURL
        self.userCode = userCode
        self.expiresAt = expiresAt
    }
}

/// Whoever answers signing in's questions: the terminal for the commands,
/// the start screen for the wizard. Injected, so nothing below prompts by itself.
public struct SignInAsker: Sendable {
    /// Returns the code typed; throws when the person declines.
    public var mfaCode: @Sendable (MFACodeRequest) async throws -> String
    /// Shows what to open and type; returns at once (the sign-in polls meanwhile).
    public var showDeviceSignIn: @Sendable (DeviceSignInRequest) async -> Void

    /// The commands pass terminal prompts; the wizard passes its start screen's.
    public init(
        mfaCode: @escaping @Sendable (MFACodeRequest) async throws -> String,
        showDeviceSignIn: @escaping @Sendable (DeviceSignInRequest) async -> Void
    ) {
        self.mfaCode = mfaCode
        self.showDeviceSignIn = showDeviceSignIn
    }
}

/// How to connect a `RoleService` once someone can answer sign-in's
/// questions: what the wizard is given so that it can open its screens first
/// and sign in from the start screen.
public struct RoleServiceConnector: Sendable {
    /// What the start screen shows while signing in (known without credentials).
    public var partition: String
    /// The session's region, shown while signing in.
    public var region: String
    /// The profile signing in, shown while signing in.
    public var profile: String
    /// Resolves the credentials, asking `asker` for what they need.
    public var connect: @Sendable (_ asker: SignInAsker) async -> RoleService
    /// Sends later questions (a new MFA code when assumed credentials expire) to `asker`.
    public var redirectQuestions: @Sendable (_ asker: SignInAsker) -> Void

    /// `connect` is called once something can answer sign-in's questions; `redirectQuestions`
    /// when a session connected before the screens opened hands its later questions to them.
    public init(
        partition: String, region: String, profile: String,
        connect: @escaping @Sendable (SignInAsker) async -> RoleService,
        redirectQuestions: @escaping @Sendable (SignInAsker) -> Void
    ) {
        self.partition = partition
        self.region = region
        self.profile = profile
        self.connect = connect
        self.redirectQuestions = redirectQuestions
    }

    /// An offline service saying `message`, in this connector's place.
    public func offline(_ message: String) -> RoleService {
        RoleService(connection: .offline(OfflineReason(message: message, partition: partition, region: region, profile: profile)))
    }
}
