import TerminalUI

/// The calm frame every screen draws in: a box titled "rolewiz", the step
/// indicator on the first line (for the create flow), then the content.
enum WizardFrame {
    /// The steps of creating a role; offline the last is Export.
    static func steps(offline: Bool) -> [String] {
        CreateFlow.titles(offline: offline)
    }

    /// Draws the frame and returns the canvas inside it (below the step indicator when given).
    static func draw(_ canvas: Canvas, title: String, step: Int? = nil, offline: Bool = false) -> Canvas {
        canvas.box(title: "rolewiz: \(title)")
        let inner = canvas.sub(canvas.bounds.inset(by: 1))
        guard let step else { return inner.sub(Rect(x: 1, y: 0, columns: inner.columns - 2, rows: inner.rows)) }
        StepIndicator(steps: steps(offline: offline), current: step).draw(inner.rows(from: 0, count: 1))
        inner.horizontalLine(at: Point(x: 0, y: 1), length: inner.columns)
        let body = inner.rows(from: 2)
        return body.sub(Rect(x: 1, y: 0, columns: body.columns - 2, rows: body.rows))
    }
}
