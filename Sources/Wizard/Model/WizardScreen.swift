import TerminalUI

/// A wizard screen: a `Screen` that shares the run's `WizardContext`. Every
/// message is first absorbed by the context (so results reach it whichever
/// screen is on top), then offered to the screen's `react(to:)`.
protocol WizardScreen: Screen where Message == WizardMessage {
    var context: WizardContext { get }
    func react(to message: WizardMessage) -> Transition<WizardMessage>
}

extension WizardScreen {
    func receive(_ message: WizardMessage) -> Transition<WizardMessage> {
        context.absorb(message)
        return react(to: message)
    }

    func react(to message: WizardMessage) -> Transition<WizardMessage> { .handled }

    var minimumSize: Size { Size(columns: 60, rows: 18) }
}

/// Where a step screen sits: in the create flow it goes on to the next
/// step; opened from the role editor, it goes back to the editor.
enum Flow {
    case create
    case edit
}
