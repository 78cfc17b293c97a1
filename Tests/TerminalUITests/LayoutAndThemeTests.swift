import Testing
import TestSupport
@testable import TerminalUI

@Suite(.timeLimit(.minutes(10))) struct LayoutAndThemeTests {
    /// The policy preview's regression: wrapped lines of pretty-printed JSON
    /// keep their line's indentation (capped at a third of the width), at
    /// every pane width, and no text is lost or reordered.
    @Test(arguments: 12...90)
    func wrappedJSONKeepsItsIndentationAtEveryWidth(_ width: Int) {
        let policy = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "AllowReadingTheBucketsOfTheDataLakeAndTheirObjects",
                  "Effect": "Allow",
                  "Action": ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion"],
                  "Resource": "arn:aws:s3:::an-unusually-long-bucket-name-for-wrapping/some/prefix/*"
                }
              ]
            }
            """
        var wrapped = TextLayout.wrap(policy, width: width)[...]
        for line in policy.split(separator: "\n") {
            let indent = String(line.prefix { $0 == " " }.prefix(width / 3))
            let text = line.filter { $0 != " " }
            var consumed = ""
            // The pieces this line wrapped into: each starts with its indentation.
            while consumed.count < text.count, let piece = wrapped.popFirst() {
                #expect(piece.hasPrefix(indent), "width \(width): \(piece.debugDescription) lost the indentation of \(line.debugDescription)")
                #expect(DisplayWidth.of(piece) <= width, "width \(width): \(piece.debugDescription) is too wide")
                consumed += piece.filter { $0 != " " }
            }
            #expect(consumed == text, "width \(width): the text of \(line.debugDescription) changed")
        }
        #expect(wrapped.isEmpty)
    }

    @Test func wrapMeasuresWideCharacters() {
        TestLocale.utf8()
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(TextLayout.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextLayout.wrap("日本語日本語", width: 5) == ["日本", "語日", "本語"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("a\n\nb", width: 4) == ["a", "", "b"])
        #expect(TextLayout.wrap("    \"a\": [1, 2]", width: 12) == ["    \"a\": [1,", "    2]"])
        #expect(TextLayout.truncate("日本語テキスト", width: 7) == "日本語…")
    }

    @Test func noColorAndOptionsPickMonochrome() {
        #expect(Theme.choose(terminalHasColors: true, noColorOption: false, environment: [:]).name == "color")
        #expect(Theme.choose(terminalHasColors: true, noColorOption: false, environment: ["NO_COLOR": ""]).name == "color")
        #expect(Theme.choose(terminalHasColors: true, noColorOption: false, environment: ["NO_COLOR": "1"]).name == "monochrome")
        #expect(Theme.choose(terminalHasColors: true, noColorOption: true, environment: [:]).name == "monochrome")
        #expect(Theme.choose(terminalHasColors: false, noColorOption: false, environment: [:]).name == "monochrome")
        #expect(!Theme.monochrome.usesColor)
        #expect(Theme.color.usesColor)
    }

    @Test func charsetFollowsTheLocaleCodeset() {
        #expect(Charset.choose(codeset: "UTF-8", asciiOption: false) == .utf8)
        #expect(Charset.choose(codeset: "utf8", asciiOption: false) == .utf8)
        #expect(Charset.choose(codeset: "ANSI_X3.4-1968", asciiOption: false) == .ascii)
        #expect(Charset.choose(codeset: "UTF-8", asciiOption: true) == .ascii)
    }

    @Test func unknownTerminalTypesFallBackToRelatives() {
        #expect(TerminalTypeFallback.candidates(for: "xterm-kitty") == ["xterm-kitty", "xterm-256color", "xterm", "ansi", "vt100"])
        #expect(TerminalTypeFallback.candidates(for: "tmux-direct").prefix(3) == ["tmux-direct", "tmux-256color", "screen-256color"])
        #expect(TerminalTypeFallback.candidates(for: "weird").first == "weird")
    }

    @Test func asciiCharsetReplacesWhatItCannotShow() {
        let surface = render(Size(columns: 12, rows: 3), charset: .ascii) { canvas in
            canvas.box(title: "é")
            canvas.text("日x", at: Point(x: 1, y: 1))
        }
        #expect(surface.text == "+- ? ------+\n|?x        |\n+----------+")
    }

    @Test func canvasClipsToItsRegion() {
        let surface = render(Size(columns: 10, rows: 3)) { canvas in
            let inner = canvas.sub(Rect(x: 2, y: 1, columns: 4, rows: 1))
            inner.text("abcdefgh", at: .zero)
            inner.text("zz", at: Point(x: -1, y: 1))
            canvas.text("日本語", at: Point(x: 5, y: 0))
        }
        #expect(surface.text == "     日本\n  abcd\n")
    }

    @Test func stepIndicatorShrinksToFit() {
        let steps = StepIndicator(steps: ["Trusted entity", "Permissions", "Name", "Review"], current: 1)
        #expect(render(Size(columns: 80, rows: 1)) { steps.draw($0) }.row(0)
            == "1 Trusted entity > [2 Permissions] > 3 Name > 4 Review")
        #expect(render(Size(columns: 40, rows: 1)) { steps.draw($0) }.row(0) == "1 > [2 Permissions] > 3 > 4")
        #expect(render(Size(columns: 24, rows: 1)) { steps.draw($0) }.row(0) == "Step 2 of 4: Permissions")
    }

    @Test func scrollViewKeepsPositionWithinBounds() {
        let view = ScrollView(text: (1...50).map { "line \($0)" }.joined(separator: "\n"))
        _ = render(Size(columns: 20, rows: 10)) { view.draw($0, focused: true) }
        _ = view.handle(.pageDown)
        _ = view.handle(.down)
        #expect(view.top == 10)
        _ = view.handle(.end)
        let surface = render(Size(columns: 20, rows: 10)) { view.draw($0, focused: true) }
        #expect(view.top == 40)
        #expect(surface.row(9).hasPrefix("line 50"))
        #expect(surface.row(9).hasSuffix("█"))
    }

    @Test func dialogButtonsByLetterArrowsAndEscape() {
        let dialog = Dialog.confirm(title: "Delete?", message: "Really?", confirm: "Delete", cancel: "Keep")
        #expect(dialog.handle(.right) == .handled)
        #expect(dialog.handle(.enter) == .submitted)
        #expect(dialog.choice == .button(1))
        let other = Dialog.confirm(title: "Delete?", message: "Really?", confirm: "Delete", cancel: "Keep")
        #expect(other.handle(.character("d")) == .submitted)
        #expect(other.choice?.isConfirmed == true)
        let third = Dialog.message(title: "Hi", message: "There")
        #expect(third.handle(.escape) == .cancelled)
        #expect(third.choice == .cancelled)
        let surface = render(Size(columns: 50, rows: 9)) { other.draw($0) }
        #expect(surface.text.contains("[ Delete ]    Keep"))
    }
}

/// The wrap's shortcut for lines that already fit gives exactly what
/// wrapping word by word gives, on generated text (ASCII and not, spaces
/// leading, inside and trailing, long words, control characters).
@Suite(.timeLimit(.minutes(10))) struct WrapShortcutTests {
    @Test func theShortcutAgreesWithWrappingWordByWord() {
        var random = SeededRandom(seed: 0x57A9)
        let pieces = ["{", "}", "\"Effect\": \"Allow\",", " ", "  ", "    ", "s3:GetObject", "é", "日本", "\t", "\u{1B}", "~", "a-very-long-word-without-breaks", ""]
        for _ in 0..<5000 {
            let width = Int.random(in: 1...40, using: &random)
            let lines = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
            let text = lines.joined(separator: "\n")
            #expect(TextLayout.wrap(text, width: width, shortcut: true) == TextLayout.wrap(text, width: width, shortcut: false),
                    "width \(width): \(text.debugDescription)")
        }
    }
}
