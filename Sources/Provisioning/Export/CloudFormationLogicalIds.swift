/// The logical IDs and output names one role has in a CloudFormation
/// template. A role alone keeps the names rolewiz has always written
/// (`Role`, `InstanceProfile`, `RoleArn`); in a set each role's come from
/// its name, so a template diff reads by role.
struct CloudFormationLogicalIds: Hashable {
    var role: String
    var instanceProfile: String
    var roleOutput: String
    /// Nil for a role alone, whose template has always had one output.
    var instanceProfileOutput: String?

    static let single = CloudFormationLogicalIds(
        role: "Role", instanceProfile: "InstanceProfile", roleOutput: "RoleArn", instanceProfileOutput: nil)

    /// One set of IDs per role, in order. IDs are the role name's letters and
    /// digits in CamelCase (`ci-deploy.x` is `CiDeployX`); a name whose
    /// IDs are taken, ignoring case, by an earlier role gets `2`, `3`...
    static func forSet(_ roleNames: [String]) -> [CloudFormationLogicalIds] {
        var taken: Set<String> = []
        return roleNames.map { name in
            let base = camelCase(name)
            var candidate = base
            var number = 2
            // A role's instance profile ID is kept for it even when it has none, so adding one later renames nothing.
            while taken.contains(candidate.lowercased()) || taken.contains((candidate + "InstanceProfile").lowercased()) {
                candidate = "\(base)\(number)"
                number += 1
            }
            taken.formUnion([candidate.lowercased(), (candidate + "InstanceProfile").lowercased()])
            return CloudFormationLogicalIds(
                role: candidate, instanceProfile: candidate + "InstanceProfile", roleOutput: candidate + "Arn",
                instanceProfileOutput: candidate + "InstanceProfileArn")
        }
    }

    /// Logical IDs hold only A-Z, a-z and 0-9; this one also starts with a letter.
    static func camelCase(_ name: String) -> String {
        let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let joined = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        guard let first = joined.first, first.isLetter else { return "Role" + joined }
        return joined
    }
}
