/// What it takes to make IAM hold a `DesiredRole`: a list of changes, for
/// people (`summary`) and for programs (`Codable`, as the JSON output).
public struct Plan: Sendable, Hashable, Codable {
    /// The role the plan is for.
    public var roleName: String
    /// The ARN of the role as it exists now; nil when the plan creates it.
    public var roleArn: String?
    /// Whether policies, inline policies and tags not in the spec are removed.
    public var prune: Bool
    /// Made without reading IAM (no credentials): everything is to be created.
    public var offline: Bool
    /// In the order they are shown; `Applier.steps(for:)` decides the order of the calls.
    public var changes: [Change]

    /// Made by `Planner`; tests and decoding build their own.
    public init(roleName: String, roleArn: String?, prune: Bool, offline: Bool = false, changes: [Change]) {
        self.roleName = roleName
        self.roleArn = roleArn
        self.prune = prune
        self.offline = offline
        self.changes = changes
    }

    /// Nothing to do: applying makes no call at all.
    public var isEmpty: Bool { changes.isEmpty }

    /// True when the role does not exist yet, so the plan starts with CreateRole.
    public var createsRole: Bool {
        changes.contains { if case .createRole = $0 { true } else { false } }
    }

    /// Changes that applying cannot make (see `Change.isSupported`).
    public var unsupportedChanges: [Change] { changes.filter { !$0.isSupported } }

    /// A heading and one line per change.
    public var summary: String {
        if isEmpty { return "Role \(roleName) is up to date: nothing to do." }
        let count = changes.count == 1 ? "1 change" : "\(changes.count) changes"
        var heading = createsRole ? "Role \(roleName) does not exist" : "Role \(roleName)"
        if offline { heading += " (planned offline, IAM not read)" }
        var lines = ["\(heading): \(count)."]
        lines += changes.map { "  " + $0.summary }
        let unsupported = unsupportedChanges.count
        if unsupported > 0 {
            lines.append("\(unsupported) change\(unsupported == 1 ? "" : "s") marked ! cannot be applied by rolewiz.")
        }
        return lines.joined(separator: "\n")
    }
}
