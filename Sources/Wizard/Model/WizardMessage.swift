import IAMClient
import Provisioning

/// What background work posts to the application inbox. Every read and
/// write runs through `RoleService` off the UI thread; the result comes
/// back as one of these and the screens update from it.
public enum WizardMessage: Sendable {
    case identity(Outcome<CallerIdentity>)
    case policiesPage(count: Int)
    case policies(Outcome<[ManagedPolicy]>)
    case policyDocument(arn: String, Outcome<String>)
    case quotas(LintQuotas)
    case review(Outcome<ReviewSummary>)
    case applyEvent(ApplyEvent)
    case applyFinished(Outcome<ApplyResult>)
    case roles(Outcome<[Role]>)
    case role(Outcome<RoleDetails>)
    /// Whether a role with this name already exists (the create flow's name check).
    case roleNameTaken(name: String, Outcome<Bool>)
    /// Go back to the create flow's step with this index (Review's digit keys); each step screen above it pops.
    case goToStep(Int)
}

/// A result whose failure is already words for a person (errors are not Sendable values to keep).
public enum Outcome<Value: Sendable>: Sendable {
    case success(Value)
    case failure(String)

    public var value: Value? {
        if case .success(let value) = self { value } else { nil }
    }

    /// Runs `work`, turning a thrown error into its message (AWS code included).
    static func of(_ work: () async throws -> Value) async -> Outcome {
        do { return .success(try await work()) } catch { return .failure(WizardError.describe(error)) }
    }
}

/// Plain words for errors shown on screens.
enum WizardError {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let aws as AWSError: "\(aws.message) (\(aws.code))"
        case let invalid as RoleSpecValidationError: invalid.issues.map(\.description).joined(separator: "; ")
        default: String(describing: error)
        }
    }
}

/// What the review screen shows: the role as it will be sent, the plan and the findings.
public struct ReviewSummary: Sendable {
    public var desired: DesiredRole
    public var plan: Plan
    public var findings: [LintFinding]
    /// The role before the change, when it exists (the edit flow's diff).
    public var current: RoleDetails?
}
