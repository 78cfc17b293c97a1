import Foundation
import TerminalUI

/// Steps run on a background thread that posts progress to the inbox, so
/// the spinner turns and keys still work while it sleeps.
final class ProgressScreen: Screen {
    typealias Message = DemoMessage

    let progress = ProgressList(steps: [
        ProgressStep(title: "Create the thing"),
        ProgressStep(title: "Attach the parts"),
        ProgressStep(title: "Check the result"),
    ])

    init(inbox: Inbox<DemoMessage>) {
        let delay = Double(ProcessInfo.processInfo.environment["TUI_DEMO_STEP_SECONDS"] ?? "") ?? 0.8
        Thread.detachNewThread {
            for index in 0..<3 {
                inbox.post(.stepStarted(index))
                Thread.sleep(forTimeInterval: delay)
                if index == 2 {
                    inbox.post(.stepFailed(index, message: "The check found a problem (demo)."))
                } else {
                    inbox.post(.stepFinished(index, detail: "done in \(delay)s"))
                }
            }
        }
    }

    var title: String { "Progress" }
    var isAnimating: Bool { progress.isRunning }
    var keyHints: [KeyHint] { [] }

    func draw(_ canvas: Canvas) {
        canvas.text("Running steps in the background", at: .zero, style: .title)
        progress.draw(canvas.rows(from: 2))
    }

    func handle(_ key: Key) -> Transition<DemoMessage> { .ignored }

    func receive(_ message: DemoMessage) -> Transition<DemoMessage> {
        switch message {
        case .stepStarted(let index): progress.setState(.running, at: index)
        case .stepFinished(let index, let detail): progress.setState(.succeeded, at: index, detail: detail)
        case .stepFailed(let index, let message): progress.setState(.failed(message), at: index)
        }
        return .handled
    }

    func tick() { progress.tick() }
}
