import Foundation
import Testing

/// Rules every test file keeps, checked over the sources: each suite has a
/// time limit (a hang is a failure, not a CI time-out), and no test returns
/// early when a tool is missing (MissingTool skips or fails instead).
@Suite(.timeLimit(.minutes(10)))
struct TestHygieneTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file of the test targets, with its text.
    static func testSources() throws -> [(path: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(at: testsFolder, includingPropertiesForKeys: nil))
        return try enumerator.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && $0.path.contains("Tests/") && !$0.path.contains("/TestSupport/")
                && !$0.path.contains("/Fuzz/") && !$0.path.contains("/TUIDemo/") }
            .map { ($0.path, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func everySuiteHasATimeLimit() throws {
        var missing: [String] = []
        for (path, text) in try Self.testSources() {
            let lines = text.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                guard let match = line.firstMatch(of: /^(?:@\w+(?:\([^)]*\))?\s+)*(?:public |private |fileprivate )?(?:final )?(?:struct|class|enum|actor) (\w+)/) else { continue }
                let end = lines[(index + 1)...].firstIndex(of: "}") ?? lines.count
                guard lines[index..<end].contains(where: { $0.contains("@Test") }) else { continue }
                var attributes = [line]
                var above = index - 1
                while above >= 0, lines[above].hasPrefix("@") { attributes.append(lines[above]); above -= 1 }
                if !attributes.contains(where: { $0.contains("@Suite") && $0.contains(".timeLimit(") }) {
                    missing.append("\(URL(fileURLWithPath: path).lastPathComponent): \(match.1)")
                }
            }
        }
        #expect(missing.isEmpty, "suites without .timeLimit: \(missing)")
    }

    @Test func noTestReturnsEarlyWhenAToolIsMissing() throws {
        let early = /guard let \w+ = try (?:await )?(?:Tmux|WizardPane)\.start|guard let \w+ = try (?:await )?PythonOracle\.answer/
        var found: [String] = []
        for (path, text) in try Self.testSources() where text.contains(early) {
            found.append(URL(fileURLWithPath: path).lastPathComponent)
        }
        #expect(found.isEmpty, "an early return on a missing tool passes silently: \(found)")
    }
}
