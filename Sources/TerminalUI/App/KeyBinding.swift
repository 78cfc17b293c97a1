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
    /// Every key that triggers the action, shown in this order (`F2/s`).
    public var keys: [Key]
    /// Short text for the hint bar.
    public var label: String
    /// A sentence for the help overlay.
    public var help: String
    /// False for bindings listed only in help (to keep the bar short).
    public var showsInBar: Bool
    /// What the screen does for these keys, as its own command type.
    public var action: Action

    /// One entry; `showsInBar: false` keeps it to the help overlay.
    public init(keys: [Key], label: String, help: String, showsInBar: Bool = true, action: Action) {
        self.keys = keys
        self.label = label
        self.help = help
        self.showsInBar = showsInBar
        self.action = action
    }

    /// The binding without its action, for the hint bar and help overlay.
    public var hint: KeyHint {
        KeyHint(keys: keys, label: label, help: help, showsInBar: showsInBar)
    }
}

/// What the hint bar and help overlay show of a binding, whatever its action type.
public struct KeyHint: Hashable, Sendable {
    /// The keys, in the order shown.
    public var keys: [Key]
    /// Short text for the hint bar.
    public var label: String
    /// A sentence for the help overlay.
    public var help: String
    /// False when only the help overlay lists it.
    public var showsInBar: Bool

    /// A hint made directly, for keys a widget handles itself rather than through a `KeyMap`.
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
    /// In lookup order: the first binding holding a key wins.
    public var bindings: [KeyBinding<Action>]

    /// A table looked up in the order given.
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

    /// Every binding's hint, in table order, for `Screen.keyHints`.
    public var hints: [KeyHint] { bindings.map(\.hint) }

    /// Both tables, `lhs` first, so its bindings win for keys both hold.
    public static func + (lhs: KeyMap, rhs: KeyMap) -> KeyMap { KeyMap(lhs.bindings + rhs.bindings) }
}

// Tables of bindings are built once, as static constants, so they are Sendable when their actions are.
extension KeyBinding: Sendable where Action: Sendable {}
extension KeyMap: Sendable where Action: Sendable {}
