/// The error-correction block structure of every version and level:
/// ISO/IEC 18004:2015 Table 9 ("Error correction characteristics for QR
/// Code"). Each version's data codewords split into one or two groups of
/// equal blocks; each block gets the same number of EC codewords.
///
/// Transcribed from python-qrcode's RS_BLOCK_TABLE (the same table); the
/// tests check every row against the symbol's module count (total codewords)
/// and the byte capacities against Table 7's corners.
struct QRBlockLayout: Hashable, Sendable {
    let version: Int
    /// EC codewords in every block.
    let ecPerBlock: Int
    let shortBlocks: Int
    let shortBlockData: Int
    /// The second group's blocks hold one data codeword more (0 blocks when absent).
    let longBlocks: Int
    let longBlockData: Int

    var blockCount: Int { shortBlocks + longBlocks }
    var dataCodewords: Int { shortBlocks * shortBlockData + longBlocks * longBlockData }
    var totalCodewords: Int { dataCodewords + blockCount * ecPerBlock }

    /// The most bytes byte mode holds: a 4-bit mode indicator and an 8-bit
    /// (versions 1–9) or 16-bit (10–40) count come before the data.
    var byteCapacity: Int { (dataCodewords * 8 - 4 - QRLayout.countBits(version: version)) / 8 }

    /// The layout for a version (1–40) and level.
    static func of(version: Int, _ level: QRCode.ErrorCorrection) -> QRBlockLayout {
        let entry = table[version - 1][level.tableColumn]
        return QRBlockLayout(version: version, entry)
    }

    private init(version: Int, _ entry: B) {
        self.version = version
        (ecPerBlock, shortBlocks, shortBlockData, longBlocks, longBlockData)
            = (entry.ec, entry.short, entry.shortData, entry.long, entry.longData)
    }

    private struct B {
        let ec, short, shortData, long, longData: Int
        init(_ ec: Int, _ short: Int, _ shortData: Int, _ long: Int, _ longData: Int) {
            (self.ec, self.short, self.shortData, self.long, self.longData) = (ec, short, shortData, long, longData)
        }
    }

    /// Rows are versions 1–40; columns L, M, Q, H; each entry
    /// B(EC codewords per block, blocks, data codewords, blocks, data codewords).
    private static let table: [[B]] = [
        [B(7, 1, 19, 0, 0), B(10, 1, 16, 0, 0), B(13, 1, 13, 0, 0), B(17, 1, 9, 0, 0)], // 1
        [B(10, 1, 34, 0, 0), B(16, 1, 28, 0, 0), B(22, 1, 22, 0, 0), B(28, 1, 16, 0, 0)], // 2
        [B(15, 1, 55, 0, 0), B(26, 1, 44, 0, 0), B(18, 2, 17, 0, 0), B(22, 2, 13, 0, 0)], // 3
        [B(20, 1, 80, 0, 0), B(18, 2, 32, 0, 0), B(26, 2, 24, 0, 0), B(16, 4, 9, 0, 0)], // 4
        [B(26, 1, 108, 0, 0), B(24, 2, 43, 0, 0), B(18, 2, 15, 2, 16), B(22, 2, 11, 2, 12)], // 5
        [B(18, 2, 68, 0, 0), B(16, 4, 27, 0, 0), B(24, 4, 19, 0, 0), B(28, 4, 15, 0, 0)], // 6
        [B(20, 2, 78, 0, 0), B(18, 4, 31, 0, 0), B(18, 2, 14, 4, 15), B(26, 4, 13, 1, 14)], // 7
        [B(24, 2, 97, 0, 0), B(22, 2, 38, 2, 39), B(22, 4, 18, 2, 19), B(26, 4, 14, 2, 15)], // 8
        [B(30, 2, 116, 0, 0), B(22, 3, 36, 2, 37), B(20, 4, 16, 4, 17), B(24, 4, 12, 4, 13)], // 9
        [B(18, 2, 68, 2, 69), B(26, 4, 43, 1, 44), B(24, 6, 19, 2, 20), B(28, 6, 15, 2, 16)], // 10
        [B(20, 4, 81, 0, 0), B(30, 1, 50, 4, 51), B(28, 4, 22, 4, 23), B(24, 3, 12, 8, 13)], // 11
        [B(24, 2, 92, 2, 93), B(22, 6, 36, 2, 37), B(26, 4, 20, 6, 21), B(28, 7, 14, 4, 15)], // 12
        [B(26, 4, 107, 0, 0), B(22, 8, 37, 1, 38), B(24, 8, 20, 4, 21), B(22, 12, 11, 4, 12)], // 13
        [B(30, 3, 115, 1, 116), B(24, 4, 40, 5, 41), B(20, 11, 16, 5, 17), B(24, 11, 12, 5, 13)], // 14
        [B(22, 5, 87, 1, 88), B(24, 5, 41, 5, 42), B(30, 5, 24, 7, 25), B(24, 11, 12, 7, 13)], // 15
        [B(24, 5, 98, 1, 99), B(28, 7, 45, 3, 46), B(24, 15, 19, 2, 20), B(30, 3, 15, 13, 16)], // 16
        [B(28, 1, 107, 5, 108), B(28, 10, 46, 1, 47), B(28, 1, 22, 15, 23), B(28, 2, 14, 17, 15)], // 17
        [B(30, 5, 120, 1, 121), B(26, 9, 43, 4, 44), B(28, 17, 22, 1, 23), B(28, 2, 14, 19, 15)], // 18
        [B(28, 3, 113, 4, 114), B(26, 3, 44, 11, 45), B(26, 17, 21, 4, 22), B(26, 9, 13, 16, 14)], // 19
        [B(28, 3, 107, 5, 108), B(26, 3, 41, 13, 42), B(30, 15, 24, 5, 25), B(28, 15, 15, 10, 16)], // 20
        [B(28, 4, 116, 4, 117), B(26, 17, 42, 0, 0), B(28, 17, 22, 6, 23), B(30, 19, 16, 6, 17)], // 21
        [B(28, 2, 111, 7, 112), B(28, 17, 46, 0, 0), B(30, 7, 24, 16, 25), B(24, 34, 13, 0, 0)], // 22
        [B(30, 4, 121, 5, 122), B(28, 4, 47, 14, 48), B(30, 11, 24, 14, 25), B(30, 16, 15, 14, 16)], // 23
        [B(30, 6, 117, 4, 118), B(28, 6, 45, 14, 46), B(30, 11, 24, 16, 25), B(30, 30, 16, 2, 17)], // 24
        [B(26, 8, 106, 4, 107), B(28, 8, 47, 13, 48), B(30, 7, 24, 22, 25), B(30, 22, 15, 13, 16)], // 25
        [B(28, 10, 114, 2, 115), B(28, 19, 46, 4, 47), B(28, 28, 22, 6, 23), B(30, 33, 16, 4, 17)], // 26
        [B(30, 8, 122, 4, 123), B(28, 22, 45, 3, 46), B(30, 8, 23, 26, 24), B(30, 12, 15, 28, 16)], // 27
        [B(30, 3, 117, 10, 118), B(28, 3, 45, 23, 46), B(30, 4, 24, 31, 25), B(30, 11, 15, 31, 16)], // 28
        [B(30, 7, 116, 7, 117), B(28, 21, 45, 7, 46), B(30, 1, 23, 37, 24), B(30, 19, 15, 26, 16)], // 29
        [B(30, 5, 115, 10, 116), B(28, 19, 47, 10, 48), B(30, 15, 24, 25, 25), B(30, 23, 15, 25, 16)], // 30
        [B(30, 13, 115, 3, 116), B(28, 2, 46, 29, 47), B(30, 42, 24, 1, 25), B(30, 23, 15, 28, 16)], // 31
        [B(30, 17, 115, 0, 0), B(28, 10, 46, 23, 47), B(30, 10, 24, 35, 25), B(30, 19, 15, 35, 16)], // 32
        [B(30, 17, 115, 1, 116), B(28, 14, 46, 21, 47), B(30, 29, 24, 19, 25), B(30, 11, 15, 46, 16)], // 33
        [B(30, 13, 115, 6, 116), B(28, 14, 46, 23, 47), B(30, 44, 24, 7, 25), B(30, 59, 16, 1, 17)], // 34
        [B(30, 12, 121, 7, 122), B(28, 12, 47, 26, 48), B(30, 39, 24, 14, 25), B(30, 22, 15, 41, 16)], // 35
        [B(30, 6, 121, 14, 122), B(28, 6, 47, 34, 48), B(30, 46, 24, 10, 25), B(30, 2, 15, 64, 16)], // 36
        [B(30, 17, 122, 4, 123), B(28, 29, 46, 14, 47), B(30, 49, 24, 10, 25), B(30, 24, 15, 46, 16)], // 37
        [B(30, 4, 122, 18, 123), B(28, 13, 46, 32, 47), B(30, 48, 24, 14, 25), B(30, 42, 15, 32, 16)], // 38
        [B(30, 20, 117, 4, 118), B(28, 40, 47, 7, 48), B(30, 43, 24, 22, 25), B(30, 10, 15, 67, 16)], // 39
        [B(30, 19, 118, 6, 119), B(28, 18, 47, 31, 48), B(30, 34, 24, 34, 25), B(30, 20, 15, 61, 16)], // 40
    ]
}

/// The per-version numbers that follow from formulas rather than a table.
enum QRLayout {
    /// Modules per side: 21 for version 1, 4 more each version (6.3.1).
    static func size(version: Int) -> Int { 17 + 4 * version }

    /// Bits of the byte-mode character count (Table 3): 8 up to version 9, then 16.
    static func countBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// Row/column centres of the alignment patterns (Annex E, Table E.1):
    /// 6, then evenly spaced (an even step) up to size − 7. Nayuki's closed
    /// form of the table, including its odd one out, version 32.
    static func alignmentCentres(version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        var centres = [6]
        for index in (0..<(count - 1)).reversed() { centres.append(size(version: version) - 7 - index * step) }
        return centres
    }
}
