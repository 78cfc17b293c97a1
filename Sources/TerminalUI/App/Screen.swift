/// A screen is one state of the application with a draw/handle pair (ncdu
/// style). The `Application` keeps a stack of them; the top one draws and
/// gets keys, background messages and dialog results, and answers each
/// with a `Transition` the loop carries out.
///
/// Writing a screen:
///
///     final class PickServices: Screen {
///         typealias Message = AppMessage            // what background work posts
///         enum Command { case toggle, next }
///         let list = ListView(items: services, selection: .multiple)
///         let keys = KeyMap<Command>([...])        // see KeyBinding
///
///         var title: String { "Trusted entity" }
///         var keyHints: [KeyHint] { keys.hints + list.keyHints }
///
///         func draw(_ canvas: Canvas) {
///             list.draw(canvas.rows(from: 2), focused: true)
///         }
///         func handle(_ key: Key) throws -> Transition<AppMessage> {
///             if let command = keys.action(for: key, typing: list.takesTextInput) {
///                 switch command {
///                 case .toggle: list.toggleCurrent(); return .handled
///                 case .next: return .push(PickPolicies(...))
///                 }
///             }
///             return list.handle(key) == .ignored ? .ignored : .handled
///         }
///     }
///
/// Rules the loop relies on: `draw` lays out from the canvas size every
/// time (so a resize re-lays out) and keeps state such as focus, scroll
/// offsets and typed text in the screen object, never in the layout.
/// The canvas passed to `draw` excludes the bottom key-hint bar.
public protocol Screen<Message>: AnyObject {
    associatedtype Message: Sendable

    /// Shown in the help overlay title.
    var title: String { get }
    /// The keys this screen answers to: shown in the hint bar (those with
    /// `showsInBar`) and all of them in the help overlay.
    var keyHints: [KeyHint] { get }
    /// When true, quitting asks for confirmation first.
    var hasUnsavedWork: Bool { get }
    /// Below this size the loop shows a "terminal too small" notice instead.
    var minimumSize: Size { get }
    /// While true the loop calls `tick()` about ten times a second (spinners).
    var isAnimating: Bool { get }
    /// True while the screen has work in flight that must not be cut off
    /// (an apply between IAM calls): a SIGTERM, SIGHUP or SIGINT then waits
    /// for it, and the loop ends once no screen defers any more.
    var defersTermination: Bool { get }
    /// True while printable keys go into a field: the hint bar then offers
    /// the global keys by their function-key names only (F1, F10), since
    /// `?` and `q` are text there.
    var takesTextInput: Bool { get }

    func draw(_ canvas: Canvas)
    /// A key. Errors thrown here end the loop: `Application.run` restores
    /// the terminal and rethrows them.
    func handle(_ key: Key) throws -> Transition<Message>
    /// A message posted to the inbox by background work, offered from the
    /// top screen down until one does not ignore it (after the stack's
    /// model has taken it: see `ScreenStack.init`).
    func receive(_ message: Message) throws -> Transition<Message>
    /// The answer to a dialog this screen presented with `.present(_:tag:)`.
    func dialogClosed(tag: String, choice: DialogChoice) throws -> Transition<Message>
    /// Advances animations; the loop redraws afterwards.
    func tick()
    /// A termination signal arrived while `defersTermination`: stop the work
    /// at the next safe point; the loop ends when `defersTermination` turns false.
    func terminationRequested()
}

extension Screen {
    /// Screens have nothing to lose unless they say so.
    public var hasUnsavedWork: Bool { false }
    /// 60x16 unless the screen asks for more (or less).
    public var minimumSize: Size { Size(columns: 60, rows: 16) }
    /// No ticks unless the screen animates.
    public var isAnimating: Bool { false }
    /// Nothing in flight: a termination signal ends the loop at once.
    public var defersTermination: Bool { false }
    /// Printable keys are commands unless a field has them.
    public var takesTextInput: Bool { false }
    /// Nothing to stop for a screen that never defers termination.
    public func terminationRequested() {}
    /// Passes every message on to the screen below.
    public func receive(_ message: Message) -> Transition<Message> { .ignored }
    /// Takes the answer and does nothing with it (for screens whose dialogs only inform).
    public func dialogClosed(tag: String, choice: DialogChoice) -> Transition<Message> { .handled }
    /// Nothing to advance.
    public func tick() {}
}

/// What the loop should do after a screen handled an event.
public enum Transition<Message: Sendable> {
    /// The screen did not use the key; global keys (help, quit, back) get it.
    case ignored
    /// Used; redraw.
    case handled
    /// Show another screen on top (its state is kept when it is popped).
    case push(any Screen<Message>)
    /// Show several screens on top, the last one topmost: a flow entered
    /// part way (a spec file opened straight at Review) still has every
    /// earlier step below it, so Esc and jumps behave as if walked through.
    case pushAll([any Screen<Message>])
    /// Back to the nearest screen below that matches, popping those above
    /// it (a jump back to an earlier step); nothing happens when none does.
    case unwind(to: (any Screen<Message>) -> Bool)
    /// Back to the screen below (Esc does this by default).
    case pop
    /// Swap the top screen for another.
    case replace(any Screen<Message>)
    /// Show a modal dialog; its result comes to `dialogClosed(tag:choice:)`.
    case present(Dialog, tag: String)
    /// Close the dialog with this tag, if it is open: what it asked about
    /// is over (a "Stop applying?" when the apply has finished).
    case dismissDialog(tag: String)
    /// Leave the loop now.
    case quit
    /// Leave the loop, asking first if any screen has unsaved work (like `q`).
    case requestQuit
}

/// What a widget did with a key (htop's ScreenManager style): screens turn
/// these into transitions.
public enum WidgetResult: Hashable, Sendable {
    /// Used the key; nothing the screen needs to know.
    case handled
    /// Not for this widget.
    case ignored
    /// The value changed (text typed, item toggled).
    case changed
    /// Only the rows shown changed (a list's filter was edited); the value
    /// did not, so nothing the screen derives from it needs redoing.
    case filtered
    /// Enter: the user is done with this widget.
    case submitted
    /// Esc inside the widget (e.g. closing a filter or dialog).
    case cancelled
}
