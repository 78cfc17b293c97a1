import Foundation
import Provisioning

/// What background work posts to the application inbox. Every read and
/// write runs through `RoleService` off the UI thread; the result comes
/// back as one of these, lands once in `WizardContext.absorb` (the model),
/// and then the screens that show it redraw from the context.
public enum WizardMessage: Sendable {
    /// Signing in needs the person: an MFA code, or a device sign-in to approve.
    case signInQuestion(SignInQuestion)
    /// Connecting attempt `attempt` ended (see `WizardContext.connect`): live or offline.
    case connected(RoleService, attempt: Int)
    case identity(Outcome<AccountIdentity>)
    case policiesPage(count: Int)
    case policies(Outcome<[ManagedPolicySummary]>)
    case policyDocument(arn: String, Outcome<String>)
    case quotas(LintQuotas)
    /// The plan for review request `request` (see `WizardContext.loadReview`).
    case review(request: Int, Outcome<ReviewSummary>)
    case applyEvent(ApplyEvent)
    case applyFinished(Outcome<ApplyResult>)
    case roles(Outcome<[RoleSummary]>)
    case role(Outcome<RoleDetails>)
    /// When each of these roles was last used (GetRole's RoleLastUsed; nil:
    /// not in IAM's tracking period), for the role list's Last activity.
    case rolesLastUsed([String: Outcome<Date?>])
    /// What deleting the role takes, read before anything is changed.
    case deletion(Outcome<RoleDeletion>)
    case deleteFinished(Outcome<ApplyResult>)
    /// The account's OIDC and SAML providers, for the trusted-entity step's provider picker.
    case identityProviders(Outcome<IdentityProviders>)
    /// Whether a role with this name already exists (the create flow's name check).
    case roleNameTaken(name: String, Outcome<Bool>)
}

/// A result whose failure is already words for a person (errors are not Sendable values to keep).
public enum Outcome<Value: Sendable>: Sendable {
    case success(Value)
    case failure(String)

    /// The value on success; nil on failure (its message is in the `.failure` case).
    public var value: Value? {
        if case .success(let value) = self { value } else { nil }
    }

    /// The value transformed, a failure kept as it is.
    public func map<Other: Sendable>(_ transform: (Value) -> Other) -> Outcome<Other> {
        switch self {
        case .success(let value): .success(transform(value))
        case .failure(let message): .failure(message)
        }
    }

    /// Runs `work`, turning a thrown error into its message (AWS code included).
    static func of(_ work: () async throws -> Value) async -> Outcome {
        do { return .success(try await work()) } catch { return .failure(WizardError.describe(error)) }
    }
}

/// Plain words for errors shown on screens: an AWS error as the command line says it, with its advice.
enum WizardError {
    static func describe(_ error: any Error) -> String {
        if let aws = AWSErrorAdvice.message(forAny: error) { return aws }
        return switch error {
        case let invalid as RoleSpecValidationError: invalid.issues.map(\.description).joined(separator: "; ")
        default: String(describing: error)
        }
    }
}

/// What the review screen shows: the role as it will be sent, the plan and the findings.
public struct ReviewSummary: Sendable {
    /// The role resolved from the answers, as it will be sent to IAM.
    public var desired: DesiredRole
    /// The changes applying it would make in IAM.
    public var plan: Plan
    /// What lint found in it, shown before the person applies.
    public var findings: [LintFinding]
    /// The role before the change, when it exists (the edit flow's diff).
    public var current: RoleDetails?
}
