/// Where a stack set rolls its roles out: the organizational units (or the
/// root) whose accounts, present and future, get them, and the one region
/// each account's stack goes to. IAM is global, so a second region would
/// try to make the same roles again in every account and fail.
public struct StackSetTarget: Sendable, Hashable {
    /// A letter, then letters, digits and hyphens, as CloudFormation requires.
    public var stackSetName: String
    /// `ou-xxxx-xxxxxxxx` or a root `r-xxxx`; at least one.
    public var organizationalUnitIds: [String]
    /// Where each account's stack goes; the roles themselves are global.
    public var region: String

    /// Unchecked: `StackSetExport` checks every field (`problems()`) before writing anything.
    public init(stackSetName: String, organizationalUnitIds: [String], region: String) {
        self.stackSetName = stackSetName
        self.organizationalUnitIds = organizationalUnitIds
        self.region = region
    }

    /// The name a stack set gets when none is given: `rolewiz-ROLE` for one
    /// role (characters a stack set name cannot hold become `-`), `rolewiz-roles` for a set.
    public static func defaultStackSetName(roleNames: [String]) -> String {
        guard roleNames.count == 1, let name = roleNames.first else { return "rolewiz-roles" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        return String(("rolewiz-" + name.map { allowed.contains($0) ? $0 : "-" }).prefix(128))
    }

    /// The region a partition's stack sets usually live in, when none is given.
    public static func defaultRegion(partition: String) -> String {
        switch partition {
        case "aws-cn": "cn-north-1"
        case "aws-us-gov": "us-gov-west-1"
        default: "us-east-1"
        }
    }

    /// CloudFormation's pattern for a deployment target: `ou-` then 4 to 32
    /// and 8 to 32 lowercase letters or digits, or `r-` and 4 to 32.
    public static func isOrganizationalUnitId(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.first {
        case "ou": return parts.count == 3 && isIdPart(parts[1], 4...32) && isIdPart(parts[2], 8...32)
        case "r": return parts.count == 2 && isIdPart(parts[1], 4...32)
        default: return false
        }
    }

    /// CloudFormation's rule for stack set names; the name also ends up, unquoted, in the printed commands.
    public static func isStackSetName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter, name.count <= 128 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// A region's shape (`us-east-1`, `us-gov-west-1`, `cn-north-1`), not whether it exists.
    public static func isRegion(_ region: String) -> Bool {
        let parts = region.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let number = parts.last, !number.isEmpty, number.allSatisfy(\.isASCII), Int(number) != nil
        else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    /// Every problem with the target, naming the field.
    func problems() -> [ExportError] {
        var problems: [ExportError] = []
        if organizationalUnitIds.isEmpty {
            problems.append(ExportError(field: "organizationalUnitIds", message: "a stack set needs at least one organizational unit or root to deploy to"))
        }
        for id in organizationalUnitIds where !Self.isOrganizationalUnitId(id) {
            problems.append(ExportError(field: "organizationalUnitIds", message: "\"\(id)\" is not an organizational unit ID (ou-xxxx-xxxxxxxx) or a root ID (r-xxxx)"))
        }
        if !Self.isStackSetName(stackSetName) {
            problems.append(ExportError(field: "stackSetName", message: "\"\(stackSetName)\" is not a stack set name (a letter, then letters, digits and hyphens, at most 128)"))
        }
        if !Self.isRegion(region) {
            problems.append(ExportError(field: "region", message: "\"\(region)\" is not a region name such as us-east-1"))
        }
        return problems
    }

    private static func isIdPart(_ part: Substring, _ lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }
}
