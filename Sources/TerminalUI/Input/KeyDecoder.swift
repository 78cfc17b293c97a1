/// One unit of raw input as `get_wch` returns it: a character, or a key
/// code ncurses already recognised from the terminfo entry (KEY_UP, ...).
public enum InputUnit: Hashable, Sendable {
    case scalar(Unicode.Scalar)
    case keyCode(Int32)
}

/// Turns raw input units into `Key`s. A pure state machine, so it can be
/// fed byte by byte in tests: ncurses (keypad mode) decodes what terminfo
/// knows; this handles what it does not: ESC-prefixed sequences such as
/// `ESC [ Z` (Shift-Tab) and xterm's CSI forms, Alt-keys, control bytes and
/// bracketed paste (`ESC [200~ ... ESC [201~`), which becomes ONE `.paste`
/// however many reads it arrives in.
///
/// A lone ESC is ambiguous until the input goes quiet: the loop calls
/// `flush()` when nothing follows within the escape delay (25 ms).
public struct KeyDecoder: Sendable {
    private enum State: Sendable {
        case ground
        case escape
        case csi(String)
        case ss3
        /// Linux console F1-F5: ESC [ [ A..E
        case linuxFunction
        case paste
    }

    private var state: State = .ground
    /// The paste so far, kept outside `state` so appending does not copy it.
    private var pasteBuffer = String.UnicodeScalarView()
    /// The paste's last six scalars, to see its end marker even past the limit.
    private var pasteTail: [Unicode.Scalar] = []
    /// Scalars in `pasteBuffer` (its `count` walks the whole view).
    private var pasteCount = 0
    /// Scalars of the paste that arrived after the buffer was full.
    private var pastedPastLimit = 0

    /// The most of one paste that is kept: twice IAM's largest policy
    /// (131,072 characters). A paste is input from outside like any other,
    /// so what comes beyond this is dropped instead of filling memory.
    public static let maximumPasteScalars = 256 * 1024
    /// Extra ncurses key codes for keys terminfo names only in extended
    /// capabilities (kLFT5, kRIT5, ...), whose numbers differ per terminal.
    public var extendedKeyCodes: [Int32: Key]

    /// A decoder in its starting state; `extendedKeyCodes` come from the terminal's terminfo (see `Terminal`).
    public init(extendedKeyCodes: [Int32: Key] = [:]) {
        self.extendedKeyCodes = extendedKeyCodes
    }

    /// True after a lone ESC: the caller waits the escape delay for more
    /// input before calling `flush()` to take it as the Escape key.
    public var isAwaitingSequence: Bool {
        if case .escape = state { return true }
        return false
    }

    /// True inside a bracketed paste.
    public var isInPaste: Bool {
        if case .paste = state { return true }
        return false
    }

    /// Decodes a run of units.
    public mutating func feed(_ units: some Sequence<InputUnit>) -> [Key] {
        var keys: [Key] = []
        for unit in units { keys += feed(unit) }
        return keys
    }

    /// Decodes one unit; returns the keys it completes (often none or one).
    public mutating func feed(_ unit: InputUnit) -> [Key] {
        switch state {
        case .ground:
            return ground(unit)
        case .escape:
            return afterEscape(unit)
        case .csi(let parameters):
            return csi(parameters, unit)
        case .ss3:
            state = .ground
            guard case .scalar(let scalar) = unit else { return ground(unit) }
            return Self.ss3Keys[scalar].map { [$0] } ?? []
        case .linuxFunction:
            state = .ground
            guard case .scalar(let scalar) = unit, (0x41...0x45).contains(scalar.value) else { return ground(unit) }
            return [.function(Int(scalar.value) - 0x40)]
        case .paste:
            return paste(unit)
        }
    }

    /// Input went quiet: a pending lone ESC is the Escape key. A sequence
    /// past its ESC (`ESC [ 2 0`) keeps waiting, because over a slow link
    /// the rest (say, of a paste start marker) may arrive in a later read;
    /// the next byte that cannot continue it ends it. A paste in progress
    /// keeps waiting for its end marker.
    public mutating func flush() -> [Key] {
        guard case .escape = state else { return [] }
        state = .ground
        return [.escape]
    }

    /// Gives up on a paste whose end marker never came, delivering what arrived.
    public mutating func abandonPaste() -> [Key] {
        guard case .paste = state else { return [] }
        return [finishPaste(dropping: 0)]
    }

    // MARK: States

    private mutating func ground(_ unit: InputUnit) -> [Key] {
        switch unit {
        case .keyCode(let code):
            if let key = KeyCodes.key(for: code) ?? extendedKeyCodes[code] { return [key] }
            return []
        case .scalar(let scalar):
            switch scalar.value {
            case 0x1B:
                state = .escape
                return []
            case 0x08, 0x7F: return [.backspace]
            case 0x09: return [.tab]
            case 0x0A, 0x0D: return [.enter]
            case 0x01...0x1A: return [.control(Character(Unicode.Scalar(scalar.value + 0x60)!))]
            case 0x00, 0x1C...0x1F, 0x80..<0xA0: return []
            default: return [.character(Character(scalar))]
            }
        }
    }

    private mutating func afterEscape(_ unit: InputUnit) -> [Key] {
        guard case .scalar(let scalar) = unit else {
            state = .ground
            return [.escape] + ground(unit)
        }
        switch scalar {
        case "[":
            state = .csi("")
            return []
        case "O":
            state = .ss3
            return []
        case "\u{1B}":
            return [.escape]
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                state = .ground
                return [.escape] + ground(unit)
            }
            state = .ground
            return [.alt(Character(scalar))]
        }
    }

    private mutating func csi(_ parameters: String, _ unit: InputUnit) -> [Key] {
        guard case .scalar(let scalar) = unit else {
            state = .ground
            return ground(unit)
        }
        if parameters.isEmpty && scalar == "[" {
            state = .linuxFunction
            return []
        }
        switch scalar.value {
        case 0x20...0x3F:
            state = .csi(parameters + String(Character(scalar)))
            return []
        case 0x40...0x7E:
            state = .ground
            return finishCSI(parameters, final: Character(scalar))
        default:
            // Not part of a sequence: drop what we had and read it afresh.
            state = .ground
            return ground(unit)
        }
    }

    private mutating func finishCSI(_ parameters: String, final: Character) -> [Key] {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let modifier = fields.count > 1 ? (fields[1] ?? 1) : 1
        let control = modifier >= 5
        switch final {
        case "Z": return [.backTab]
        case "A": return [.up]
        case "B": return [.down]
        case "C": return [control ? .controlRight : .right]
        case "D": return [control ? .controlLeft : .left]
        case "H": return [control ? .controlHome : .home]
        case "F": return [control ? .controlEnd : .end]
        case "~":
            guard let first = fields.first, let number = first else { return [] }
            if number == 200 {
                state = .paste
                pasteBuffer = String.UnicodeScalarView()
                pasteTail = []
                pasteCount = 0
                pastedPastLimit = 0
                return []
            }
            if control && (number == 1 || number == 7) { return [.controlHome] }
            if control && (number == 4 || number == 8) { return [.controlEnd] }
            return Self.tildeKeys[number].map { [$0] } ?? []
        default:
            return []
        }
    }

    private static let pasteEnd = "\u{1B}[201~"

    private mutating func paste(_ unit: InputUnit) -> [Key] {
        let scalar: Unicode.Scalar
        switch unit {
        case .scalar(let value): scalar = value
        case .keyCode(let code):
            // ncurses may have turned pasted bytes into a key; keep what matters for text.
            guard code == KeyCodes.enter else { return [] }
            scalar = "\n"
        }
        if pasteCount < Self.maximumPasteScalars {
            pasteBuffer.append(scalar)
            pasteCount += 1
        } else {
            pastedPastLimit += 1
        }
        pasteTail.append(scalar)
        if pasteTail.count > 6 { pasteTail.removeFirst() }
        if scalar == "~", pasteTail.elementsEqual(Self.pasteEnd.unicodeScalars) {
            // The part of the end marker that made it into the buffer.
            return [finishPaste(dropping: max(0, 6 - pastedPastLimit))]
        }
        return []
    }

    private mutating func finishPaste(dropping terminatorLength: Int) -> Key {
        pasteBuffer.removeLast(min(terminatorLength, pasteCount))
        let text = String(pasteBuffer)
        pasteBuffer = String.UnicodeScalarView()
        state = .ground
        return .paste(Self.normalizedPaste(text))
    }

    /// Terminals send line breaks in pastes as CR; widgets expect "\n".
    static func normalizedPaste(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.append(scalar)
        }
        return String(result)
    }

    private static let ss3Keys: [Unicode.Scalar: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "M": .enter,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    ]

    private static let tildeKeys: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 2: .insert, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]
}
