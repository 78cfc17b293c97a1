import Provisioning
import TerminalUI

/// The ready-made roles; choosing one fills in every answer.
final class PresetPickerScreen: WizardScreen {
    enum Command { case choose }

    let context: WizardContext
    let list = ListView(items: RolePreset.all.map { ListItem(id: $0.id, title: $0.id, detail: $0.summary) })
    let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Use preset", help: "Start the role from this preset", action: .choose),
    ])

    init(context: WizardContext) {
        self.context = context
    }

    var title: String { "Presets" }
    var keyHints: [KeyHint] { keys.hints + list.keyHints }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "choose a preset")
        list.draw(body.rows(from: 0, count: body.rows - 3), focused: true)
        if let preset = list.currentItem.flatMap({ RolePreset.named($0.id) }) {
            _ = body.paragraph("Source: " + preset.source, in: Rect(x: 0, y: body.rows - 3, columns: body.columns, rows: 3), style: .dim)
        }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        if keys.action(for: key, typing: list.takesTextInput) == .choose,
           let preset = list.currentItem.flatMap({ RolePreset.named($0.id) }) {
            context.model.load(preset.spec, partition: context.partition)
            context.markAnswersKept()
            return CreateFlow.begin(context: context)
        }
        return list.handle(key) == .ignored ? .ignored : .handled
    }
}
