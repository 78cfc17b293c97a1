import Provisioning
import TerminalUI

/// What the two policy editors (trust, inline) show of their lint findings:
/// the gutter markers, the counts for the meter line, and the first few
/// findings under the editor with the screen's own problem last.
enum PolicyFindingsView {
    /// The editor's gutter mark for a finding's severity.
    static func severity(_ severity: LintSeverity) -> Marker.Severity {
        switch severity {
        case .error: .error
        case .securityWarning, .warning: .warning
        case .suggestion: .info
        }
    }

    static func markers(for findings: [LintFinding]) -> [Marker] {
        findings.map { finding in
            Marker(line: finding.position?.line ?? 1, column: finding.position?.column ?? 1,
                   severity: severity(finding.severity), message: finding.message)
        }
    }

    /// `2 errors, 1 other finding`.
    static func counts(_ findings: [LintFinding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let others = findings.count - errors
        return "\(errors) error\(errors == 1 ? "" : "s"), \(others) other finding\(others == 1 ? "" : "s")"
    }

    /// Rows the footer takes for these findings and problem.
    static func rows(_ findings: [LintFinding], problem: String?) -> Int {
        min(3, findings.count) + (problem == nil ? 0 : 1)
    }

    /// The footer on the last `rows(findings, problem:)` rows of `body`.
    static func drawFooter(_ findings: [LintFinding], problem: String?, on body: Canvas) {
        var row = body.rows - rows(findings, problem: problem)
        for finding in findings.prefix(3) {
            let place = finding.position.map { "\($0) " } ?? ""
            body.field("\(severity(finding.severity).letter) \(place)\(finding.message)", at: Point(x: 0, y: row),
                       width: body.columns, style: finding.severity == .error ? .error : .warning)
            row += 1
        }
        if let problem { body.field("! " + problem, at: Point(x: 0, y: row), width: body.columns, style: .error) }
    }
}

extension TextEditor {
    /// F5 in the policy editors: the JSON laid out neatly, or why it cannot be (nil when done).
    func formatJSON() -> String? {
        guard let parsed = try? JSONParser.parse(text) else { return "Fix the JSON syntax first; then it can be formatted." }
        text = JSONPrinter.pretty(parsed.value)
        return nil
    }
}
