import Testing
@testable import TerminalUI

@Suite(.timeLimit(.minutes(10))) struct QRCodeTests {
    // MARK: Encoder, against the spec's own numbers

    @Test func reedSolomonMatchesTheSpecExamples() {
        // ISO/IEC 18004:2015 Annex I ("01234567", 1-M) and Thonky's "HELLO WORLD" (1-M).
        let annex: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon(degree: 10).remainder(of: annex) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        let hello: [UInt8] = [0x20, 0x5B, 0x0B, 0x78, 0xD1, 0x72, 0xDC, 0x4D, 0x43, 0x40, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon(degree: 10).remainder(of: hello) == [0xC4, 0x23, 0x27, 0x77, 0xEB, 0xD7, 0xE7, 0xE2, 0x5D, 0x17])
    }

    @Test func formatAndVersionBitsMatchAnnexesCAndD() {
        #expect(QRSymbol.formatBits(errorCorrection: .low, mask: 0) == 0b111011111000100)
        #expect(QRSymbol.formatBits(errorCorrection: .medium, mask: 0) == 0b101010000010010)
        #expect(QRSymbol.formatBits(errorCorrection: .quartile, mask: 0) == 0b011010101011111)
        #expect(QRSymbol.formatBits(errorCorrection: .high, mask: 7) == 0b000100000111011)
        #expect(QRSymbol.versionBits(version: 7) == 0b000111110010010100)
        #expect(QRSymbol.versionBits(version: 40) == 0b101000110001101001)
    }

    @Test func blockTableAgreesWithTheSymbolGeometry() {
        for version in 1...40 {
            // Modules left for codewords (Table 1): all but function patterns and format/version information.
            var modules = (16 * version + 128) * version + 64
            if version >= 2 {
                let alignments = version / 7 + 2
                modules -= (25 * alignments - 10) * alignments - 55
                if version >= 7 { modules -= 36 }
            }
            for level in QRCode.ErrorCorrection.allCases {
                let layout = QRBlockLayout.of(version: version, level)
                #expect(layout.totalCodewords == modules / 8, "version \(version) \(level)")
                #expect(layout.longBlocks == 0 || layout.longBlockData == layout.shortBlockData + 1)
            }
        }
        // Table 7's byte-mode corners.
        let corners = [(1, QRCode.ErrorCorrection.low, 17), (1, .medium, 14), (1, .quartile, 11), (1, .high, 7),
                       (40, .low, 2953), (40, .medium, 2331), (40, .quartile, 1663), (40, .high, 1273)]
        for (version, level, bytes) in corners { #expect(QRBlockLayout.of(version: version, level).byteCapacity == bytes) }
    }

    @Test func picksTheSmallestVersionAndExposesTheModules() throws {
        let code = try QRCode(text: "https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH")
        #expect(code.version == 5 && code.size == 37 && code.errorCorrection == .medium)
        #expect((0..<8).contains(code.mask))
        // Finder corners dark, separator light, timing alternates, dark module set.
        #expect(code[0, 0] && code[6, 6] && !code[7, 7] && code[36, 0] && code[0, 36])
        #expect(code[8, 6] && !code[9, 6] && code[10, 6])
        #expect(code[8, code.size - 8])
        #expect(try QRCode(bytes: [0x41], errorCorrection: .high).version == 1)
    }

    @Test func tooLongInputThrowsAClearError() {
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 2954, limit: 2953, errorCorrection: .low)) {
            try QRCode(bytes: Array(repeating: 0x61, count: 2954), errorCorrection: .low)
        }
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 1274, limit: 1273, errorCorrection: .high)) {
            try QRCode(bytes: Array(repeating: 0x61, count: 1274), errorCorrection: .high)
        }
        #expect(throws: QRCode.EncodingError.invalidMask(8)) { try QRCode(text: "x", mask: 8) }
        #expect("\(QRCode.EncodingError.tooLong(bytes: 2954, limit: 2953, errorCorrection: .low))"
                == "2954 bytes do not fit in a QR code: at most 2953 at error correction low.")
    }

    @Test func standardScoringCountsTheQuietZoneForRule3() {
        // A finder pattern's middle rows read 1011101 from the edge: with the
        // quiet zone's 0000 before them they are rule 3 patterns too.
        let symbol = QRSymbol(version: 1, codewords: QRCode.codewords(
            for: Array("rule 3".utf8), layout: QRBlockLayout.of(version: 1, .low))).masked(0, errorCorrection: .low)
        #expect(QRPenalty.score(symbol, quietZone: true) > QRPenalty.score(symbol, quietZone: false))
    }

    // MARK: View

    @Test func viewRowsPackTwoModuleRowsInHalfBlocks() throws {
        let code = try QRCode(text: "rolewiz", errorCorrection: .low, mask: 3)
        let view = QRCodeView(code)
        #expect(view.cellSize == Size(columns: 29, rows: 15))
        let rows = view.rows
        #expect(rows.count == 15 && rows.allSatisfy { $0.count == 29 })
        // Decoding the rows gives the code back, inside a light quiet zone.
        for y in 0..<30 {
            for x in 0..<29 {
                let glyph = Array(rows[y / 2])[x]
                let dark = y % 2 == 0 ? (glyph == "▀" || glyph == "█") : (glyph == "▄" || glyph == "█")
                let inside = (4..<25).contains(x) && (4..<25).contains(y)
                #expect(dark == (inside && code[x - 4, y - 4]), "module \(x),\(y)")
            }
        }
        Golden.check(rows.joined(separator: "\n"), named: "qrcode-rolewiz-L-mask3")
    }

    @Test func sizesFollowTheVersion() throws {
        let small = QRCodeView(try QRCode(bytes: [1]))
        #expect(small.cellSize == Size(columns: 29, rows: 15))
        let large = QRCodeView(try QRCode(bytes: Array(repeating: 7, count: 2953), errorCorrection: .low, mask: 0))
        #expect(large.code.version == 40 && large.cellSize == Size(columns: 185, rows: 93))
        #expect(small.size(for: .utf8) == small.cellSize)
    }

    @Test func drawsBlackOnWhiteWithColourAndReverseWithout() throws {
        let view = QRCodeView(try QRCode(text: "rolewiz", errorCorrection: .low, mask: 3))
        let colour = render(Size(columns: 30, rows: 16), theme: .color) { #expect(view.draw($0)) }
        #expect(colour.cell(at: Point(x: 0, y: 0)).attributes == Attributes(foreground: .black, background: .white))
        #expect(colour.cell(at: Point(x: 28, y: 14)).attributes == Attributes(foreground: .black, background: .white))
        #expect(colour.cell(at: Point(x: 29, y: 15)).attributes == .plain)
        #expect(colour.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(15).map(String.init)
                == view.rows.map { String($0.reversed().drop { $0 == " " }.reversed()) })
        let mono = render(Size(columns: 29, rows: 15), theme: .monochrome) { #expect(view.draw($0)) }
        #expect(mono.cell(at: Point(x: 4, y: 2)).attributes == Attributes(reverse: true))
    }

    @Test func refusesASCIIAndCanvasesTooSmall() throws {
        let view = QRCodeView(try QRCode(text: "rolewiz"))
        #expect(view.size(for: .ascii) == nil)
        let ascii = render(Size(columns: 80, rows: 24), charset: .ascii) { #expect(!view.draw($0)) }
        #expect(ascii.text.allSatisfy { $0 == "\n" })
        let small = render(Size(columns: 28, rows: 24)) { canvas in
            #expect(!view.fits(canvas))
            #expect(!view.draw(canvas))
        }
        #expect(small.text.allSatisfy { $0 == "\n" })
        _ = render(Size(columns: 29, rows: 15)) { #expect(view.fits($0)) }
    }
}
