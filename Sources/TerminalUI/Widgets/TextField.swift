/// A single-line text input with a label and a validation message.
///
/// The validator returns nil for valid text or a message, shown under the
/// field with a `!` mark. Keys: printable text and paste (newlines dropped),
/// Left/Right, Home/End (^A/^E), Ctrl-Left/Right (M-b/M-f) by word,
/// Backspace/Del, ^U clears to the start, ^K to the end, ^W deletes a word;
/// Enter submits. Long text scrolls horizontally. Draws on two rows.
public final class TextField {
    /// Shown before the input, highlighted while the field has focus.
    public var label: String
    /// Dimmed hint shown while the field is empty and not focused; never part of `text`.
    public var placeholder: String
    /// Checks the text on every read of `validationMessage`: nil when valid, else the message to show.
    public var validator: ((String) -> String?)?
    /// The most characters the field takes; typing and pastes past it are cut. Nil for no limit.
    public var maxLength: Int?
    /// Draws `*` for each character (an MFA code): what is typed never shows.
    public var concealsText = false
    private var characters: [Character]
    private var cursor: Int
    private var scroll = 0

    /// Rows the field needs: the input and its message.
    public static let height = 2

    /// A field holding `text`, with the cursor at its end.
    public init(label: String, text: String = "", placeholder: String = "", maxLength: Int? = nil,
                validator: ((String) -> String?)? = nil) {
        self.label = label
        self.placeholder = placeholder
        self.maxLength = maxLength
        self.validator = validator
        self.characters = Array(text)
        self.cursor = characters.count
    }

    /// What is typed; setting it puts the cursor at the end.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    /// The cursor's character index in `text` (0 is before the first).
    public var cursorIndex: Int { cursor }
    /// The validator's message for the current text; nil when valid or unchecked.
    public var validationMessage: String? { validator?(text) }
    /// True when the validator (if any) accepts the text.
    public var isValid: Bool { validationMessage == nil }
    /// Always: printable keys are text in a field, never screen commands.
    public var takesTextInput: Bool { true }

    /// The editing keys for help only (the bar stays for the screen's own).
    public var keyHints: [KeyHint] {
        [KeyHint(keys: [.control("u")], label: "Clear", help: "Delete to the start of the field (^K to the end, ^W a word)", showsInBar: false)]
    }

    /// Editing keys answer `.changed` when the text changed and `.handled` when only the cursor moved;
    /// Enter answers `.submitted`; keys it does not edit with are `.ignored`.
    public func handle(_ key: Key) -> WidgetResult {
        switch key {
        case .character(let character): return insert([character])
        case .paste(let pasted): return insert(Array(pasted.filter { $0 != "\n" && $0 != "\r" }.map { $0 == "\t" ? " " : $0 }))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .controlLeft, .alt("b"): cursor = WordMotion.previousWordStart(in: characters, from: cursor)
        case .controlRight, .alt("f"): cursor = WordMotion.nextWordEnd(in: characters, from: cursor)
        case .backspace:
            guard cursor > 0 else { return .handled }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .changed
        case .delete, .control("d"):
            guard cursor < characters.count else { return .handled }
            characters.remove(at: cursor)
            return .changed
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
            return .changed
        case .control("k"):
            characters.removeSubrange(cursor...)
            return .changed
        case .control("w"):
            let start = WordMotion.previousWordStart(in: characters, from: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .changed
        case .enter: return .submitted
        default: return .ignored
        }
        return .handled
    }

    private func insert(_ new: [Character]) -> WidgetResult {
        var new = new
        if let maxLength { new = Array(new.prefix(max(0, maxLength - characters.count))) }
        guard !new.isEmpty else { return .handled }
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
        return .changed
    }

    /// Row 0: `Label: [text]`; row 1: the validation message, if any.
    public func draw(_ canvas: Canvas, focused: Bool) {
        guard canvas.rows > 0 else { return }
        let labelText = label.isEmpty ? "" : label + ": "
        let labelWidth = min(canvas.text(labelText, at: .zero, style: focused ? .title : .normal),
                             canvas.columns)
        let width = canvas.columns - labelWidth
        guard width > 0 else { return }
        let box = canvas.sub(Rect(x: labelWidth, y: 0, columns: width, rows: 1))
        let style: Style = focused ? .focusedInput : .input
        box.fill(style: style)
        if characters.isEmpty && !placeholder.isEmpty && !focused {
            box.field(placeholder, at: .zero, width: width, style: .placeholder)
        }
        if focused {
            // Scroll so the cursor stays inside, leaving one column for it at the end.
            let characters = concealsText ? Array(repeating: "*", count: self.characters.count) : self.characters
            let cursorColumn = WordMotion.columns(of: characters, upTo: cursor)
            if cursorColumn < scroll { scroll = cursorColumn }
            if cursorColumn >= scroll + width { scroll = cursorColumn - width + 1 }
            var column = 0
            for character in characters {
                let characterWidth = DisplayWidth.of(character)
                if column >= scroll && column + characterWidth <= scroll + width {
                    box.put(character, at: Point(x: column - scroll, y: 0), style: style)
                }
                column += characterWidth
            }
            box.showCursor(at: Point(x: cursorColumn - scroll, y: 0))
        } else if !characters.isEmpty {
            // Unfocused, the start shows, as a person reads it, with `…` when
            // more follows; the scroll is kept for when focus comes back.
            box.field(concealsText ? String(repeating: "*", count: characters.count) : text, at: .zero, width: width, style: style)
        }
        if canvas.rows > 1, let message = validationMessage {
            canvas.field("! " + message, at: Point(x: labelWidth, y: 1), width: width, style: .error)
        }
    }
}
