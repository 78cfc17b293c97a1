import Foundation
import Testing

@testable import Provisioning

/// Trust policies built one statement a line, and where a piece of text
/// sits in them, so tests of single checks state positions without counting.
enum LintPolicyFixtures {
    static let linter = TrustPolicyLinter(today: Date(timeIntervalSince1970: 1_800_000_000))

    /// A 2012-10-17 policy whose statements start on lines 2, 3, ...
    static func policy(_ statements: String...) -> String {
        "{\"Version\": \"2012-10-17\", \"Statement\": [\n" + statements.joined(separator: ",\n") + "]}"
    }

    /// Positions of the findings with `code`.
    static func positions(_ code: LintCode, in text: String) -> [SourcePosition] {
        linter.lint(trustPolicy: text).filter { $0.code == code }.compactMap(\.position)
    }

    /// The line:column of the `occurrence`th (from 1) appearance of `needle`.
    static func position(of needle: String, in text: String, occurrence: Int = 1) -> SourcePosition? {
        var count = 0
        for (lineIndex, line) in text.components(separatedBy: "\n").enumerated() {
            var searchStart = line.startIndex
            while let range = line.range(of: needle, range: searchStart..<line.endIndex) {
                count += 1
                if count == occurrence {
                    return SourcePosition(line: lineIndex + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
                searchStart = range.upperBound
            }
        }
        return nil
    }
}

/// One row of the check tables: a policy that triggers `code`, where its
/// finding must be, and a close policy that must not trigger it.
struct LintCheckRow: Sendable, CustomTestStringConvertible {
    let code: LintCode
    /// Access Analyzer's title of the check, so the table reads against the reference.
    let check: String
    let triggers: String
    /// Text the finding points at (its first appearance), or nil for the document's or statement's start.
    let at: String?
    let nearMiss: String
    var testDescription: String { "\(code.rawValue) (\(check))" }
}
