import Foundation

/// Offline checks of a role's trust policy and managed policies, in the
/// spirit of IAM Access Analyzer's policy validation: what IAM would reject,
/// what is unsafe, what is probably a mistake, and what could be simpler.
public struct TrustPolicyLinter: Sendable {
    /// The sizes and counts the trust policy and managed policies are checked against.
    public var quotas: LintQuotas
    /// The service principals known, to flag misspelt or retired ones.
    public var catalogue: ServiceCatalogue
    /// The day end-of-support notices are worded for.
    public var today: Date

    /// The defaults are IAM's quotas and the standard catalogue; a fixed `today` keeps findings from changing with the date.
    public init(quotas: LintQuotas = LintQuotas(), catalogue: ServiceCatalogue = .standard, today: Date = Date()) {
        self.quotas = quotas
        self.catalogue = catalogue
        self.today = today
    }

    /// Findings for a trust policy text and the managed policy ARNs the role
    /// attaches, in reading order. Positions are line:column in `trustPolicy`.
    public func lint(trustPolicy: String, managedPolicyArns: [String] = []) -> [LintFinding] {
        var findings = checkText(trustPolicy)
        var document: PolicyDocument?
        do {
            let parsed = try PolicyDocument.parseWithSourceMap(trustPolicy)
            document = parsed.document
            var checks = DocumentChecks(parsed: parsed, catalogue: catalogue, today: today)
            findings += checks.run()
        } catch {
            let code: LintCode = error.kind == .syntax ? .jsonSyntax : .policyStructure
            let message = error.path.map { "\($0): \(error.message)" } ?? error.message
            findings.append(LintFinding(code, message, subject: .trustPolicy(error.path ?? .root), position: error.position))
        }
        findings += checkManagedPolicies(managedPolicyArns, trust: document)
        return findings.sortedForReading()
    }

    /// Checks on the raw text that hold whether or not it parses.
    private func checkText(_ text: String) -> [LintFinding] {
        var findings: [LintFinding] = []
        if let (message, position) = Self.characterProblem(in: text) {
            findings.append(LintFinding(.trustPolicyCharacters, message, subject: .trustPolicy(.root), position: position))
        }
        let size = PolicyDocument.iamSize(of: text)
        if size > quotas.trustPolicySize {
            findings.append(LintFinding(
                .trustPolicyTooLarge,
                "the trust policy is \(size) characters without whitespace; the account's quota (AssumeRolePolicySizeQuota) is \(quotas.trustPolicySize)",
                subject: .trustPolicy(.root)))
        }
        return findings
    }

    /// The first character IAM refuses in any policy document, said and placed.
    static func characterProblem(in text: String) -> (message: String, position: SourcePosition)? {
        guard let (scalar, position) = firstScalar(in: text, where: { !CharacterRule.policyDocument.allows($0) }) else { return nil }
        return ("\(CharacterRule.spell(scalar)) is not allowed in a policy; IAM accepts \(CharacterRule.policyDocument.allowed)", position)
    }

    /// The first scalar matching `predicate`, and its line:column.
    static func firstScalar(in text: String, where predicate: (Unicode.Scalar) -> Bool) -> (Unicode.Scalar, SourcePosition)? {
        let scalars = Array(text.unicodeScalars)
        var position = SourcePosition.start
        for (index, scalar) in scalars.enumerated() {
            if predicate(scalar) { return (scalar, position) }
            position.advance(past: scalar, followedBy: index + 1 < scalars.count ? scalars[index + 1] : nil)
        }
        return nil
    }
}
