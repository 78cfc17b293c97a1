import TerminalUI

/// The create flow as data: its steps in order, the title the step
/// indicator shows for each, and the screen each opens. Step screens ask
/// this table for their number and for what comes after them, Review's
/// digit keys and Open-spec use it to reach a step, so "what comes after
/// Permissions" is answered here and nowhere else.
enum CreateFlow {
    /// Every step, in the order the person goes through them.
    enum Step: Int, CaseIterable, Sendable {
        case trustedEntity, permissions, trustPolicy, details, review, finish

        /// What the step indicator calls the step.
        func title(offline: Bool) -> String {
            switch self {
            case .trustedEntity: "Trusted entity"
            case .permissions: "Permissions"
            case .trustPolicy: "Trust policy"
            case .details: "Details"
            case .review: "Review"
            case .finish: offline ? "Export" : "Apply"
            }
        }

        /// The step after this one.
        var next: Step? { Step(rawValue: rawValue + 1) }

        /// The steps that collect answers (Review's digit keys go back to these).
        static let answers: [Step] = [.trustedEntity, .permissions, .trustPolicy, .details]
    }

    /// Every title in the step indicator.
    static func titles(offline: Bool) -> [String] {
        Step.allCases.map { $0.title(offline: offline) }
    }

    /// The screen that asks `step`. Finish is opened by Review with the
    /// plan it confirmed, so it has no screen here.
    static func screen(for step: Step, context: WizardContext) -> (any Screen<WizardMessage>)? {
        switch step {
        case .trustedEntity: TrustedEntityScreen(context: context, flow: .create)
        case .permissions: PermissionsScreen(context: context, flow: .create)
        case .trustPolicy: TrustEditorScreen(context: context, flow: .create)
        case .details: DetailsScreen(context: context, flow: .create)
        case .review: ReviewScreen(context: context, flow: .create)
        case .finish: nil
        }
    }

    /// Every screen from the first step to `step`, in order: a flow
    /// entered at `step` (a spec file opened straight at Review) has the
    /// earlier steps below it, so Esc and Review's digit keys reach them.
    static func enter(at step: Step, context: WizardContext) -> Transition<WizardMessage> {
        .pushAll(Step.allCases.prefix { $0.rawValue <= step.rawValue }.compactMap { screen(for: $0, context: context) })
    }

    /// Back to `step`'s screen, every later step popped (answers kept).
    static func back(to step: Step) -> Transition<WizardMessage> {
        .unwind { ($0 as? any WizardScreen)?.step == step.rawValue }
    }

    /// The flow's first step, once the answers are loaded (a preset, a blank role).
    static func begin(context: WizardContext) -> Transition<WizardMessage> {
        .push(TrustedEntityScreen(context: context, flow: .create))
    }

    /// Going on from `step`: the next step's screen pushed on top.
    static func advance(from step: Step, context: WizardContext) -> Transition<WizardMessage> {
        guard let next = step.next, let screen = screen(for: next, context: context) else { return .handled }
        return .push(screen)
    }
}
