import Foundation

/// Terraform for the role: an `aws_iam_role` with the trust policy as a
/// `jsonencode` object, one `aws_iam_role_policy_attachment` per policy
/// (`for_each` over the set of ARNs), one `aws_iam_role_policy` per inline
/// policy (its document a `jsonencode` object too), an
/// `aws_iam_instance_profile` of the role's name and path when the role
/// wants one, and the ARN as an output.
///
/// Terraform holds every string in Unicode Normalization Form C, however it
/// is written (`"\u2126"`, `base64decode(...)` and `jsondecode(...)` all
/// give U+03A9 for U+2126 OHM SIGN), so text that NFC changes would reach
/// IAM as other text. Such a role is refused, naming the field, rather
/// than written to apply a different tag.
struct TerraformExport {
    let role: DesiredRole
    /// The name of every resource of the role and of its output (`NAME_arn`).
    let resourceName: String
    /// Inline policy resource names other roles of a set have (lowercased), which this role's avoid.
    let takenInlinePolicyNames: Set<String>

    /// One role alone, its resources named after it.
    init(role: DesiredRole) {
        self.init(role: role, resourceName: Self.resourceName(for: role.roleName))
    }

    /// A role of a set, under a name the set chose so no two roles share one.
    init(role: DesiredRole, resourceName: String, takenInlinePolicyNames: Set<String> = []) {
        self.role = role
        self.resourceName = resourceName
        self.takenInlinePolicyNames = takenInlinePolicyNames
    }

    func text() throws -> String {
        try Self.checkTerraformKeepsText(of: role)
        let name = resourceName
        var blocks = [block(#"resource "aws_iam_role" "\#(name)""#, try roleAttributes())]
        if !role.policyArns.isEmpty {
            blocks.append(block(#"resource "aws_iam_role_policy_attachment" "\#(name)""#, [
                HCLAttribute("for_each", .call("toset", .list(role.policyArns.map(HCLValue.string)))),
                HCLAttribute("role", .expression("aws_iam_role.\(name).name")),
                HCLAttribute("policy_arn", .expression("each.value")),
            ]))
        }
        for (policy, resource) in zip(role.inlinePolicies, inlinePolicyResourceNames) {
            blocks.append(block(#"resource "aws_iam_role_policy" "\#(resource)""#, [
                HCLAttribute("name", .string(policy.name)),
                HCLAttribute("role", .expression("aws_iam_role.\(name).name")),
                HCLAttribute("policy", .call("jsonencode", value(for: try DesiredRole.inlinePolicyJSON(policy)))),
            ]))
        }
        if role.wantsInstanceProfile {
            blocks.append(block(#"resource "aws_iam_instance_profile" "\#(name)""#, [
                HCLAttribute("name", .string(role.roleName)),
                HCLAttribute("path", .string(role.path)),
                HCLAttribute("role", .expression("aws_iam_role.\(name).name")),
            ]))
        }
        blocks.append(block(#"output "\#(name)_arn""#, [
            HCLAttribute("value", .expression("aws_iam_role.\(name).arn")),
        ]))
        return blocks.joined(separator: "\n")
    }

    private func roleAttributes() throws -> [HCLAttribute] {
        var attributes = [
            HCLAttribute("name", .string(role.roleName)),
            HCLAttribute("path", .string(role.path)),
        ]
        if let description = role.description {
            attributes.append(HCLAttribute("description", .string(description)))
        }
        if let seconds = role.maxSessionDuration {
            attributes.append(HCLAttribute("max_session_duration", .expression(String(seconds))))
        }
        if let boundary = role.permissionsBoundaryArn {
            attributes.append(HCLAttribute("permissions_boundary", .string(boundary)))
        }
        attributes.append(HCLAttribute("assume_role_policy", .call("jsonencode", value(for: try role.trustPolicyJSON()))))
        if !role.tags.isEmpty {
            attributes.append(HCLAttribute("tags", .object(role.tags.map {
                HCLAttribute(hclQuoted($0.key), .string($0.value))
            })))
        }
        return attributes
    }

    private func value(for json: JSONValue) -> HCLValue {
        switch json {
        case .string(let text): .string(text)
        case .number(let text): .expression(text)
        case .bool(let flag): .expression(flag ? "true" : "false")
        case .null: .expression("null")
        case .array(let items): .list(items.map(value(for:)))
        case .object(let members): .object(members.map { HCLAttribute(objectKey: $0.key, value(for: $0.value)) })
        }
    }

    /// Throws for the first value Terraform would change by normalizing it to NFC.
    static func checkTerraformKeepsText(of role: DesiredRole) throws {
        var fields: [(String, String)] = [("name", role.roleName), ("path", role.path)]
        if let description = role.description { fields.append(("description", description)) }
        if let boundary = role.permissionsBoundaryArn { fields.append(("permissionsBoundary", boundary)) }
        fields += role.policyArns.enumerated().map { ("policies[\($0.offset)]", $0.element) }
        fields += trustPolicyTexts(try role.trustPolicyJSON()).map { ("trustPolicy", $0) }
        for policy in role.inlinePolicies {
            let field = RoleSpec.inlinePolicyField(policy.name)
            fields.append((field, policy.name))
            fields += trustPolicyTexts(try DesiredRole.inlinePolicyJSON(policy)).map { (field, $0) }
        }
        for (index, tag) in role.tags.enumerated() {
            fields += [("tags[\(index)].key", tag.key), ("tags[\(index)].value", tag.value)]
        }
        for (field, text) in fields {
            let normalized = text.precomposedStringWithCanonicalMapping
            // Swift's == holds canonically equivalent strings equal: compare code points.
            guard !normalized.unicodeScalars.elementsEqual(text.unicodeScalars) else { continue }
            let changed = text.unicodeScalars.filter { !String($0).precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([$0]) }
            let which = changed.isEmpty ? "a sequence of characters" : changed.prefix(3).map(\.codePointNotation).joined(separator: ", ")
            throw ExportError(
                field: field,
                message: "has \(which), which Terraform replaces (it keeps every string in Unicode NFC), so IAM would get other text; export as cli or cloudformation instead")
        }
    }

    /// Every key and string in a policy document.
    private static func trustPolicyTexts(_ json: JSONValue) -> [String] {
        switch json {
        case .string(let text): [text]
        case .array(let items): items.flatMap(trustPolicyTexts)
        case .object(let members): members.flatMap { [$0.key] + trustPolicyTexts($0.value) }
        case .number, .bool, .null: []
        }
    }

    private func block(_ header: String, _ attributes: [HCLAttribute]) -> String {
        ([header + " {"] + HCLAttribute.lines(attributes, indent: 1) + ["}"]).joined(separator: "\n") + "\n"
    }

    /// One resource name per inline policy: the role's, `_`, and the
    /// policy's made a Terraform name; a name already taken gets `_2`, `_3`...
    var inlinePolicyResourceNames: [String] {
        var taken = takenInlinePolicyNames
        return role.inlinePolicies.map { policy in
            let base = resourceName + "_" + Self.terraformName(policy.name)
            var candidate = base
            var number = 2
            while !taken.insert(candidate.lowercased()).inserted {
                candidate = "\(base)_\(number)"
                number += 1
            }
            return candidate
        }
    }

    /// Terraform names start with a letter or `_` and hold letters, digits,
    /// `_` and `-`; IAM role names may also hold `+=,.@`.
    static func resourceName(for roleName: String) -> String {
        let name = terraformName(roleName)
        guard let first = name.first, first.isLetter || first == "_" else { return "role_" + name }
        return name
    }

    private static func terraformName(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
        return String(text.map { allowed.contains($0) ? $0 : "_" })
    }
}
