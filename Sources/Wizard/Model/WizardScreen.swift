import TerminalUI

/// A wizard screen: a `Screen` that shares the run's `WizardContext`. Every
/// message is first absorbed by the context (so results reach it whichever
/// screen is on top), then offered to the screen's `react(to:)`.
protocol WizardScreen: Screen where Message == WizardMessage {
    var context: WizardContext { get }
    /// The index of this screen in the create flow's step indicator; nil outside that flow.
    var step: Int? { get }
    func react(to message: WizardMessage) -> Transition<WizardMessage>
}

extension WizardScreen {
    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        context.absorb(message)
        if case .goToStep(let target) = message, let step {
            guard step > target else { return .handled }
            // Still above the target: step back and pass the request on to the screen below.
            context.post(message)
            return .pop
        }
        return react(to: message)
    }

    var step: Int? { nil }

    /// A step of the create flow holds the answers: quitting asks when they
    /// were changed since they were started, saved, exported or applied.
    var hasUnsavedWork: Bool { step != nil && context.hasUnkeptAnswers }

    func react(to message: WizardMessage) -> Transition<WizardMessage> { .handled }

    var minimumSize: Size { Size(columns: 60, rows: 18) }
}

/// Where a step screen sits: in the create flow it goes on to the next
/// step; opened from the role editor, it goes back to the editor.
enum Flow {
    case create
    case edit
}
