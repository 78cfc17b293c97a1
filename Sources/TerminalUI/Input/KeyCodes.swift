internal import CNcursesw

/// The ncurses key codes `get_wch` returns with KEY_CODE_YES, mapped to `Key`.
enum KeyCodes {
    static let enter = Int32(KEY_ENTER)
    static let resize = Int32(KEY_RESIZE)

    static func key(for code: Int32) -> Key? {
        if code > Int32(KEY_F0) && code <= Int32(KEY_F0) + 24 {
            // F13-F24 are Shift-F1..F12 on most terminals; treat them as the plain keys.
            let number = Int(code - Int32(KEY_F0))
            return .function(number > 12 ? number - 12 : number)
        }
        return table[code]
    }

    private static let table: [Int32: Key] = [
        Int32(KEY_UP): .up, Int32(KEY_DOWN): .down, Int32(KEY_LEFT): .left, Int32(KEY_RIGHT): .right,
        Int32(KEY_HOME): .home, Int32(KEY_END): .end, Int32(KEY_A1): .home, Int32(KEY_C1): .end,
        Int32(KEY_PPAGE): .pageUp, Int32(KEY_NPAGE): .pageDown, Int32(KEY_A3): .pageUp, Int32(KEY_C3): .pageDown,
        Int32(KEY_SLEFT): .controlLeft, Int32(KEY_SRIGHT): .controlRight,
        Int32(KEY_SHOME): .controlHome, Int32(KEY_SEND): .controlEnd,
        Int32(KEY_BTAB): .backTab, Int32(KEY_ENTER): .enter, Int32(KEY_BACKSPACE): .backspace,
        Int32(KEY_DC): .delete, Int32(KEY_IC): .insert, Int32(KEY_RESIZE): .resize,
    ]

    /// Extended terminfo capabilities for Ctrl-arrows and Ctrl-Home/End
    /// (xterm's kLFT5 and friends), whose key codes ncurses assigns at run time.
    static let extendedCapabilities: [(String, Key)] = [
        ("kLFT5", .controlLeft), ("kRIT5", .controlRight), ("kHOM5", .controlHome), ("kEND5", .controlEnd),
        ("kLFT3", .controlLeft), ("kRIT3", .controlRight),
    ]
}
