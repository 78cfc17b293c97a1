import Foundation
import Testing

/// Rules every test file keeps, checked over the sources: each suite has a
/// time limit (a hang is a failure, not a CI time-out), and no test returns
/// early when a tool is missing (MissingTool skips or fails instead).
///
/// A heavy suite's limit is the `.heavy` trait's: it starts once the test
/// holds its permit. Swift Testing's `.timeLimit` would also count the wait
/// for the permit, so a heavy suite must not have one, and `.heavy` goes on
/// suites only (inside a suite with `.timeLimit` it would count the wait).
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
        var missing: [String] = [], both: [String] = []
        for (path, text) in try Self.testSources() {
            let lines = text.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                guard let match = line.firstMatch(of: /^(?:@\w+(?:\([^)]*\))?\s+)*(?:public |private |fileprivate )?(?:final )?(?:struct|class|enum|actor) (\w+)/) else { continue }
                let end = lines[(index + 1)...].firstIndex(of: "}") ?? lines.count
                guard lines[index..<end].contains(where: { $0.contains("@Test") }) else { continue }
                var attributes = [line]
                var above = index - 1
                while above >= 0, lines[above].hasPrefix("@") { attributes.append(lines[above]); above -= 1 }
                let suite = attributes.filter { $0.contains("@Suite") }.joined()
                let place = "\(URL(fileURLWithPath: path).lastPathComponent): \(match.1)"
                let limited = suite.contains(".timeLimit("), heavy = suite.contains(".heavy")
                if limited && heavy { both.append(place) } else if !limited && !heavy { missing.append(place) }
            }
        }
        #expect(missing.isEmpty, "suites with neither .timeLimit nor .heavy: \(missing)")
        #expect(both.isEmpty, "heavy suites with a .timeLimit, which counts the wait for a permit: \(both)")
    }

    @Test func heavyGoesOnSuitesOnly() throws {
        var found: [String] = []
        for (path, text) in try Self.testSources() {
            for line in text.components(separatedBy: "\n") where line.contains(/^\s*@Test\b.*\.heavy\b/) {
                found.append("\(URL(fileURLWithPath: path).lastPathComponent): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "a heavy test inside a suite with .timeLimit: \(found)")
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
