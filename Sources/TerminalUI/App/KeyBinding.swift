/// A key table entry. Tables of these are data: the same table dispatches
/// keys (`KeyMap.action(for:)`), fills the key-hint bar and the help
/// overlay, so what the screen says and what it does cannot drift apart.
///
///     enum Command { case toggle, next, back }
///     let keys = KeyMap<Command>([
///         KeyBinding(keys: [.space], label: "Toggle", help: "Select or clear the service", action: .toggle),
///         KeyBinding(keys: [.enter, .function(10), .character("n")], label: "Next",
///                    help: "Go on to permissions", action: .next),
///     ])
public struct KeyBinding<Action> {
    public var keys: [Key]
    /// Short text for the hint bar.
    public var label: String
    /// A sentence for the help overlay.
    public var help: String
    /// False for bindings listed only in help (to keep the bar short).
    public var showsInBar: Bool
    public var action: Action

    public init(keys: [Key], label: String, help: String, showsInBar: Bool = true, action: Action) {
        self.keys = keys
        self.label = label
        self.help = help
        self.showsInBar = showsInBar
        self.action = action
    }

    public var hint: KeyHint {
        KeyHint(keys: keys, label: label, help: help, showsInBar: showsInBar)
    }
}

/// What the hint bar and help overlay show of a binding, whatever its action type.
public struct KeyHint: Hashable, Sendable {
    public var keys: [Key]
    public var label: String
    public var help: String
    public var showsInBar: Bool

    public init(keys: [Key], label: String, help: String, showsInBar: Bool = true) {
        self.keys = keys
        self.label = label
        self.help = help
        self.showsInBar = showsInBar
    }

    /// The keys as shown, e.g. `F2/s`.
    public var keyNames: String { keys.map(\.displayName).joined(separator: "/") }
}

/// An ordered table of key bindings.
public struct KeyMap<Action> {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The action bound to `key`. While a text widget has focus pass
    /// `typing: true`: plain printable keys then belong to the widget and
    /// only non-printable bindings (F-keys, Ctrl, Esc, Tab...) match.
    public func action(for key: Key, typing: Bool = false) -> Action? {
        if typing && key.isPrintable { return nil }
        return bindings.first { $0.keys.contains(key) }?.action
    }

    public var hints: [KeyHint] { bindings.map(\.hint) }

    public static func + (lhs: KeyMap, rhs: KeyMap) -> KeyMap { KeyMap(lhs.bindings + rhs.bindings) }
}

// Tables of bindings are built once, as static constants, so they are Sendable when their actions are.
extension KeyBinding: Sendable where Action: Sendable {}
extension KeyMap: Sendable where Action: Sendable {}
