/// Terraform for several roles in one configuration: each role's blocks as
/// `TerraformExport` writes them, under resource names no two roles share.
/// IAM tells role names apart ignoring case, but Terraform names replace
/// `+=,.@` with `_`, so `a.b` and `a_b` would clash; the later role then
/// gets `_2`, `_3`... (ignoring case, like inline policy names), and inline
/// policy resources avoid every name an earlier role's took.
struct TerraformSetExport {
    let roles: [DesiredRole]

    func text() throws -> String {
        var roleNames: Set<String> = []
        var policyNames: Set<String> = []
        var parts: [String] = []
        for role in roles {
            let base = TerraformExport.resourceName(for: role.roleName)
            var name = base
            var number = 2
            while !roleNames.insert(name.lowercased()).inserted {
                name = "\(base)_\(number)"
                number += 1
            }
            let export = TerraformExport(role: role, resourceName: name, takenInlinePolicyNames: policyNames)
            parts.append(try export.text())
            policyNames.formUnion(export.inlinePolicyResourceNames.map { $0.lowercased() })
        }
        return parts.joined(separator: "\n")
    }
}
