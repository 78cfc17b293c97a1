import Foundation
import IAMClient
import Provisioning
import SafeText

/// A role as `rolewiz show` prints it for people: aligned settings, the
/// decoded trust policy, attached and inline policies, tags and the
/// instance profiles EC2 hands the role to instances with.
struct RoleDetailsPrinter {
    var style: TerminalStyle

    func text(for details: RoleDetails) -> String {
        let role = details.role
        let seconds = role.maxSessionDuration ?? Planner.defaultMaxSessionDuration
        var rows = [
            ("Role", role.roleName),
            ("ARN", role.arn),
            ("Path", role.path),
            ("Description", role.description.flatMap { $0.isEmpty ? nil : $0 } ?? "(none)"),
            ("Max session", "\(seconds) s (\(Self.hours(seconds)))"),
        ]
        if let created = role.createDate { rows.append(("Created", AWSTimestamp.format(created))) }
        rows.append(("Last used", Self.lastUsed(details)))
        if let boundary = role.permissionsBoundaryArn { rows.append(("Boundary", boundary)) }
        var lines = Self.aligned(rows)

        lines += ["", style.bold("Trust policy")]
        lines += PolicyDocument.readingText(role.assumeRolePolicyDocument).split(separator: "\n").map { "  " + $0 }

        lines += ["", style.bold("Attached policies (\(details.attachedPolicies.count))")]
        lines += details.attachedPolicies.isEmpty
            ? ["  (none)"]
            : Self.aligned(details.attachedPolicies.map { ($0.policyName, $0.policyArn) }, separator: "  ").map { "  " + $0 }

        lines += ["", style.bold("Inline policies (\(details.inlinePolicies.count))")]
        if details.inlinePolicies.isEmpty { lines.append("  (none)") }
        for policy in details.inlinePolicies {
            lines.append("  " + InertText.line(policy.name))
            lines += PolicyDocument.readingText(policy.document).split(separator: "\n").map { "    " + InertText.line(String($0)) }
        }

        lines += ["", style.bold("Tags (\(details.tags.count))")]
        lines += details.tags.isEmpty
            ? ["  (none)"]
            : Self.aligned(details.tags.map { ($0.key, $0.value) }, separator: " = ").map { "  " + $0 }

        lines += ["", style.bold("Instance profiles (\(details.instanceProfiles.count))")]
        lines += details.instanceProfiles.isEmpty
            ? ["  (none)"]
            : Self.aligned(details.instanceProfiles.map { ($0.name, $0.arn) }, separator: "  ").map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    /// `name:  value` rows with the values in one column.
    static func aligned(_ rows: [(String, String)], separator: String = ":") -> [String] {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { name, value in
            // One row each: a value from IAM cannot start a line of its own.
            let (name, value) = (InertText.line(name), InertText.line(value))
            let label = separator == ":" ? name + ":" : name
            let padded = label.padding(toLength: width + (separator == ":" ? 1 : 0), withPad: " ", startingAt: 0)
            return separator == ":" ? "\(padded)  \(value)" : "\(padded)\(separator)\(value)"
        }
    }

    private static func hours(_ seconds: Int) -> String {
        let hours = Double(seconds) / 3600
        let text = hours == hours.rounded() ? String(Int(hours)) : String(format: "%.1f", hours)
        return "\(text) hour\(hours == 1 ? "" : "s")"
    }

    private static func lastUsed(_ details: RoleDetails) -> String {
        guard let date = details.role.roleLastUsed?.lastUsedDate else { return "never (or not in IAM's tracking period)" }
        let region = details.role.roleLastUsed?.region.map { " in \($0)" } ?? ""
        return AWSTimestamp.format(date) + region
    }
}
