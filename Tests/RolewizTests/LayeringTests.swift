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
        "Provisioning/Apply/StepFailure.swift",  // StepFailure.awsError: AWSError?
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
        // Every target of the package is first party, so a new module is checked without a list to update.
        let firstParty = Set(PackageManifest.firstPartyDependencies(of: manifest, among: []).keys)
        #expect(firstParty.isSuperset(of: ["IAMClient", "Provisioning", "Wizard", "TerminalUI", "Signals", "TestSupport"]), "\(firstParty)")
        let declared = PackageManifest.firstPartyDependencies(of: manifest, among: firstParty)
        let targets = try SourceTree.targets(under: Self.root.appendingPathComponent("Sources"))
        #expect(Set(targets).isSuperset(of: ["IAMClient", "Provisioning", "Wizard", "TerminalUI", "Signals"]), "\(targets)")
        for target in targets {
            let allowed = try #require(declared[target], "Sources/\(target) has no target in Package.swift")
            for file in try SourceTree.swiftFiles(of: target, under: Self.root) {
                for line in file.imports where firstParty.contains(line.module) && line.module != target {
                    #expect(allowed.contains(line.module),
                            "\(file.relativePath): imports \(line.module), which target \(target) does not declare (it declares \(allowed.sorted()))")
                }
            }
        }
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
                if line.access == "public" { publicImporters.insert(file.relativePath) }
            }
        }
        let unexpected = publicImporters.subtracting(Self.publicIAMClientImporters)
        #expect(unexpected.isEmpty,
                "\(unexpected.sorted()) `public import IAMClient`: Provisioning's public API hands out its own value types, not IAMClient's")
    }

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
