import Foundation
import Provisioning

/// JSON for scripts: pretty-printed, keys sorted so output is stable, slashes unescaped.
enum JSONOutput {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// `rolewiz plan --output json`: the plan's own fields plus `findings`.
struct PlanReport: Encodable {
    var plan: Plan
    var findings: [LintFinding]

    private enum Key: String, CodingKey { case findings }
    private enum FindingKey: String, CodingKey { case severity, code, message }

    func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        var list = container.nestedUnkeyedContainer(forKey: .findings)
        for finding in findings.sortedForReading() {
            var nested = list.nestedContainer(keyedBy: FindingKey.self)
            try nested.encode(finding.severity.rawValue, forKey: .severity)
            try nested.encode(finding.code.rawValue, forKey: .code)
            try nested.encode(finding.message, forKey: .message)
        }
    }
}
