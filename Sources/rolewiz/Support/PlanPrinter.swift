import IAMClient
import Provisioning
import SafeText

/// A plan as people read it: the trust policy as a JSON diff, then role
/// settings, managed policies, inline policies (each document as a diff),
/// tags and the instance profile as `+`/`~`/`-` lines, then what lint
/// found, then a count. Colour comes from `style`.
struct PlanPrinter {
    var style: TerminalStyle
    /// Why IAM was not read, for an offline plan.
    var offlineReason: String?

    func text(for plan: Plan, findings: [LintFinding]) -> String {
        var lines: [String] = []
        if plan.offline {
            let reason = offlineReason ?? "IAM was not read."
            lines.append(style.yellow("Note: \(reason) This plan assumes the role does not exist yet."))
        }
        if plan.isEmpty {
            lines.append("Role \(plan.roleName) is up to date: nothing to do.")
        } else {
            let heading = plan.createsRole ? "Role \(plan.roleName) will be created." : "Role \(plan.roleName) already exists (\(plan.roleArn ?? "in this account")); it will be changed."
            lines.append(style.bold(heading))
            lines += section("Role", roleLines(plan.changes))
            lines += section("Trust policy", trustLines(plan.changes))
            lines += section("Managed policies", policyLines(plan.changes))
            lines += section("Inline policies", inlinePolicyLines(plan.changes))
            lines += section("Tags", tagLines(plan.changes))
            lines += section("Instance profile", instanceProfileLines(plan.changes))
        }
        lines += section("Findings", findingLines(findings))
        if !plan.isEmpty { lines += ["", countLine(plan)] }
        return lines.joined(separator: "\n")
    }

    private func section(_ title: String, _ body: [String]) -> [String] {
        body.isEmpty ? [] : ["", style.bold(title)] + body
    }

    private func line(_ marker: Character, _ text: String) -> String {
        style.marked(marker, "  \(marker) \(text)")
    }

    private func roleLines(_ changes: [Change]) -> [String] {
        changes.flatMap { change -> [String] in
            switch change {
            case .createRole(let role):
                var rows = [("path", role.path)]
                if let description = role.description { rows.append(("description", JSONPrinter.quoted(description))) }
                if let seconds = role.maxSessionDuration { rows.append(("max session", "\(seconds) s")) }
                if let boundary = role.permissionsBoundaryArn { rows.append(("boundary", boundary)) }
                let width = rows.map(\.0.count).max() ?? 0
                return [line("+", "create role \(role.roleName)")]
                    + rows.map { line("+", "    \($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)") }
            case .updateDescription, .updateMaxSessionDuration, .changePermissionsBoundary, .changePath:
                return [line(change.marker, change.detail)]
            default:
                return []
            }
        }
    }

    private func trustLines(_ changes: [Change]) -> [String] {
        for change in changes {
            switch change {
            case .createRole(let role): return diffLines(from: "", to: role.trustPolicy)
            case .updateTrustPolicy(let old, let new): return diffLines(from: old, to: new)
            default: continue
            }
        }
        return []
    }

    private func diffLines(from old: String, to new: String) -> [String] {
        PolicyDiff.lines(from: old, to: new).map { diffLine in
            // A document IAM holds that is not JSON is shown as written: as one inert line each.
            style.marked(diffLine.marker, "  \(diffLine.marker) \(InertText.line(diffLine.text))")
        }
    }

    private func policyLines(_ changes: [Change]) -> [String] {
        changes.compactMap { change in
            switch change {
            case .attachPolicy(let arn): line("+", arn)
            case .detachPolicy(let arn): line("-", arn)
            default: nil
            }
        }
    }

    /// Each inline policy put or deleted, by name, with its document as a diff.
    private func inlinePolicyLines(_ changes: [Change]) -> [String] {
        changes.flatMap { change -> [String] in
            switch change {
            case .putInlinePolicy(let name, let old, let new):
                [line(change.marker, JSONPrinter.quoted(name))] + diffLines(from: old ?? "", to: new).map { "  " + $0 }
            case .deleteInlinePolicy(let name, _): [line("-", JSONPrinter.quoted(name))]
            default: []
            }
        }
    }

    /// The role's own instance profile: made, the role added, refused or pruned.
    private func instanceProfileLines(_ changes: [Change]) -> [String] {
        changes.compactMap { change in
            switch change {
            case .createInstanceProfile, .addRoleToInstanceProfile, .instanceProfileHeldByAnotherRole, .removeInstanceProfile:
                line(change.marker, change.detail)
            default: nil
            }
        }
    }

    private func tagLines(_ changes: [Change]) -> [String] {
        changes.flatMap { change -> [String] in
            switch change {
            case .createRole(let role): role.tags.map { line("+", "\(InertText.line($0.key)) = \(JSONPrinter.quoted($0.value))") }
            case .addTag(let tag): [line("+", "\(InertText.line(tag.key)) = \(JSONPrinter.quoted(tag.value))")]
            case .changeTag(let key, let old, let new):
                [line("~", "\(InertText.line(key)) = \(JSONPrinter.quoted(old)) -> \(JSONPrinter.quoted(new))")]
            case .removeTag(let tag): [line("-", "\(InertText.line(tag.key)) (was \(JSONPrinter.quoted(tag.value)))")]
            default: []
            }
        }
    }

    private func findingLines(_ findings: [LintFinding]) -> [String] {
        let sorted = findings.sortedForReading()
        let width = sorted.map(\.severity.label.count).max() ?? 0
        return sorted.map { finding in
            let label = finding.severity.label.padding(toLength: width, withPad: " ", startingAt: 0)
            let text = "  \(label)  \(finding.code.rawValue): \(InertText.line(finding.message))"
            return finding.severity == .error ? style.red(text) : finding.severity == .suggestion ? text : style.yellow(text)
        }
    }

    private func countLine(_ plan: Plan) -> String {
        let markers = plan.changes.map(\.marker)
        func count(_ marker: Character) -> Int { markers.filter { $0 == marker }.count }
        var parts = ["\(count("+")) to add", "\(count("~")) to change", "\(count("-")) to remove"]
        let unsupported = count("!")
        if unsupported > 0 { parts.append("\(unsupported) rolewiz cannot make") }
        let total = plan.changes.count
        return "Plan: \(total) change\(total == 1 ? "" : "s") (\(parts.joined(separator: ", ")))."
    }
}
