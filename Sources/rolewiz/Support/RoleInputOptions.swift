import ArgumentParser
import Foundation
import IAMClient
import Provisioning

/// Where a role comes from (a preset or a spec file) and what the command
/// line changes in it; shared by plan, apply and export.
struct RoleInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Start from this preset (see `rolewiz presets`).", valueName: "name"))
    var preset: String?

    @Option(help: ArgumentHelp(
        "Read the role from this spec file (YAML or JSON), or one role from each spec file in this folder; repeatable.",
        valueName: "file|folder"))
    var spec: [String] = []

    @Option(help: ArgumentHelp("The role's name, instead of the preset's or the file's.", valueName: "name"))
    var roleName: String?

    @Option(name: .customLong("description"), help: ArgumentHelp("The role's description, instead of the preset's or the file's.", valueName: "text"))
    var roleDescription: String?

    @Option(help: ArgumentHelp("The role's path, instead of the preset's or the file's (IAM cannot change it later).", valueName: "/path/"))
    var path: String?

    @Option(help: ArgumentHelp("How long the role's sessions may last: seconds, or 1h to 12h (IAM's default is 1h).", valueName: "duration"))
    var maxSessionDuration: String?

    @Option(help: ArgumentHelp("Set the permissions boundary: a managed policy's name or ARN.", valueName: "policy"))
    var permissionsBoundary: String?

    @Flag(help: "Remove the role's permissions boundary (a boundary the spec does not name is otherwise kept, even with --prune).")
    var noPermissionsBoundary = false

    @Option(name: .customLong("tag"), help: ArgumentHelp("Set a tag (repeatable); replaces a tag with the same key.", valueName: "key=value"))
    var tags: [String] = []

    @Option(help: ArgumentHelp("The account \"this account\" in a trust means (default: the caller's, from STS).", valueName: "id"))
    var accountId: String?

    func validate() throws {
        switch (preset, spec.isEmpty) {
        case (nil, true): throw ValidationError("Give the role with --preset NAME or --spec FILE.")
        case (.some, false): throw ValidationError("Give either --preset or --spec, not both.")
        default: break
        }
        if permissionsBoundary != nil, noPermissionsBoundary {
            throw ValidationError("Give either --permissions-boundary or --no-permissions-boundary, not both.")
        }
        do {
            for tag in tags { _ = try TagArgument.parse(tag) }
            if let maxSessionDuration { _ = try Self.seconds(maxSessionDuration) }
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
    }

    /// The role spec with the command line's changes, checked against every
    /// IAM rule at once. Problems name the flag, or the file:line:column.
    func load() throws -> RoleInput {
        try withCommandLineChanges(try loadSource())
    }

    /// `input` with the flags' changes made, validated.
    func withCommandLineChanges(_ loaded: RoleInput) throws -> RoleInput {
        var input = loaded
        if let roleName {
            input.spec.name = roleName
            input.overriddenFields.insert("name")
        }
        if let roleDescription {
            input.spec.description = roleDescription
            input.overriddenFields.insert("description")
        }
        if let path {
            input.spec.path = path
            input.overriddenFields.insert("path")
        }
        if let maxSessionDuration {
            input.spec.maxSessionDuration = try Self.seconds(maxSessionDuration)
            input.overriddenFields.insert("maxSessionDuration")
        }
        if let permissionsBoundary {
            input.spec.permissionsBoundary = PolicyReference(permissionsBoundary)
            input.overriddenFields.insert("permissionsBoundary")
        }
        if noPermissionsBoundary {
            input.spec.permissionsBoundary = nil
            input.removesPermissionsBoundary = true
        }
        for argument in tags {
            let tag = try TagArgument.parse(argument)
            if let index = input.spec.tags.firstIndex(where: { $0.key.lowercased() == tag.key.lowercased() }) {
                input.spec.tags[index] = tag
                input.tagArguments[index] = argument
            } else {
                input.spec.tags.append(tag)
                input.tagArguments[input.spec.tags.count - 1] = argument
            }
        }
        let problems = input.spec.validate().map(input.locate)
        guard problems.isEmpty else { throw InputError(problems) }
        return input
    }

    private static func seconds(_ argument: String) throws -> Int {
        do {
            return try SessionDuration.seconds(from: argument)
        } catch {
            throw InputError("--max-session-duration \(error)")
        }
    }

    private func loadSource() throws -> RoleInput {
        if let preset {
            return RoleInput(spec: try RolePreset.lookup(preset).spec, origin: "preset \(preset)", file: nil)
        }
        return try Self.load(specFile: spec.first ?? "")
    }

    /// One spec file, its problems naming the file:line:column.
    static func load(specFile path: String) throws -> RoleInput {
        let text: String
        do {
            text = try InputFile.read(path)
        } catch {
            throw InputError("--spec \(error)")
        }
        do {
            let loaded = try RoleSpecFile.decode(text, path: path)
            return RoleInput(spec: loaded.spec, origin: path, file: (path, loaded))
        } catch {
            let place = error.position.map { "\(path):\($0)" } ?? path
            throw InputError([place, error.field, error.message].compactMap { $0 }.joined(separator: ": "))
        }
    }
}

/// A role spec and where each part of it came from, to point problems at the source.
struct RoleInput {
    var spec: RoleSpec
    /// `preset NAME` or the spec file's path.
    var origin: String
    var file: (path: String, loaded: LoadedRoleSpec)?
    /// Fields the command line set (`name`, `description`, `path`, ...).
    var overriddenFields: Set<String> = []
    /// `--no-permissions-boundary`: remove the role's boundary.
    var removesPermissionsBoundary = false
    /// Tags set by `--tag`, by index, with the argument as given.
    var tagArguments: [Int: String] = [:]

    /// `--role-name: name: ...`, `role.yaml:3:7: tags[0].value: ...` or `preset x: ...`.
    func locate(_ issue: ValidationIssue) -> String {
        let root = String(issue.field.prefix { $0 != "." && $0 != "[" })
        if overriddenFields.contains(root) {
            return "\(Self.flag(forField: root)): \(issue)"
        }
        if root == "tags", let index = Self.index(in: issue.field), let argument = tagArguments[index] {
            return "--tag \(argument): \(issue)"
        }
        if let file {
            return file.loaded.position(ofField: issue.field).map { "\(file.path):\($0): \(issue)" } ?? "\(file.path): \(issue)"
        }
        return "\(origin): \(issue)"
    }

    /// The role as IAM should hold it. A trust in "this account" needs the
    /// account: `accountId` (from --account-id), else `callerAccount` is
    /// asked (STS GetCallerIdentity), only when it is needed.
    func resolve(
        partition: String, accountId: String?, callerAccount: () async throws -> String
    ) async throws -> DesiredRole {
        do {
            return try resolved(partition: partition, accountId: accountId)
        } catch {
            guard accountId == nil, needsAccount(partition: partition) else { throw error }
            return try resolved(partition: partition, accountId: try await callerAccount())
        }
    }

    /// The role for a known account (or none), its problems located in the input.
    func resolved(partition: String, accountId: String?) throws -> DesiredRole {
        var desired: DesiredRole
        do {
            desired = try spec.resolve(partition: partition, accountId: accountId)
        } catch {
            throw InputError(error.issues.map(locate))
        }
        desired.removesPermissionsBoundary = removesPermissionsBoundary
        return desired
    }

    /// The flag that sets a spec field: `name` is `--role-name`, `maxSessionDuration` `--max-session-duration`.
    static func flag(forField field: String) -> String {
        if field == "name" { return "--role-name" }
        return "--" + field.reduce(into: "") { flag, character in
            if character.isUppercase { flag += "-" + character.lowercased() } else { flag.append(character) }
        }
    }

    /// True when the spec resolves with an account and not without one.
    func needsAccount(partition: String) -> Bool {
        (try? spec.resolve(partition: partition, accountId: nil)) == nil
            && (try? spec.resolve(partition: partition, accountId: TrustPolicyLinter.exampleAccountId)) != nil
    }

    private static func index(in field: String) -> Int? {
        guard let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), open < close else { return nil }
        return Int(field[field.index(after: open)..<close])
    }
}
