import Foundation

/// A POSIX shell script of AWS CLI calls that creates the role or brings it
/// back in line, and can be run any number of times. It names no profile,
/// region or account, so the AWS CLI's own configuration (AWS_PROFILE,
/// AWS_REGION, ...) decides where it goes.
struct ShellScriptExport {
    let role: DesiredRole

    func text() throws -> String {
        let tags = role.tags.isEmpty ? nil : try tagsArgument()
        var lines = [
            "#!/bin/sh",
            "# Creates the IAM role \(singleLine(role.roleName)) or brings it back in line with its rolewiz spec.",
            "# Safe to run again. The AWS CLI's own settings (AWS_PROFILE, AWS_REGION, ...) choose the account.",
            "set -eu",
            "",
            "role_name=\(shellQuoted(role.roleName))",
            "trust_policy=\(shellQuoted(role.trustPolicy))",
            "",
            "aws iam get-role --role-name \"$role_name\" >/dev/null 2>&1 ||",
        ]
        lines.append(command(["aws iam create-role --role-name \"$role_name\""] + creationOptions(tags: tags), indent: "  ") + " >/dev/null")
        lines.append(command([
            "aws iam update-assume-role-policy --role-name \"$role_name\"",
            "--policy-document \"$trust_policy\"",
        ]))
        let updates = roleUpdateOptions
        if !updates.isEmpty {
            lines.append(command(["aws iam update-role --role-name \"$role_name\""] + updates))
        }
        if let boundary = role.permissionsBoundaryArn {
            lines.append(command([
                "aws iam put-role-permissions-boundary --role-name \"$role_name\"",
                "--permissions-boundary \(shellQuoted(boundary))",
            ]))
        }
        for arn in role.policyArns {
            lines.append("aws iam attach-role-policy --role-name \"$role_name\" --policy-arn \(shellQuoted(arn))")
        }
        if let tags {
            lines.append("aws iam tag-role --role-name \"$role_name\" --tags \(tags)")
        }
        lines.append("aws iam get-role --role-name \"$role_name\" --query Role.Arn --output text")
        return lines.joined(separator: "\n") + "\n"
    }

    private func creationOptions(tags: String?) -> [String] {
        var options = [
            "--path \(shellQuoted(role.path))",
            "--assume-role-policy-document \"$trust_policy\"",
        ]
        options += roleUpdateOptions
        if let boundary = role.permissionsBoundaryArn {
            options.append("--permissions-boundary \(shellQuoted(boundary))")
        }
        if let tags {
            options.append("--tags \(tags)")
        }
        return options
    }

    /// `=` keeps a description that starts with `-` from reading as an option.
    private var roleUpdateOptions: [String] {
        var options: [String] = []
        if let description = role.description {
            options.append("--description=\(shellQuoted(description))")
        }
        if let seconds = role.maxSessionDuration {
            options.append("--max-session-duration \(seconds)")
        }
        return options
    }

    /// Tags as JSON, which the CLI takes as is; its `Key=..,Value=..`
    /// shorthand would break on commas and brackets in values.
    private func tagsArgument() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return shellQuoted(String(decoding: try encoder.encode(role.tags.map(APITag.init)), as: UTF8.self))
    }

    private func command(_ parts: [String], indent: String = "") -> String {
        indent + parts.joined(separator: " \\\n\(indent)    ")
    }

    /// Comments must stay on one line.
    private func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// `text` in single quotes for a POSIX shell: nothing inside is special
/// except the quote itself, written as `'\''`.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
}
