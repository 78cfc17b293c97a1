import Provisioning
import TerminalUI

/// The review pane's text: the role as answered, the plan, the findings and
/// (for an existing role) the trust policy diff.
enum ReviewText {
    static func roleLines(_ model: WizardModel, partition: String) -> [String] {
        let spec = model.spec(partition: partition)
        var lines = ["Role name:    \(spec.name.isEmpty ? "(none yet)" : spec.name)"]
        if let description = spec.description { lines.append("Description:  \(description)") }
        switch spec.trust {
        case .awsServices(let trust):
            lines.append("Trusted by:   " + trust.services.joined(separator: ", ")
                + (trust.sourceAccount == nil ? "" : " (from my account only)"))
        case .awsAccount(let trust):
            if case .id(let id) = trust.account { lines.append("Trusted by:   account \(id)") } else { lines.append("Trusted by:   this account") }
        case .webIdentity(let trust):
            lines.append("Trusted by:   web identity \(trust.provider)"
                + (trust.gitHub.map { " (\($0.subjectPattern))" } ?? "")
                + (trust.cognitoIdentities.map { " (\($0.rawValue) identities)" } ?? ""))
        case .saml(let trust): lines.append("Trusted by:   SAML provider \(trust.provider)")
        case .customPolicy: lines.append("Trusted by:   a custom trust policy")
        }
        lines.append("Policies:     " + (spec.managedPolicies.isEmpty ? "none" : spec.managedPolicies.map(\.name).joined(separator: ", ")))
        if !spec.inlinePolicies.isEmpty { lines.append("Inline:       " + spec.inlinePolicies.map(\.name).joined(separator: ", ")) }
        if !spec.tags.isEmpty { lines.append("Tags:         " + spec.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")) }
        if spec.ec2MayAssume {
            // As the console does for EC2: an instance profile of the role's name.
            lines.append("Profile:      " + (spec.wantsInstanceProfile ? "instance profile of the same name, for EC2" : "no instance profile"))
        }
        return lines
    }

    /// The width of the "Label:" column of `roleLines`.
    static let labelWidth = 14

    /// `text` wrapped to `width` with a hanging indent under each "Label:  value"
    /// line's value, so wrapped values stay in their column; other lines wrap as usual.
    static func wrapped(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let label = line.prefix(labelWidth)
            guard width > labelWidth * 2, label.count == labelWidth, label.first?.isUppercase == true,
                  label.hasSuffix(" "), label.trimmingCharacters(in: .whitespaces).hasSuffix(":") else {
                return TextLayout.wrap(String(line), width: width)
            }
            let values = TextLayout.wrap(String(line.dropFirst(labelWidth)), width: width - labelWidth)
            return values.enumerated().map { (index, value) in
                (index == 0 ? String(label) : String(repeating: " ", count: labelWidth)) + value
            }
        }
    }

    static func text(for outcome: Outcome<ReviewSummary>, model: WizardModel, partition: String) -> String {
        var lines = roleLines(model, partition: partition)
        switch outcome {
        case .failure(let message):
            lines += ["", "! " + message]
        case .success(let review):
            lines += ["", review.plan.summary]
            if let current = review.current, !PolicyDiff.isSame(current.trustPolicyText, review.desired.trustPolicy) {
                lines += ["", "Trust policy (- old, + new):"]
                    + PolicyDiff.lines(from: current.trustPolicyText, to: review.desired.trustPolicy).map { "\($0.marker) \($0.text)" }
            }
            lines += ["", review.findings.isEmpty ? "No findings." : "Findings:"]
            lines += review.findings.map { finding in
                "  \(finding.severity.label): " + (finding.position.map { "\($0) " } ?? "") + finding.message
            }
            lines += ["", "Trust policy:"] + review.desired.trustPolicy.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.joined(separator: "\n")
    }
}
