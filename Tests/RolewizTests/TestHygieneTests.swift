import Foundation
import Testing
import TestSupport

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
    /// Every Swift file of the test targets (not their helpers, fuzzers or demo), with its text.
    static func testSources() throws -> [(path: String, text: String)] {
        try SourceTree.swiftFiles(in: "Tests", under: Processes.packageRoot(), label: "Tests")
            .filter { !["/TestSupport/", "/Fuzz/", "/TUIDemo/"].contains(where: $0.relativePath.contains) }
            .map { ($0.relativePath, $0.text) }
    }

    @Test func everySuiteHasATimeLimitAndHeavyOnesOnlyTheirOwn() throws {
        let files = try Self.testSources().map { (name: URL(fileURLWithPath: $0.path).lastPathComponent, scan: TestSourceScanner($0.text)) }
        // A test in `extension S` has the traits of the suite S, wherever S is declared.
        var suites: [String: String] = [:]
        for file in files {
            for declaration in file.scan.declarations where !declaration.isExtension {
                if let arguments = declaration.suiteArguments { suites[declaration.name] = arguments }
            }
        }
        var missing: Set<String> = [], doubled: Set<String> = [], heavyTests: [String] = []
        var testCount = 0
        for file in files {
            for test in file.scan.tests {
                testCount += 1
                let place = "\(file.name):\(test.line)"
                let traits = test.enclosing.compactMap { $0.isExtension ? suites[$0.name] : $0.suiteArguments }
                let owner = test.enclosing.first?.name ?? "(top level)"
                let heavy = traits.contains { $0.contains(".heavy") }
                let limited = (traits + [test.arguments]).contains { $0.contains(".timeLimit(") }
                if test.arguments.contains(".heavy") { heavyTests.append(place) }
                if heavy && limited { doubled.insert("\(file.name): \(owner)") }
                if !heavy && !limited { missing.insert("\(file.name): \(owner)") }
            }
        }
        #expect(testCount > 900, "the scanner found only \(testCount) tests")
        #expect(missing.isEmpty, "suites with neither .timeLimit nor .heavy: \(missing.sorted())")
        #expect(doubled.isEmpty, "heavy suites or their tests with a .timeLimit, which counts the wait for a permit: \(doubled.sorted())")
        #expect(heavyTests.isEmpty, "a @Test(.heavy) sits in a suite whose .timeLimit counts its wait; make the suite heavy: \(heavyTests)")
    }

    /// The scanner itself, on the ways a suite can be written.
    @Test func theScannerReadsSuitesAsWritten() {
        let scan = TestSourceScanner("""
        @MainActor @Suite("a (b)", .heavy, .timeLimit(.minutes(10))) struct One {
            @Test(
                .heavy
            ) func a() {}
            @Suite(.timeLimit(
                .minutes(2))) struct Inner {
                @Test("x)", arguments: [1]) func b(_ n: Int) {}
            }
        }
        extension One {
            @Test func c() {}
        }
        """)
        #expect(scan.declarations.map(\.name) == ["One", "Inner", "One"])
        #expect(scan.declarations.map(\.suiteArguments) == [#""a (b)", .heavy, .timeLimit(.minutes(10))"#, ".timeLimit(\n        .minutes(2))", nil])
        #expect(scan.tests.map(\.line) == [2, 7, 11])
        #expect(scan.tests[0].arguments.contains(".heavy"))
        #expect(scan.tests[1].enclosing.map(\.name) == ["Inner", "One"])
        #expect(scan.tests[2].enclosing.map(\.isExtension) == [true])
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
