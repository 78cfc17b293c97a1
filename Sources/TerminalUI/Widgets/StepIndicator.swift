/// The wizard's breadcrumb: `1 Trusted entity > [2 Permissions] > 3 Review`.
/// The current step is bracketed (not only highlighted). When the names do
/// not fit, the other steps shrink to their numbers, and at last to
/// `Step 2 of 4: Permissions`.
public struct StepIndicator: Sendable {
    /// The step names, in order.
    public var steps: [String]
    /// The 0-based index of the step on screen.
    public var current: Int

    /// A breadcrumb over `steps` with `current` (0-based) bracketed.
    public init(steps: [String], current: Int) {
        self.steps = steps
        self.current = current
    }

    /// Draws on the canvas's first row in the widest form that fits.
    public func draw(_ canvas: Canvas) {
        guard canvas.rows > 0 else { return }
        for compact in [false, true] {
            let parts = steps.enumerated().map { index, name in
                index == current ? "[\(index + 1) \(name)]" : (compact ? "\(index + 1)" : "\(index + 1) \(name)")
            }
            let width = parts.map { DisplayWidth.of($0) }.reduce(0, +) + 3 * (parts.count - 1)
            guard width <= canvas.columns else { continue }
            var x = 0
            for (index, part) in parts.enumerated() {
                if index > 0 { x += canvas.text(" > ", at: Point(x: x, y: 0), style: .dim) }
                let style: Style = index == current ? .currentStep : (index < current ? .doneStep : .pendingStep)
                x += canvas.text(part, at: Point(x: x, y: 0), style: style)
            }
            return
        }
        let name = steps.indices.contains(current) ? steps[current] : ""
        canvas.field("Step \(current + 1) of \(steps.count): \(name)", at: .zero, width: canvas.columns, style: .currentStep)
    }
}
