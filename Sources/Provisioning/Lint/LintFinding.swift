/// How much a finding matters, most serious first (the order of IAM Access
/// Analyzer's policy check findings).
public enum LintSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// IAM will reject the policy, or it does not do what it must.
    case error
    /// IAM accepts it, but it grants more than is safe.
    case securityWarning
    /// IAM accepts it, but something is probably not as intended.
    case warning
    /// It works; it could be simpler.
    case suggestion

    /// How text output names it.
    public var label: String {
        switch self {
        case .error: "error"
        case .securityWarning: "security warning"
        case .warning: "warning"
        case .suggestion: "suggestion"
        }
    }

    /// Most serious first: `.error < .suggestion`, so sorting puts errors at the top.
    public static func < (lhs: LintSeverity, rhs: LintSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One thing lint found.
public struct LintFinding: Sendable, Hashable {
    /// What the finding is about, so a caller can point at it in its own text
    /// (the spec file command maps `.managedPolicy(2)` to `policies[2]`).
    public enum Subject: Sendable, Hashable {
        /// The trust policy as a whole, or an element of it.
        case trustPolicy(JSONPath)
        /// An identity policy (an inline policy's document) or an element of it.
        case identityPolicy(JSONPath)
        /// The managed policy at this index of the list linted.
        case managedPolicy(Int)
        /// The list of managed policies as a whole.
        case managedPolicies
        /// A field of a spec file (`tags[2].value`).
        case specField(String)
    }

    /// The stable identifier of the check that found it.
    public var code: LintCode
    /// What is wrong and what to do about it, in a sentence.
    public var message: String
    /// What the finding is about; positions within the text are in `position`.
    public var subject: Subject
    /// Where in the linted text, when the finding is about a place in it.
    public var position: SourcePosition?

    /// `position` nil for a finding about the whole subject, such as a missing element.
    public init(_ code: LintCode, _ message: String, subject: Subject, position: SourcePosition? = nil) {
        self.code = code
        self.message = message
        self.subject = subject
        self.position = position
    }

    /// The code's severity; a finding cannot be given another.
    public var severity: LintSeverity { code.severity }
}

extension Array where Element == LintFinding {
    /// In reading order: by position (findings without one last), then by severity.
    public func sortedForReading() -> [LintFinding] {
        enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            switch (a.position, b.position) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.severity != b.severity { return a.severity < b.severity }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// True when any finding is an error, which makes `rolewiz lint` exit 1.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
