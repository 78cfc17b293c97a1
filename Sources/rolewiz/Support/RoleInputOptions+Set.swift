import Foundation
import IAMClient
import Provisioning

/// Several roles at once: `--spec` given more than once, or naming a folder
/// whose spec files are each one role.
extension RoleInputOptions {
    /// The spec file names a folder holds: YAML and JSON, not hidden, not in subfolders.
    static let specFileExtensions: Set<String> = ["yaml", "yml", "json"]

    /// True when the input is more than one role, or a folder of them.
    var isSet: Bool {
        spec.count > 1 || spec.contains { Self.isFolder($0) }
    }

    /// Every role the `--spec` paths name, each with the flags' changes,
    /// checked all at once before any AWS call: every bad file is reported
    /// (file:line:column), and two files naming the same role are refused
    /// naming both, so a set is never half-applied because of its input.
    func loadSet() throws -> [RoleInput] {
        if roleName != nil, isSet {
            throw InputError("--role-name names one role; with several spec files, each file names its own role")
        }
        if preset != nil { return [try load()] }
        var problems: [String] = []
        var inputs: [RoleInput] = []
        for path in try specFiles() {
            do {
                inputs.append(try withCommandLineChanges(try Self.load(specFile: path)))
            } catch let error as InputError {
                problems += error.problems
            }
        }
        var firstFile: [String: String] = [:]
        for input in inputs {
            // IAM role names are unique without regard to case.
            let key = input.spec.name.lowercased()
            if let other = firstFile[key] {
                problems.append("\(input.origin): name: role \(input.spec.name) is also in \(other); each role may be in one file of the set")
            } else {
                firstFile[key] = input.origin
            }
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return inputs
    }

    /// The files `--spec` names, folders expanded in name order.
    func specFiles() throws -> [String] {
        var files: [String] = []
        for path in spec {
            guard Self.isFolder(path) else {
                files.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw InputError("--spec \(path): cannot read the folder: \(error.localizedDescription)")
            }
            let specs = names.filter { name in
                !name.hasPrefix(".") && Self.specFileExtensions.contains((name as NSString).pathExtension.lowercased())
                    && !Self.isFolder((path as NSString).appendingPathComponent(name))
            }.sorted()
            guard !specs.isEmpty else {
                throw InputError("--spec \(path): the folder holds no spec files (.yaml, .yml or .json)")
            }
            files += specs.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

extension RoleInput {
    /// This input as one member of a set: resolved per account, its problems
    /// still naming the flag or the file:line:column.
    func member(accountIdOption: String?) -> RoleSetMember {
        let input = self
        return RoleSetMember(origin: origin, roleName: spec.name, needsAccount: needsAccount(partition: "aws")) { partition, accountId in
            try input.resolved(partition: partition, accountId: accountIdOption ?? accountId)
        }
    }
}
