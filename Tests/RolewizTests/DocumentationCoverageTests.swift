import Foundation
import Testing
import TestSupport

/// Modules whose every public declaration has a doc comment stay so:
/// `.ci/undocumented-public --require-zero` fails on the first one added
/// without. Every Swift module in Sources/ is on the list (CNcursesw is C).
@Suite(.timeLimit(.minutes(2)))
struct DocumentationCoverageTests {
    static let complete = ["IAMClient", "Provisioning", "SafeText", "SigV4", "TerminalUI", "Wizard", "rolewiz"]

    @Test func documentedModulesStayDocumented() async throws {
        guard let python = Processes.which("python3") else {
            try MissingTool.stop("python3", install: "apt-get install python3")
        }
        let script = Processes.packageRoot().appendingPathComponent(".ci/undocumented-public").path
        let arguments = [script] + Self.complete.flatMap { ["--require-zero", $0] }
        let result = try await Processes.run(python, arguments: arguments, environment: Processes.minimalEnvironment(), timeout: 60)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        for module in Self.complete { #expect(result.stdout.contains("\(module): 0"), "\(result.stdout)") }
    }
}
