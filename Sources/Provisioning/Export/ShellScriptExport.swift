/// A POSIX shell script of AWS CLI calls that creates the role or brings it
/// back in line, and can be run any number of times. It names no profile,
/// region or account, so the AWS CLI's own configuration (AWS_PROFILE,
/// AWS_REGION, ...) decides where it goes.
///
/// No value from the spec is ever a command-line argument. The AWS CLI
/// expands a parameter that starts with `file://`, `fileb://` (and, in CLI
/// v1, `http://` or `https://`) into that file's or page's contents, and
/// reads one that starts with `-` as an option; a description of
/// `file://~/.aws/credentials` would store the user's keys in IAM. So each
/// call's parameters go in `--cli-input-json`, which the CLI documents as
/// the request itself and does not expand, read from a here-document whose
/// quoted delimiter keeps the shell from expanding anything either. Inline
/// policies are `put-role-policy` calls the same way (RoleName, PolicyName
/// and PolicyDocument in the request), which replace a document on a re-run.
/// A role that wants its instance profile gets `create-instance-profile`
/// when there is none and `add-role-to-instance-profile` when it is empty;
/// a profile holding another role stops the script (never taken over).
struct ShellScriptExport {
    let roles: [DesiredRole]

    init(role: DesiredRole) {
        roles = [role]
    }

    /// Every role's calls in one script, in order; a failing call stops it.
    init(roles: [DesiredRole]) {
        self.roles = roles
    }

    /// The here-document delimiter. The JSON between never has a line of
    /// its own that is just this word: its lines start with `{`, `}` or spaces.
    static let delimiter = "JSON"

    func text() -> String {
        let what = roles.count == 1
            ? "the IAM role \(roles[0].roleName) or brings it back in line with its rolewiz spec"
            : "\(roles.count) IAM roles (\(roles.map(\.roleName).joined(separator: ", "))) or brings them back in line with their rolewiz specs"
        var lines = [
            "#!/bin/sh",
            // Role names hold only letters, digits and +=,.@_-: nothing a comment line could misread.
            "# Creates \(what).",
            "# Safe to run again. The AWS CLI's own settings (AWS_PROFILE, AWS_REGION, ...) choose the account.",
            "# Every value is passed in --cli-input-json, which the AWS CLI takes literally (no file:// or URL expansion).",
            "set -eu",
            "",
            "iam() {",
            "    aws iam \"$@\" --cli-input-json \"$(cat)\"",
            "}",
        ]
        for role in roles {
            lines.append("")
            if roles.count > 1 { lines.append("# \(role.roleName)") }
            lines += ShellScriptRoleCalls(role: role).lines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The end of `ShellScriptRoleCalls`' instance profile lines: the same text for every role.
    static let refusalLines = [
        "    if [ \"$holder\" != \"$role\" ]; then",
        "        printf 'The instance profile named like the role holds role %s; it is not taken over.\\n' \"$holder\" >&2",
        "        exit 1",
        "    fi",
    ]
}

/// One role's calls in the script: made if missing, then brought in line.
private struct ShellScriptRoleCalls {
    let role: DesiredRole

    var lines: [String] {
        let name = JSONMember("RoleName", .string(role.roleName))
        var lines = [
            "if ! iam get-role >/dev/null 2>&1 <<'\(ShellScriptExport.delimiter)'",
        ]
        lines += input([name])
        lines.append("then")
        lines += call("create-role >/dev/null", [name] + creationMembers, indent: "    ")
        lines.append("fi")
        lines += call("update-assume-role-policy", [name, JSONMember("PolicyDocument", .string(role.trustPolicy))])
        let updates = roleUpdateMembers
        if !updates.isEmpty {
            lines += call("update-role", [name] + updates)
        }
        if let boundary = role.permissionsBoundaryArn {
            lines += call("put-role-permissions-boundary", [name, JSONMember("PermissionsBoundary", .string(boundary))])
        }
        for arn in role.policyArns {
            lines += call("attach-role-policy", [name, JSONMember("PolicyArn", .string(arn))])
        }
        if !role.tags.isEmpty {
            lines += call("tag-role", [name, tagsMember])
        }
        for policy in role.inlinePolicies {
            lines += call("put-role-policy", [
                name, JSONMember("PolicyName", .string(policy.name)), JSONMember("PolicyDocument", .string(policy.document)),
            ])
        }
        if role.wantsInstanceProfile {
            lines += instanceProfileLines
        }
        lines += call("get-role --query Role.Arn --output text", [name])
        return lines
    }

    /// Creates the profile if missing, then adds the role when it is empty;
    /// a profile holding another role (compared with the name IAM gives
    /// back, so no spec text leaves the here-documents) stops the script.
    /// One read of the profile tells all three apart.
    private var instanceProfileLines: [String] {
        let profile = JSONMember("InstanceProfileName", .string(role.roleName))
        var lines = ["if ! holder=$(iam get-instance-profile --query 'InstanceProfile.Roles[0].RoleName' --output text 2>/dev/null <<'\(ShellScriptExport.delimiter)'"]
            + input([profile]) + ["); then"]
        lines += call("create-instance-profile >/dev/null", [profile, JSONMember("Path", .string(role.path))], indent: "    ")
        lines.append("    holder=None")
        lines.append("fi")
        lines.append("if [ \"$holder\" = None ]; then")
        lines += call("add-role-to-instance-profile", [profile, JSONMember("RoleName", .string(role.roleName))], indent: "    ")
        lines.append("else")
        lines += ["    role=$(iam get-role --query Role.RoleName --output text <<'\(ShellScriptExport.delimiter)'"]
            + input([JSONMember("RoleName", .string(role.roleName))]) + [")"]
        lines += ShellScriptExport.refusalLines
        lines.append("fi")
        return lines
    }

    /// `iam COMMAND <<'JSON'`, the request, `JSON`.
    private func call(_ command: String, _ members: [JSONMember], indent: String = "") -> [String] {
        ["\(indent)iam \(command) <<'\(ShellScriptExport.delimiter)'"] + input(members)
    }

    /// The request as JSON (unsafe characters escaped, so the script shows
    /// no control character either), then the delimiter.
    private func input(_ members: [JSONMember]) -> [String] {
        JSONPrinter.pretty(.object(members)).split(separator: "\n").map(String.init) + [ShellScriptExport.delimiter]
    }

    private var creationMembers: [JSONMember] {
        var members = [
            JSONMember("Path", .string(role.path)),
            JSONMember("AssumeRolePolicyDocument", .string(role.trustPolicy)),
        ]
        members += roleUpdateMembers
        if let boundary = role.permissionsBoundaryArn {
            members.append(JSONMember("PermissionsBoundary", .string(boundary)))
        }
        if !role.tags.isEmpty {
            members.append(tagsMember)
        }
        return members
    }

    private var roleUpdateMembers: [JSONMember] {
        var members: [JSONMember] = []
        if let description = role.description {
            members.append(JSONMember("Description", .string(description)))
        }
        if let seconds = role.maxSessionDuration {
            members.append(JSONMember("MaxSessionDuration", .number(String(seconds))))
        }
        return members
    }

    private var tagsMember: JSONMember {
        JSONMember("Tags", .array(role.tags.map {
            .object([JSONMember("Key", .string($0.key)), JSONMember("Value", .string($0.value))])
        }))
    }
}
