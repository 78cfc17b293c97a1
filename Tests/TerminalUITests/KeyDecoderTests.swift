import Testing
@testable import TerminalUI
import CNcursesw

@Suite(.timeLimit(.minutes(10))) struct KeyDecoderTests {
    private func decode(_ text: String, flush: Bool = true) -> [Key] {
        var decoder = KeyDecoder()
        var keys = decoder.feed(text.unicodeScalars.map(InputUnit.scalar))
        if flush { keys += decoder.flush() }
        return keys
    }

    @Test func printableAndWideCharacters() {
        #expect(decode("aZ日😀") == [.character("a"), .character("Z"), .character("日"), .character("😀")])
    }

    @Test func shiftTabAsCSIZAndAsKeyCode() {
        #expect(decode("\u{1B}[Z") == [.backTab])
        var decoder = KeyDecoder()
        #expect(decoder.feed(.keyCode(Int32(KEY_BTAB))) == [.backTab])
    }

    @Test func backspaceInAllItsForms() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.keyCode(Int32(KEY_BACKSPACE))) == [.backspace])
        #expect(decode("\u{7F}\u{08}") == [.backspace, .backspace])
    }

    @Test func enterTabAndControlLetters() {
        #expect(decode("\r\n\t") == [.enter, .enter, .tab])
        #expect(decode("\u{03}\u{0C}\u{1A}") == [.control("c"), .control("l"), .control("z")])
    }

    @Test func lonelyEscapeNeedsTheQuietPeriod() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.scalar("\u{1B}")) == [])
        #expect(decoder.isAwaitingSequence)
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.isAwaitingSequence)
    }

    @Test func escapeFollowedByALetterIsAlt() {
        #expect(decode("\u{1B}x") == [.alt("x")])
        #expect(decode("\u{1B}\u{1B}") == [.escape, .escape])
        #expect(decode("\u{1B}\u{7F}") == [.escape, .backspace])
    }

    @Test func functionKeysFromKeyCodesAndSequences() {
        var decoder = KeyDecoder()
        for number in 1...12 {
            #expect(decoder.feed(.keyCode(rw_key_f(Int32(number)))) == [.function(number)])
        }
        #expect(decode("\u{1B}OP\u{1B}OS") == [.function(1), .function(4)])
        #expect(decode("\u{1B}[15~\u{1B}[21~\u{1B}[24~") == [.function(5), .function(10), .function(12)])
        #expect(decode("\u{1B}[[A\u{1B}[[E") == [.function(1), .function(5)])
    }

    @Test func cursorAndEditingKeys() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(decode("\u{1B}[H\u{1B}[F\u{1B}[5~\u{1B}[6~\u{1B}[3~") == [.home, .end, .pageUp, .pageDown, .delete])
        #expect(decode("\u{1B}[1;5C\u{1B}[1;5D") == [.controlRight, .controlLeft])
        var decoder = KeyDecoder()
        let codes = [KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_PPAGE, KEY_NPAGE, KEY_DC, KEY_RESIZE]
        #expect(decoder.feed(codes.map { .keyCode(Int32($0)) })
            == [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .delete, .resize])
    }

    @Test func pasteIsOneEventEvenWithKeysInside() {
        let keys = decode("a\u{1B}[200~line one\r\nq\u{1B}[A\t?\u{1B}[201~b")
        #expect(keys == [.character("a"), .paste("line one\nq\u{1B}[A\t?"), .character("b")])
    }

    /// A paste is outside input: what passes the limit is dropped, the end
    /// marker is still found, and the keys after it come through.
    @Test(arguments: [0, 1, 3, 6, 100])
    func aHugePasteIsBoundedAndStillEnds(_ beyond: Int) {
        let limit = KeyDecoder.maximumPasteScalars
        let body = String(repeating: "x", count: limit + beyond)
        let keys = decode("\u{1B}[200~" + body + "\u{1B}[201~z")
        #expect(keys.count == 2)
        guard case .paste(let text) = keys.first else { Issue.record("no paste: \(keys.prefix(1))"); return }
        #expect(text.unicodeScalars.count == limit && text.allSatisfy { $0 == "x" })
        #expect(keys.last == .character("z"))
    }

    @Test func pasteSplitAcrossReads() {
        var decoder = KeyDecoder()
        var keys: [Key] = []
        for chunk in ["\u{1B}[20", "0~hel", "lo\rwor", "ld\u{1B}", "[20", "1~"] {
            keys += decoder.feed(chunk.unicodeScalars.map(InputUnit.scalar))
            keys += decoder.flush()   // input went quiet between reads
            #expect(keys.allSatisfy { if case .paste = $0 { true } else { false } })
        }
        #expect(keys == [.paste("hello\nworld")])
    }

    @Test func unfinishedPasteCanBeAbandoned() {
        var decoder = KeyDecoder()
        _ = decoder.feed("\u{1B}[200~partial".unicodeScalars.map(InputUnit.scalar))
        #expect(decoder.isInPaste)
        #expect(decoder.abandonPaste() == [.paste("partial")])
    }

    @Test func unknownSequencesAreDropped() {
        #expect(decode("\u{1B}[99~x") == [.character("x")])
        #expect(decode("\u{1B}[", flush: true) == [])
        // A stalled sequence is ended by the next byte that cannot continue it.
        var decoder = KeyDecoder()
        _ = decoder.feed("\u{1B}[1".unicodeScalars.map(InputUnit.scalar))
        #expect(decoder.flush() == [])
        #expect(decoder.feed(.scalar("\u{7F}")) == [.backspace])
    }

    @Test func extendedKeyCodesFromTerminfo() {
        var decoder = KeyDecoder(extendedKeyCodes: [600: .controlLeft])
        #expect(decoder.feed(.keyCode(600)) == [.controlLeft])
        #expect(decoder.feed(.keyCode(601)) == [])
    }

    @Test func displayNames() {
        #expect([Key.function(1), .character("?"), .control("c"), .backTab, .space, .alt("b")].map(\.displayName)
            == ["F1", "?", "^C", "S-Tab", "Space", "M-b"])
    }
}
