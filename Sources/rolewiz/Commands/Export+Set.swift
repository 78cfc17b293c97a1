import Provisioning

/// `export` of several roles (several `--spec` files or a folder) and of a
/// StackSet: every file is read and every role checked before anything is
/// written, and all problems are reported at once, each naming its file or flag.
extension ExportCommand {
    /// One script, template or configuration holding every role of the set.
    func setText() throws -> String {
        if format == .json {
            throw InputError("--format json writes one role's spec file; give one --spec (cli, cloudformation, terraform and stackset take several)")
        }
        let inputs = try role.loadSet()
        var problems: [String] = []
        var needAccount: [String] = []
        for input in inputs {
            if role.accountId == nil, input.needsAccount(partition: partition) {
                needAccount.append(input.origin)
                continue
            }
            do {
                _ = try input.resolved(partition: partition, accountId: role.accountId)
                // Exported alone too, so a role the format cannot hold is named by its file.
                _ = try offline.export(input.spec, as: format, accountId: role.accountId)
            } catch let error as InputError {
                problems += error.problems
            } catch {
                problems.append("\(input.origin): \(error)")
            }
        }
        if !needAccount.isEmpty {
            problems.append("--account-id: the trust in \(needAccount.joined(separator: ", ")) names \"this account\"; export makes no AWS calls, so give the account ID")
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return try Self.asInputError { try offline.export(inputs.map(\.spec), as: format, accountId: role.accountId) }
    }

    /// The StackSet template: "this account" in a trust is each member account.
    func stackSetText() throws -> String {
        var problems = targetProblems
        let inputs: [RoleInput]
        do {
            inputs = role.isSet ? try role.loadSet() : [try role.load()]
        } catch let error as InputError {
            throw InputError(problems + error.problems)
        }
        for input in inputs {
            do {
                _ = try input.spec.resolveInEachAccount(partition: partition)
            } catch {
                problems += error.issues.map(input.locate)
            }
        }
        guard problems.isEmpty else { throw InputError(problems) }
        let target = StackSetTarget(
            stackSetName: stackSetName ?? StackSetTarget.defaultStackSetName(roleNames: inputs.map(\.spec.name)),
            organizationalUnitIds: organizationalUnitIds, region: stackSetRegion)
        return try Self.asInputError { try offline.exportStackSet(inputs.map(\.spec), target: target) }
    }

    /// One region for every account's stack: IAM is global.
    private var stackSetRegion: String {
        global.region ?? StackSetTarget.defaultRegion(partition: partition)
    }

    /// What is wrong with the flags that say where the stack set goes.
    private var targetProblems: [String] {
        var problems: [String] = []
        if role.accountId != nil {
            problems.append("--account-id: in a stack set \"this account\" is each member account (${AWS::AccountId}); leave --account-id out, or name the account in the spec")
        }
        for id in organizationalUnitIds where !StackSetTarget.isOrganizationalUnitId(id) {
            problems.append("--ou \(id): not an organizational unit ID (ou- then 4 to 32 and 8 to 32 lowercase letters or digits: ou-ab12-cd34ef56) or a root ID (r-ab12)")
        }
        // The default name is always valid: only a given one is checked.
        if let stackSetName, !StackSetTarget.isStackSetName(stackSetName) {
            problems.append("--stack-set-name \(stackSetName): a stack set name is a letter, then letters, digits and hyphens, at most 128")
        }
        if !StackSetTarget.isRegion(stackSetRegion) {
            problems.append("--region \(stackSetRegion): not a region name such as us-east-1")
        }
        return problems
    }

    /// What only the whole set can break (CloudFormation's quotas per
    /// template) is bad input too: reported against --spec, exit code 2.
    private static func asInputError(_ export: () throws -> String) throws -> String {
        do {
            return try export()
        } catch let error as ExportError {
            throw InputError("--spec: \(error.message)")
        }
    }
}
