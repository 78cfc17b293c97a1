/// How a dialog was closed.
public enum DialogChoice: Hashable, Sendable {
    /// The button at this index (0 is the first, the "yes"/"OK" one).
    case button(Int)
    /// Esc.
    case cancelled

    /// The first button was chosen.
    public var isConfirmed: Bool { self == .button(0) }
}

/// A modal box: a confirmation, an error with scrollable details, or a
/// message. Screens present one with `Transition.present(_:tag:)` and get
/// the choice in `dialogClosed(tag:choice:)`.
///
/// Keys: Left/Right or Tab move between buttons, Enter chooses, the first
/// letter of a button chooses it, Esc cancels; Up/Down/PgUp/PgDn scroll
/// the details. The focused button is drawn in brackets, errors carry a `!`.
public final class Dialog {
    /// What the dialog is for, which decides its marks: an error's title carries `!` and draws in the error style.
    public enum Kind: Sendable {
        case confirm
        case error
        case message
    }

    /// What the dialog is for (see `Kind`).
    public let kind: Kind
    /// Shown in the frame's top edge.
    public let title: String
    /// The text, wrapped to the box's width.
    public let message: String
    /// Button labels, left to right; index 0 is the confirming one. Never empty.
    public let buttons: [String]
    /// The index of the button Enter would choose.
    public private(set) var focusedButton = 0
    /// How the dialog was closed; nil while it is open.
    public private(set) var choice: DialogChoice?
    private let details: ScrollView?

    /// A dialog of any kind; `details` scroll below the message. Needs at least one button.
    public init(kind: Kind, title: String, message: String, details: String? = nil, buttons: [String]) {
        precondition(!buttons.isEmpty, "A dialog needs a button")
        self.kind = kind
        self.title = title
        self.message = message
        self.buttons = buttons
        self.details = details.map { ScrollView(text: $0, style: .dim) }
    }

    /// "Are you sure?" with a confirming and a cancelling button; with
    /// `cancelByDefault` Enter keeps things as they are (for what loses work).
    public static func confirm(
        title: String, message: String, confirm: String = "Yes", cancel: String = "No", cancelByDefault: Bool = false
    ) -> Dialog {
        let dialog = Dialog(kind: .confirm, title: title, message: message, buttons: [confirm, cancel])
        if cancelByDefault { dialog.focusedButton = 1 }
        return dialog
    }

    /// An error with optional details (e.g. the service's full response).
    public static func error(title: String, message: String, details: String? = nil) -> Dialog {
        Dialog(kind: .error, title: title, message: message, details: details, buttons: ["OK"])
    }

    /// A notice with one OK button, for what the person only needs to know.
    public static func message(title: String, message: String) -> Dialog {
        Dialog(kind: .message, title: title, message: message, buttons: ["OK"])
    }

    /// `.submitted` once a button is chosen and `.cancelled` on Esc (then `choice` says which);
    /// `.handled` while moving or scrolling.
    public func handle(_ key: Key) -> WidgetResult {
        switch key {
        case .left, .backTab:
            focusedButton = (focusedButton + buttons.count - 1) % buttons.count
        case .right, .tab:
            focusedButton = (focusedButton + 1) % buttons.count
        case .enter:
            choice = .button(focusedButton)
            return .submitted
        case .escape:
            choice = .cancelled
            return .cancelled
        case .character(let character):
            let lowered = Character(character.lowercased())
            let matches = buttons.indices.filter { buttons[$0].lowercased().first == lowered }
            guard matches.count == 1 else { return .ignored }
            choice = .button(matches[0])
            return .submitted
        default:
            return details?.handle(key) ?? .ignored
        }
        return .handled
    }

    /// Draws the box centred on `canvas` (the whole screen, over what is there); nothing when too small.
    public func draw(_ canvas: Canvas) {
        let width = min(canvas.columns - 2, max(40, min(70, DisplayWidth.of(message) + 6)))
        guard width >= 12, canvas.rows >= 5 else { return }
        let messageLines = TextLayout.wrap(message, width: width - 4)
        let detailLines = details.map { TextLayout.wrap($0.text, width: width - 5).count } ?? 0
        let detailRows = min(10, detailLines, max(1, canvas.rows - messageLines.count - 7))
        let height = min(canvas.rows, messageLines.count + 4 + (details == nil ? 0 : detailRows + 1))
        let rect = canvas.bounds.centered(Size(columns: width, rows: height))
        canvas.fill(rect, style: .dialog)
        let heading = kind == .error ? "! " + title : title
        canvas.box(rect, style: .focusedBorder, title: heading, titleStyle: kind == .error ? .error : .dialogTitle)
        let inner = canvas.sub(rect.inset(by: 1))
        let inside = inner.sub(Rect(x: 1, y: 0, columns: inner.columns - 2, rows: inner.rows))
        let used = inside.paragraph(message, in: Rect(x: 0, y: 0, columns: inside.columns, rows: inside.rows - 1),
                                    style: kind == .error ? .error : .dialog)
        if let details {
            details.draw(inside.sub(Rect(x: 0, y: used + 1, columns: inside.columns, rows: max(0, inside.rows - used - 2))),
                         focused: true)
        }
        drawButtons(inside.sub(Rect(x: 0, y: inside.rows - 1, columns: inside.columns, rows: 1)))
    }

    private func drawButtons(_ canvas: Canvas) {
        let labels = buttons.enumerated().map { index, label in index == focusedButton ? "[ \(label) ]" : "  \(label)  " }
        let total = labels.map { DisplayWidth.of($0) }.reduce(0, +) + 2 * (labels.count - 1)
        var x = max(0, (canvas.columns - total) / 2)
        for (index, label) in labels.enumerated() {
            x += canvas.text(label, at: Point(x: x, y: 0), style: index == focusedButton ? .selection : .dialog) + 2
        }
    }
}
