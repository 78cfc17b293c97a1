import Foundation
import Testing
import TestSupport

/// The layers as declared (issue 15): `Wizard screens -> Provisioning ->
/// IAMClient`, and every module importing only what Package.swift says it
/// depends on. Read from the sources, so any new file or import is checked,
/// not only the ones that once went wrong.
@Suite(.timeLimit(.minutes(2)))
struct LayeringTests {
    /// The Provisioning files whose public API names IAMClient's connection
    /// types for the composition root (sessions, operations, observers,
    /// errors): the only ones that may `public import IAMClient`.
    static let publicIAMClientImporters: Set<String> = [
        "Provisioning/Apply/Applier.swift",  // Applier(iam: any IAMOperations)
        "Provisioning/Apply/AttemptReporting.swift",  // Applier.requestObserver: RequestObserver
        "Provisioning/Delete/RoleDeletion+Load.swift",  // RoleDeletion.load(from: any IAMOperations)
        "Provisioning/Fleet/AccountDirectory.swift",  // AccountDirectory.caller: AWSSession, OrganizationAccount
        "Provisioning/Inspect/RoleDetails+Load.swift",  // RoleDetails.load(from: any IAMOperations)
        "Provisioning/Plan/Planner.swift",  // Planner(iam: any IAMOperations)
        "Provisioning/Service/AWSErrorAdvice.swift",  // advice(for: AWSError)
        "Provisioning/Service/RoleService.swift",  // RoleService.connect(session: AWSSession)
        "Provisioning/Service/RoleServiceConnection.swift",  // LiveConnection.iam/.sts: IAMOperations, STSOperations
    ]

    static let root = Processes.packageRoot()

    @Test func everyTargetImportsOnlyWhatItDeclares() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets = PackageManifest.targets(of: manifest)
        // Every target of the package is first party, so a new module is checked without a list to update.
        let firstParty = Set(targets.map(\.name))
        #expect(firstParty.isSuperset(of: ["IAMClient", "Provisioning", "Wizard", "TerminalUI", "Signals", "TestSupport", "WizardTests"]),
                "\(firstParty.sorted())")
        var filesRead = 0
        // Libraries, executables and test targets alike, each in its own directory (its `path:` if it has one).
        for target in targets {
            let files = try SourceTree.swiftFiles(in: target.directory, under: Self.root, label: target.name)
            filesRead += files.count
            for file in files {
                for line in file.imports where firstParty.contains(line.module) && line.module != target.name {
                    #expect(target.dependencies.contains(line.module),
                            "\(target.directory)/\(file.relativePath.drop { $0 != "/" }.dropFirst()): imports \(line.module), which target \(target.name) does not declare")
                }
            }
        }
        #expect(filesRead > 500, "only \(filesRead) Swift files found under the targets' directories")
    }

    @Test func screensNameNoIAMClientType() throws {
        let wireOnly = try Self.iamClientOnlyTypeNames()
        #expect(wireOnly.isSuperset(of: ["Role", "Tag", "InlinePolicy", "AttachedPolicy", "InstanceProfile", "AWSSession"]))
        for target in ["Wizard", "TerminalUI"] {
            for file in try SourceTree.swiftFiles(of: target, under: Self.root) {
                let named = file.typeLikeIdentifiers.intersection(wireOnly)
                #expect(named.isEmpty, "\(file.relativePath) names IAMClient's \(named.sorted()): use Provisioning's own types")
            }
        }
    }

    @Test func provisioningImportsIAMClientInternallyExceptAtTheConnection() throws {
        var publicImporters: Set<String> = []
        for file in try SourceTree.swiftFiles(of: "Provisioning", under: Self.root) {
            for line in file.imports where line.module == "IAMClient" {
                // A bare `import` is public in Swift 6: each file says which it means.
                #expect(line.access == "internal" || line.access == "public",
                        "\(file.relativePath): `import IAMClient` without an access level; write `internal import IAMClient`")
                #expect(!line.attributes.contains("@_exported"), "\(file.relativePath): re-exports IAMClient to every module that imports Provisioning")
                if line.access == "public" { publicImporters.insert(file.relativePath) }
            }
        }
        let unexpected = publicImporters.subtracting(Self.publicIAMClientImporters)
        #expect(unexpected.isEmpty,
                "\(unexpected.sorted()) `public import IAMClient`: Provisioning's public API hands out its own value types, not IAMClient's")
        let stale = Self.publicIAMClientImporters.subtracting(publicImporters)
        #expect(stale.isEmpty, "listed as public importers but no longer are: \(stale.sorted())")
    }

    /// In the files that may `public import IAMClient`, the public
    /// declarations name only the connection types the commands wire, never
    /// a wire value a screen could get hold of by inference.
    @Test func publicDeclarationsNameOnlyConnectionTypes() throws {
        let wireOnly = try Self.iamClientOnlyTypeNames().subtracting(Self.connectionTypes)
        let publicLine = #/^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:nonisolated|static|final|override|mutating)\s+)*(?:public|open)\b/#
        for file in try SourceTree.swiftFiles(of: "Provisioning", under: Self.root)
        where Self.publicIAMClientImporters.contains(file.relativePath) {
            let lines = file.text.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where (try? publicLine.prefixMatch(in: line)) != nil {
                // The declaration up to its body or the end of its signature.
                var declaration = line
                var next = index + 1
                while !declaration.contains("{"), next < lines.count, next < index + 8, !lines[next].trimmingCharacters(in: .whitespaces).isEmpty {
                    declaration += " " + lines[next]
                    next += 1
                }
                let signature = declaration.prefix { $0 != "{" }
                let named = Set(signature.matches(of: #/(?:^|[^\w])([A-Z]\w*)/#).map { String($0.output.1) }).intersection(wireOnly)
                #expect(named.isEmpty, "\(file.relativePath):\(index + 1) hands out IAMClient's \(named.sorted()): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    /// IAMClient's types that the composition root wires and Provisioning may name publicly.
    static let connectionTypes: Set<String> = [
        "IAMOperations", "STSOperations", "AWSSession", "RequestObserver", "OrganizationAccount", "CredentialSourceAttempt", "AWSError",
    ]

    /// Public type names declared in IAMClient and nowhere the screens'
    /// modules can see: not by Provisioning, TerminalUI or SafeText, nor
    /// by the screens themselves (a nested `Kind` of their own is no wire type).
    static func iamClientOnlyTypeNames() throws -> Set<String> {
        var names: Set<String> = []
        for file in try SourceTree.swiftFiles(of: "IAMClient", under: root) { names.formUnion(file.publicTypeNames) }
        for module in ["Provisioning", "TerminalUI", "SafeText", "Wizard"] {
            for file in try SourceTree.swiftFiles(of: module, under: root) { names.subtract(file.allTypeNames) }
        }
        return names
    }
}
