import TerminalUI

/// The create flow's steps, in order: the title the step indicator shows
/// and the screen that asks it. What comes after Permissions is read here.
enum CreateFlow {
    struct Step: Sendable {
        let title: String
        let screen: @Sendable (WizardContext) -> any Screen<WizardMessage>
    }

    /// Steps 1-4; Review and Apply (or Export offline) follow them.
    static let answerSteps: [Step] = [
        Step(title: "Trusted entity") { TrustedEntityScreen(context: $0, flow: .create) },
        Step(title: "Permissions") { PermissionsScreen(context: $0, flow: .create) },
        Step(title: "Trust policy") { TrustEditorScreen(context: $0, flow: .create) },
        Step(title: "Details") { DetailsScreen(context: $0, flow: .create) },
    ]

    /// Every title in the step indicator.
    static func titles(offline: Bool) -> [String] {
        answerSteps.map(\.title) + ["Review", offline ? "Export" : "Apply"]
    }

    /// The screen of answer step `index` (0-based), or nil past them.
    static func screen(forStep index: Int, context: WizardContext) -> (any Screen<WizardMessage>)? {
        answerSteps.indices.contains(index) ? answerSteps[index].screen(context) : nil
    }
}
