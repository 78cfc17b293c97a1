/// One step of a `ProgressList`.
public struct ProgressStep: Hashable, Sendable {
    /// Where a step stands; each state is drawn as its own text mark, never by colour alone.
    public enum State: Hashable, Sendable {
        case pending
        case running
        case succeeded
        case failed(String)
        case skipped
    }

    /// What the step does, e.g. `Create role`.
    public var title: String
    /// Where it stands; `.failed` carries the message shown under it.
    public var state: State
    /// Extra text after the title (e.g. an ARN once created).
    public var detail: String

    /// A step, pending unless told otherwise.
    public init(title: String, state: State = .pending, detail: String = "") {
        self.title = title
        self.state = state
        self.detail = detail
    }
}

/// Steps of a long operation with a spinner on the running ones and a
/// textual state on every row (`[ ok ]`, `[FAIL]`, `[skip]`), so it reads
/// the same without colour. Failure messages follow their step, marked `!`.
/// Call `tick()` from the screen's `tick()` to turn the spinner.
public final class ProgressList {
    /// The steps in drawing order; change one with `setState(_:at:detail:)`.
    public var steps: [ProgressStep]
    private var frame = 0

    /// A list of `steps`, drawn top to bottom.
    public init(steps: [ProgressStep]) {
        self.steps = steps
    }

    /// True while any step runs: the screen keeps animating for the spinner.
    public var isRunning: Bool { steps.contains { $0.state == .running } }
    /// True when some step failed.
    public var hasFailed: Bool { steps.contains { if case .failed = $0.state { true } else { false } } }

    /// Turns the spinner one frame; call it from the screen's `tick()`.
    public func tick() { frame += 1 }

    /// Moves step `index` to `state`, replacing its detail when one is given; an index out of range is ignored.
    public func setState(_ state: ProgressStep.State, at index: Int, detail: String? = nil) {
        guard steps.indices.contains(index) else { return }
        steps[index].state = state
        if let detail { steps[index].detail = detail }
    }

    private static let utf8Spinner: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    private static let asciiSpinner: [Character] = ["|", "/", "-", "\\"]

    /// Draws one row per step, failure messages wrapped under their step, as far as the canvas reaches.
    public func draw(_ canvas: Canvas) {
        var row = 0
        for step in steps {
            guard row < canvas.rows else { return }
            let (mark, style) = self.mark(for: step.state, charset: canvas.charset)
            canvas.text(mark, at: Point(x: 0, y: row), style: style)
            let used = canvas.text(step.title, at: Point(x: 7, y: row), style: step.state == .pending ? .dim : .normal)
            if !step.detail.isEmpty {
                canvas.field(step.detail, at: Point(x: 9 + used, y: row), width: canvas.columns - 9 - used, style: .dim)
            }
            row += 1
            if case .failed(let message) = step.state {
                for line in TextLayout.wrap("! " + message, width: max(1, canvas.columns - 9)) where row < canvas.rows {
                    canvas.text(line, at: Point(x: 9, y: row), style: .error)
                    row += 1
                }
            }
        }
    }

    private func mark(for state: ProgressStep.State, charset: Charset) -> (String, Style) {
        switch state {
        case .pending: return ("[    ]", Style.dim)
        case .running:
            let frames = charset == .utf8 ? Self.utf8Spinner : Self.asciiSpinner
            return ("[ \(frames[frame % frames.count])  ]", Style.spinner)
        case .succeeded: return ("[ ok ]", Style.success)
        case .failed: return ("[FAIL]", Style.error)
        case .skipped: return ("[skip]", Style.dim)
        }
    }
}
