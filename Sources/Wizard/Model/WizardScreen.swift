import TerminalUI

/// A wizard screen: a `Screen` that views the run's `WizardContext`.
/// Background results land in the context first (once, whichever screen
/// is on top); a screen's `receive` only redraws or moves on from what the
/// context now holds, and ignores what it does not show, so the message
/// goes on to the screens below.
protocol WizardScreen: Screen where Message == WizardMessage {
    var context: WizardContext { get }
    /// The index of this screen in the create flow's step indicator; nil outside that flow.
    var step: Int? { get }
}

extension WizardScreen {
    var step: Int? { nil }

    /// A step of the create flow holds the answers: quitting asks when they
    /// were changed since they were started, saved, exported or applied.
    var hasUnsavedWork: Bool { step != nil && context.hasUnkeptAnswers }

    var minimumSize: Size { Size(columns: 60, rows: 18) }
}

/// Where a step screen sits: in the create flow it goes on to the next
/// step; opened from the role editor, it goes back to the editor.
enum Flow {
    case create
    case edit
}
