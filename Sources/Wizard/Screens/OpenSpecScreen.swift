import Foundation
import Provisioning
import TerminalUI

/// Asks for a spec file's path, loads it into the answers and goes to review.
final class OpenSpecScreen: WizardScreen {
    enum Command { case open }

    let context: WizardContext
    let path = TextField(label: "Spec file", placeholder: "role.yaml or role.json")
    private(set) var problem: String?

    static let keys = KeyMap<Command>([
        KeyBinding(keys: [.enter], label: "Open", help: "Load the spec file and review it", action: .open),
    ])

    init(context: WizardContext) {
        self.context = context
    }

    var title: String { "Open spec" }
    var keyHints: [KeyHint] { Self.keys.hints + path.keyHints }

    func draw(_ canvas: Canvas) {
        let body = WizardFrame.draw(canvas, title: "open a spec file")
        path.draw(body.rows(from: 1, count: TextField.height), focused: true)
        if let problem { _ = body.paragraph("! " + problem, in: Rect(x: 0, y: 4, columns: body.columns, rows: 4), style: .error) }
    }

    func handle(_ key: Key) -> Transition<WizardMessage> {
        guard Self.keys.action(for: key, typing: true) == .open else {
            return path.handle(key) == .ignored ? .ignored : .handled
        }
        let url = context.resolve(path.text)
        do {
            let loaded = try RoleSpecFile.load(from: url)
            if let first = loaded.validationErrors().first {
                problem = first.description
                return .handled
            }
            context.model.load(loaded.spec, partition: context.partition)
            // The spec holds every answer: straight to Review, the steps below it.
            let flow = CreateFlow.enter(at: .review, context: context)
            context.markAnswersKept()
            return flow
        } catch {
            problem = WizardError.describe(error)
            return .handled
        }
    }
}
