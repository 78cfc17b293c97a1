/// One input event, decoded from the terminal by `KeyDecoder`.
public enum Key: Hashable, Sendable {
    /// A printable character, wide ones included. Space is `.character(" ")`.
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    /// Ctrl with an arrow or Home/End: word and document movement in editors.
    case controlLeft, controlRight, controlHome, controlEnd
    case tab, backTab, enter, escape, backspace, delete, insert
    /// Ctrl plus a letter, lowercase (`.control("c")` is Ctrl-C). Ctrl-H, I,
    /// J and M arrive as `.backspace`, `.tab` and `.enter`.
    case control(Character)
    /// Alt (Meta) plus a character, sent by terminals as ESC then the character.
    case alt(Character)
    /// F1 to F12 (and beyond when the terminal sends them).
    case function(Int)
    /// The terminal changed size.
    case resize
    /// A bracketed paste, delivered whole with newlines as "\n".
    case paste(String)

    /// The space bar, named because key tables bind it (toggle) more than any other character.
    public static let space = Key.character(" ")

    /// A printable character without modifiers: text widgets take these
    /// before screen key bindings do.
    public var isPrintable: Bool {
        if case .character = self { return true }
        return false
    }

    /// The name shown in key-hint bars and help, e.g. `F1`, `^C`, `S-Tab`, `?`.
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .controlLeft: "^Left"
        case .controlRight: "^Right"
        case .controlHome: "^Home"
        case .controlEnd: "^End"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .insert: "Ins"
        case .control(let character): "^" + String(character).uppercased()
        case .alt(let character): "M-" + String(character)
        case .function(let number): "F\(number)"
        case .resize: "Resize"
        case .paste: "Paste"
        }
    }
}
