import Foundation

/// Offline checks of an identity policy (an inline policy's document, or a
/// customer managed policy), in the spirit of IAM Access Analyzer's policy
/// validation for identity-based policies: what IAM would reject (a
/// principal, no resource, an action no service has), what grants more than
/// is safe (`iam:PassRole` on every role), and what could be simpler.
/// Shares the document checks (version, elements, Sids, conditions, empty
/// lists) with `TrustPolicyLinter`, so both say the same of the same mistake.
public struct IdentityPolicyLinter: Sendable {
    /// Given to the document checks shared with `TrustPolicyLinter`, which judge service principals by it.
    public var catalogue: ServiceCatalogue
    /// The day end-of-support notices are worded for.
    public var today: Date
    /// The most characters (without whitespace) the policy may have: by
    /// default a role's inline total, since one policy cannot be larger.
    public var sizeQuota: Int

    /// The defaults are the standard catalogue and IAM's inline quota; a fixed `today` keeps findings from changing with the date.
    public init(catalogue: ServiceCatalogue = .standard, today: Date = Date(), sizeQuota: Int = RoleSpec.Limits.inlinePolicySize) {
        self.catalogue = catalogue
        self.today = today
        self.sizeQuota = sizeQuota
    }

    /// Findings for one policy text, in reading order, at line:column in `policy`.
    public func lint(policy: String) -> [LintFinding] {
        var findings: [LintFinding] = []
        if let (message, position) = TrustPolicyLinter.characterProblem(in: policy) {
            findings.append(LintFinding(.policyCharacters, message, subject: .identityPolicy(.root), position: position))
        }
        let size = PolicyDocument.iamSize(of: policy)
        if size > sizeQuota {
            findings.append(LintFinding(
                .identityPolicyTooLarge,
                "the policy is \(size) characters without whitespace; IAM allows at most \(sizeQuota) (a role's inline policies together); split it or use a managed policy",
                subject: .identityPolicy(.root)))
        }
        do {
            let parsed = try PolicyDocument.parseWithSourceMap(policy)
            var checks = DocumentChecks(parsed: parsed, kind: .identity, catalogue: catalogue, today: today)
            findings += checks.run()
        } catch {
            let code: LintCode = error.kind == .syntax ? .jsonSyntax : .policyStructure
            let message = error.path.map { "\($0): \(error.message)" } ?? error.message
            findings.append(LintFinding(code, message, subject: .identityPolicy(error.path ?? .root), position: error.position))
        }
        return findings.sortedForReading()
    }
}
