/// The screen stack and everything global around it: the help overlay, modal
/// dialogs, quit confirmation, the key-hint bar and the "terminal too
/// small" notice. It is the whole UI minus the terminal, so tests drive it
/// with keys and read a `GridSurface`; `Application` drives it with the real
/// terminal.
///
/// Key order: an open dialog, then the help overlay, then Ctrl-C/Ctrl-L/
/// Ctrl-Z, then the top screen; keys the screen ignores reach the global
/// table (`?`/F1 help, `q`/F10 quit, Esc back).
public final class ScreenStack<Message: Sendable> {
    /// Global keys; exposed so the help overlay and tests can list them.
    public typealias GlobalCommand = ScreenStackGlobalCommand

    /// Things only the terminal owner can do, collected for the loop.
    public enum Request: Hashable, Sendable {
        case fullRedraw
        case suspend
    }

    /// The global key table (built once: a generic type cannot store it).
    public static var globalKeys: KeyMap<GlobalCommand> { ScreenStackGlobalCommand.keys }

    /// Bottom (the root) to top; never empty.
    public private(set) var screens: [any Screen<Message>]
    /// True once the person quit, or a termination's deferred work is done: the loop ends.
    public private(set) var isFinished = false
    /// The smallest size any screen gets; screens may ask for more.
    public var minimumSize: Size
    private var dialog: (dialog: Dialog, tag: String?)?
    /// Screens pushed while a dialog was open: they wait for its answer,
    /// so that the answer goes to the screen that asked.
    private var waitingForDialog: [any Screen<Message>] = []
    private var help: HelpOverlay?
    private var requests: [Request] = []
    private var lastSize: Size?
    /// Takes every message once, before any screen sees it.
    private let model: ((Message) -> Void)?

    /// `model` is where background results land: it is given each message
    /// exactly once, before the screens (which are views over it) are
    /// offered the message to redraw or move on.
    public init(root: any Screen<Message>, minimumSize: Size = Size(columns: 40, rows: 10),
                model: ((Message) -> Void)? = nil) {
        self.screens = [root]
        self.minimumSize = minimumSize
        self.model = model
    }

    /// The screen that draws and gets keys first.
    public var top: any Screen<Message> { screens[screens.count - 1] }
    /// True while any screen animates, so the loop keeps ticking.
    public var isAnimating: Bool { screens.contains { $0.isAnimating } }
    /// True while some screen has work in flight that a termination waits for.
    public var defersTermination: Bool { screens.contains { $0.defersTermination } }
    /// A termination signal arrived; keys are ignored from then on.
    public private(set) var isTerminating = false
    /// True while the help overlay is open (it takes keys before the screens).
    public var isShowingHelp: Bool { help != nil }
    /// The dialog on screen, which takes every key; nil when none is open.
    public var presentedDialog: Dialog? { dialog?.dialog }

    /// The size below which the notice replaces the screen.
    public var requiredSize: Size {
        Size(columns: max(minimumSize.columns, top.minimumSize.columns),
             rows: max(minimumSize.rows, top.minimumSize.rows))
    }

    /// Requests for the terminal owner since the last call.
    public func takeRequests() -> [Request] {
        defer { requests.removeAll() }
        return requests
    }

    // MARK: Events

    /// Errors thrown by the screen propagate to the caller.
    public func handle(_ key: Key) throws {
        if isTerminating && key != .resize { return }
        if key == .resize {
            _ = try top.handle(key)
            return
        }
        if let (open, tag) = dialog {
            if key == .control("c") && tag == nil {
                isFinished = true
                return
            }
            let result = open.handle(key)
            guard result == .submitted || result == .cancelled else { return }
            dialog = nil
            let choice = open.choice ?? .cancelled
            if let tag {
                apply(try top.dialogClosed(tag: tag, choice: choice))
            } else if choice.isConfirmed {
                isFinished = true
            }
            pushWaitingScreens()
            return
        }
        if let overlay = help {
            if overlay.handle(key) == .cancelled { help = nil }
            return
        }
        switch Self.globalKeys.action(for: key) {
        case .redraw?:
            requests.append(.fullRedraw)
            return
        case .suspend?:
            requests.append(.suspend)
            return
        case .interrupt?:
            // The top screen may answer Ctrl-C itself (an apply asks to stop after the current call).
            let transition = try top.handle(key)
            if case .ignored = transition { requestQuit() } else { apply(transition) }
            return
        default:
            break
        }
        if let size = lastSize, !size.covers(requiredSize) {
            if Self.globalKeys.action(for: key) == .quit { requestQuit() }
            return
        }
        let transition = try top.handle(key)
        guard case .ignored = transition else {
            apply(transition)
            return
        }
        switch Self.globalKeys.action(for: key) {
        case .help?: showHelp()
        case .quit?: requestQuit()
        case .back? where screens.count > 1: screens.removeLast()
        default: break
        }
    }

    /// A message from the inbox: the model first, then the top screen and
    /// those below it until one does not ignore it.
    public func receive(_ message: Message) throws {
        defer { finishIfTerminated() }
        model?(message)
        for screen in screens.reversed() {
            let transition = try screen.receive(message)
            if case .ignored = transition { continue }
            apply(transition)
            return
        }
    }

    /// SIGTERM, SIGHUP or SIGINT: closes dialogs and help, asks the screens
    /// with work in flight to stop at the next safe point, and finishes as
    /// soon as none is left (at once when there is none).
    public func terminate() {
        isTerminating = true
        dialog = nil
        pushWaitingScreens()
        help = nil
        for screen in screens where screen.defersTermination { screen.terminationRequested() }
        finishIfTerminated()
    }

    private func finishIfTerminated() {
        if isTerminating && !defersTermination { isFinished = true }
    }

    /// Advances every animating screen, covered ones too, so their spinners keep time.
    public func tick() {
        for screen in screens where screen.isAnimating { screen.tick() }
    }

    /// Carries out a transition (also usable by the app for its own needs).
    public func apply(_ transition: Transition<Message>) {
        switch transition {
        case .ignored, .handled: break
        case .push(let screen) where dialog != nil: waitingForDialog.append(screen)
        case .push(let screen): screens.append(screen)
        case .pushAll(let added): screens.append(contentsOf: added)
        case .unwind(let matches):
            if let index = screens.lastIndex(where: matches) { screens.removeSubrange((index + 1)...) }
        case .pop:
            if screens.count > 1 { screens.removeLast() } else { requestQuit() }
        case .replace(let screen): screens[screens.count - 1] = screen
        case .present(let presented, let tag): dialog = (presented, tag)
        case .dismissDialog(let tag):
            if dialog?.tag == tag {
                dialog = nil
                pushWaitingScreens()
            }
        case .quit: isFinished = true
        case .requestQuit: requestQuit()
        }
    }

    private func pushWaitingScreens() {
        screens.append(contentsOf: waitingForDialog)
        waitingForDialog = []
    }

    private func requestQuit() {
        if screens.contains(where: { $0.hasUnsavedWork }) {
            dialog = (Dialog.confirm(title: "Quit?", message: "You have unsaved changes. Quit anyway and lose them?",
                                     confirm: "Quit", cancel: "Stay", cancelByDefault: true), nil)
        } else {
            isFinished = true
        }
    }

    private func showHelp() {
        help = HelpOverlay(title: top.title, sections: [
            HelpOverlay.Section(title: top.title, hints: top.keyHints),
            HelpOverlay.Section(title: "Everywhere", hints: globalHints),
        ])
    }

    /// Global keys that apply now (Back only when there is somewhere to go).
    private var globalHints: [KeyHint] {
        let hints = Self.globalKeys.bindings.filter { $0.action != .back || screens.count > 1 }.map(\.hint)
        guard top.takesTextInput else { return hints }
        return hints.map { hint in
            var hint = hint
            hint.keys = hint.keys.filter { if case .character = $0 { false } else { true } }
            return hint
        }.filter { !$0.keys.isEmpty }
    }

    // MARK: Drawing

    /// Draws a full frame: the screen above the hint bar, then overlays.
    public func draw(on surface: any Surface) {
        surface.clear()
        let canvas = Canvas(surface)
        lastSize = canvas.size
        guard canvas.size.covers(requiredSize) else {
            drawTooSmall(canvas)
            if let (open, _) = dialog { open.draw(canvas) }
            return
        }
        top.draw(canvas.rows(from: 0, count: canvas.rows - 1))
        KeyHintBar.draw(canvas.rows(from: canvas.rows - 1), hints: top.keyHints, pinned: globalHints)
        if let help {
            surface.cursor = nil
            help.draw(canvas)
        }
        if let (open, _) = dialog {
            surface.cursor = nil
            open.draw(canvas)
        }
    }

    private func drawTooSmall(_ canvas: Canvas) {
        let needed = requiredSize
        let lines = [
            "Terminal too small",
            "(needs \(needed.columns)x\(needed.rows), now \(canvas.columns)x\(canvas.rows))",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (canvas.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let wrapped = TextLayout.truncate(line, width: canvas.columns, ellipsis: canvas.charset == .utf8 ? "…" : "~")
            let x = max(0, (canvas.columns - DisplayWidth.of(wrapped)) / 2)
            canvas.text(wrapped, at: Point(x: x, y: top + index), style: index == 0 ? .warning : .normal)
        }
    }
}

/// What the global keys do, whatever the stack's message type.
public enum ScreenStackGlobalCommand: Sendable {
    case help, quit, back, redraw, suspend, interrupt

    static let keys = KeyMap<ScreenStackGlobalCommand>([
        KeyBinding(keys: [.function(1), .character("?")], label: "Help", help: "Show every key of this screen", action: .help),
        KeyBinding(keys: [.escape], label: "Back", help: "Go back to the previous screen", action: .back),
        KeyBinding(keys: [.function(10), .character("q")], label: "Quit", help: "Quit (asks first if there is unsaved work)", action: .quit),
        KeyBinding(keys: [.control("c")], label: "Quit", help: "Quit from anywhere (asks first if there is unsaved work)", showsInBar: false, action: .interrupt),
        KeyBinding(keys: [.control("l")], label: "Redraw", help: "Redraw the whole screen", showsInBar: false, action: .redraw),
        KeyBinding(keys: [.control("z")], label: "Suspend", help: "Suspend to the shell; fg comes back", showsInBar: false, action: .suspend),
    ])
}
