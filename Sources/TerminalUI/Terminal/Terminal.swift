#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CNcursesw
internal import Signals

/// Everything that touches the real terminal lives here, like htop's CRT.c:
/// locale and TERM checks, `newterm` with fallbacks, tty modes, colours and
/// the colour scheme choice, bracketed paste, signal handlers (set through
/// the Signals module, which holds every handler of the program), suspend and
/// resume, resize, reading keys and writing cells, and restoring it all.
///
/// One thread owns it: the type is not Sendable, so Swift 6 keeps it on the
/// thread that created it (the `Application` loop). ncurses globals are only
/// reached through the CNcursesw shim functions.
final class Terminal {
    let charset: Charset
    let theme: Theme
    /// The TERM value actually used (after fallbacks).
    let terminalType: String
    private let options: TerminalOptions
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    private var colorPairs: [ColorPairKey: Int16] = [:]
    private var attributeCache: [Attributes: (attr_t, Int16)] = [:]
    private var defaultColors = false
    private var isOpen = true
    private var cursorVisible: Bool? = nil
    var decoder: KeyDecoder

    private struct ColorPairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    private static let bracketedPasteOn = "\u{1B}[?2004h"
    private static let bracketedPasteOff = "\u{1B}[?2004l"

    /// Sets the terminal up. `wakeDescriptor` is the write end of the loop's
    /// wake pipe; signal handlers write to it.
    init(options: TerminalOptions, wakeDescriptor: Int32) throws {
        self.options = options
        setlocale(LC_ALL, "")
        let codeset = String(cString: rw_codeset())
        charset = Charset.choose(codeset: codeset, asciiOption: options.ascii)

        try options.checkUsable()
        let term = options.environment["TERM"] ?? ""
        guard let input = fdopen(dup(options.inputDescriptor), "r"),
              let output = fdopen(dup(options.outputDescriptor), "w") else {
            throw TerminalError.notATerminal(advice: options.nonInteractiveAdvice)
        }

        // The tty settings to restore, saved before newterm changes them.
        TerminalSignals.saveTTYSettings(of: options.inputDescriptor)
        // Handlers go in before newterm: ncurses installs its own only for
        // signals still at their defaults, so ours stay in charge.
        TerminalSignals.install(wakeDescriptor: wakeDescriptor)
        use_env(false)
        let candidates = TerminalTypeFallback.candidates(for: term)
        var opened: (OpaquePointer, String)? = nil
        for candidate in candidates {
            if let screen = newterm(candidate, output, input) {
                opened = (screen, candidate)
                break
            }
        }
        guard let (screen, used) = opened else {
            TerminalSignals.uninstall()
            fclose(input)
            fclose(output)
            throw TerminalError.unknownTerminal(term: term, tried: Array(candidates.dropFirst()),
                                                advice: options.nonInteractiveAdvice)
        }
        self.screen = screen
        self.terminalType = used
        self.inputFile = input
        self.outputFile = output
        set_term(screen)
        window = rw_stdscr()!
        // use_env(false) makes newterm take terminfo's size (often 80x24);
        // the kernel knows the window's real size.
        var rows: Int32 = 0, columns: Int32 = 0
        rw_window_size(options.outputDescriptor, &rows, &columns)
        if rows > 0 && columns > 0 { resize_term(rows, columns) }

        // Remember the bytes that put the screen back from a signal handler
        // (what endwin would send, plus bracketed paste off).
        var reset = Self.bracketedPasteOff
        for capability in ["rmcup", "rmkx", "cnorm", "sgr0"] {
            if let value = rw_string_capability(capability) { reset += String(cString: value) }
        }
        TerminalSignals.setResetBytes(reset, output: options.outputDescriptor)

        theme = Theme.choose(terminalHasColors: has_colors(), noColorOption: options.noColor,
                             environment: options.environment)
        var extended: [Int32: Key] = [:]
        for (capability, key) in KeyCodes.extendedCapabilities {
            if let sequence = rw_string_capability(capability) {
                let code = key_defined(sequence)
                if code > 0 { extended[code] = key }
            }
        }
        decoder = KeyDecoder(extendedKeyCodes: extended)

        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(Int32(options.escapeDelay))
        if theme.usesColor {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        writeRaw(Self.bracketedPasteOn)
        TerminalSignals.armRestore(true)
    }

    deinit {
        close()
    }

    /// Leaves curses mode and restores the tty exactly as it was. Safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        writeRaw(Self.bracketedPasteOff)
        endwin()
        // endwin restored curses' idea of the shell mode; put back the exact
        // settings saved at start as well.
        TerminalSignals.restoreNow()
        TerminalSignals.armRestore(false)
        delscreen(screen)
        fclose(inputFile)
        fclose(outputFile)
        TerminalSignals.uninstall()
    }

    /// Ctrl-Z or SIGTSTP: restore the terminal, stop, and on `fg` come back
    /// in curses mode. The caller redraws everything afterwards.
    func suspend() {
        writeRaw(Self.bracketedPasteOff)
        endwin()
        TerminalSignals.restoreNow()
        TerminalSignals.stopSelf()
        resume()
    }

    /// What a signal the handlers wrote into the wake pipe asks of the loop.
    enum SignalEffect: Equatable {
        case none
        /// Read the size again and redraw everything.
        case redraw
        /// SIGTERM, SIGHUP or SIGINT arrived while the loop defers them.
        case terminate(signal: Int32)
    }

    /// Acts on a signal number the handlers wrote into the wake pipe.
    func handleSignalByte(_ byte: UInt8) -> SignalEffect {
        switch Int32(byte) {
        case SIGWINCH: return .redraw
        case SIGTSTP:
            suspend()
            return .redraw   // the window may have changed while stopped
        case SIGCONT:
            resume()
            return .redraw
        case SIGTERM, SIGHUP, SIGINT: return .terminate(signal: Int32(byte))
        default: return .none
        }
    }

    /// While true, the first SIGTERM, SIGHUP or SIGINT reaches the loop as
    /// `.terminate` instead of ending the process at once; a second one
    /// still restores the terminal and ends it.
    var defersTermination = false {
        didSet { TerminalSignals.deferTermination(defersTermination) }
    }

    /// Back in curses mode after a stop; the next frame must be drawn in full.
    func resume() {
        reset_prog_mode()
        keypad(window, true)
        writeRaw(Self.bracketedPasteOn)
        cursorVisible = nil
        forceFullRedraw()
    }

    /// The next `update()` repaints the whole screen (Ctrl-L, resume).
    func forceFullRedraw() {
        clearok(rw_curscr(), true)
    }

    private func writeRaw(_ text: String) {
        fflush(outputFile)
        _ = text.withCString { write(options.outputDescriptor, $0, strlen($0)) }
    }

    // MARK: Size

    var size: Size {
        Size(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    /// Asks the kernel for the size after SIGWINCH and resizes ncurses' screen.
    func updateSize() -> Size {
        var rows: Int32 = 0, columns: Int32 = 0
        rw_window_size(options.outputDescriptor, &rows, &columns)
        if rows > 0 && columns > 0 { resize_term(rows, columns) }
        forceFullRedraw()
        return size
    }

    // MARK: Output

    /// Writes one cell into ncurses' virtual screen.
    func put(_ cell: Cell, at point: Point) {
        let (attributes, pair) = cursesAttributes(for: cell.attributes)
        let y = Int32(point.y), x = Int32(point.x)
        switch cell.glyph {
        case .continuation:
            return
        case .line(let glyph):
            if charset == .utf8 {
                _ = rw_put_line(window, y, x, Self.lineIndex(glyph), attributes, pair)
            } else {
                putCharacter(glyph.character(in: .ascii), y: y, x: x, attributes: attributes, pair: pair)
            }
        case .character(let character):
            putCharacter(character, y: y, x: x, attributes: attributes, pair: pair)
        }
    }

    private func putCharacter(_ character: Character, y: Int32, x: Int32, attributes: attr_t, pair: Int16) {
        var scalars: [wchar_t] = character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        _ = rw_put_char(window, y, x, &scalars, Int32(scalars.count), attributes, pair)
    }

    private static func lineIndex(_ glyph: LineGlyph) -> Int32 {
        switch glyph {
        case .horizontal: 0
        case .vertical: 1
        case .topLeft: 2
        case .topRight: 3
        case .bottomLeft: 4
        case .bottomRight: 5
        case .teeLeft: 6
        case .teeRight: 7
        }
    }

    /// Places (or hides) the cursor and marks the window for the next `update()`.
    func finishFrame(cursor: Point?) {
        let visible = cursor != nil
        if cursorVisible != visible {
            curs_set(visible ? 1 : 0)
            cursorVisible = visible
        }
        if let cursor { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
        wnoutrefresh(window)
    }

    /// Sends everything marked since the last call to the terminal: one
    /// `doupdate` per batch of events.
    func update() {
        doupdate()
    }

    /// Attributes and colour pair for a cell; colour pairs are allocated
    /// on first use (pair 0 is the terminal default).
    private func cursesAttributes(for attributes: Attributes) -> (attr_t, Int16) {
        if let cached = attributeCache[attributes] { return cached }
        var result = rw_a_normal()
        if attributes.bold { result |= rw_a_bold() }
        if attributes.underline { result |= rw_a_underline() }
        if attributes.reverse { result |= rw_a_reverse() }
        if attributes.dim { result |= rw_a_dim() }
        var pair: Int16 = 0
        if theme.usesColor && (attributes.foreground != nil || attributes.background != nil) {
            pair = colorPair(foreground: attributes.foreground, background: attributes.background)
        }
        attributeCache[attributes] = (result, pair)
        return (result, pair)
    }

    private func colorPair(foreground: Color?, background: Color?) -> Int16 {
        let key = ColorPairKey(foreground: foreground?.rawValue ?? (defaultColors ? -1 : Color.white.rawValue),
                               background: background?.rawValue ?? (defaultColors ? -1 : Color.black.rawValue))
        if let pair = colorPairs[key] { return pair }
        let next = Int16(colorPairs.count + 1)
        guard Int32(next) < rw_color_pairs() else { return 0 }
        init_pair(next, key.foreground, key.background)
        colorPairs[key] = next
        return next
    }

    // MARK: Input

    /// Everything ncurses has ready, without waiting.
    func readAvailableInput() -> [InputUnit] {
        var units: [InputUnit] = []
        while true {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                units.append(.keyCode(Int32(character)))
            } else if let scalar = Unicode.Scalar(UInt32(character)) {
                units.append(.scalar(scalar))
            }
        }
        return units
    }

    /// Reads and decodes keys, waiting briefly when an escape sequence has
    /// started so ESC-then-more is not mistaken for the Escape key, and
    /// until a bracketed paste has ended.
    func readKeys() -> [Key] {
        var keys = decoder.feed(readAvailableInput())
        while decoder.isAwaitingSequence || decoder.isInPaste {
            let wait = decoder.isInPaste ? 2000 : options.escapeDelay
            if waitForInput(milliseconds: wait) {
                keys += decoder.feed(readAvailableInput())
            } else if decoder.isInPaste {
                keys += decoder.abandonPaste()
            } else {
                keys += decoder.flush()
            }
        }
        return keys
    }

    private func waitForInput(milliseconds: Int) -> Bool {
        var descriptor = pollfd(fd: options.inputDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, Int32(milliseconds)) > 0
    }

    var inputDescriptor: Int32 { options.inputDescriptor }
}
