/// The focus order of a screen's widgets: Tab moves forward, Shift-Tab back,
/// wrapping around. Screens keep one and route keys to the focused widget.
///
///     enum Field { case name, description, policies }
///     var focus = FocusRing<Field>([.name, .description, .policies])
///     if focus.handle(key) { return .handled }   // Tab / Shift-Tab
public struct FocusRing<ID: Hashable> {
    /// The members in Tab order.
    public private(set) var order: [ID]
    /// The member with focus; always one of `order`.
    public private(set) var current: ID

    /// `order` must not be empty.
    public init(_ order: [ID], current: ID? = nil) {
        precondition(!order.isEmpty, "A focus ring needs at least one member")
        self.order = order
        self.current = current ?? order[0]
    }

    /// True when `id` has focus, for drawing it focused.
    public func isFocused(_ id: ID) -> Bool { current == id }

    /// Moves focus to `id`; an id not in the ring is ignored.
    public mutating func focus(_ id: ID) {
        if order.contains(id) { current = id }
    }

    /// Focus to the next member, wrapping to the first.
    public mutating func next() { step(by: 1) }
    /// Focus to the previous member, wrapping to the last.
    public mutating func previous() { step(by: -1) }

    /// Tab and Shift-Tab; true when the key moved focus.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab: next()
        case .backTab: previous()
        default: return false
        }
        return true
    }

    private mutating func step(by offset: Int) {
        let index = order.firstIndex(of: current) ?? 0
        current = order[(index + offset + order.count) % order.count]
    }
}
