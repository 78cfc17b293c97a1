/// A QR code (ISO/IEC 18004:2015, Model 2) of some bytes, encoded in byte
/// mode at the smallest version that holds them: a sign-in URL shown in the
/// terminal for someone to scan with a phone, with no QR library to depend on.
///
/// Only byte mode is written (no numeric, alphanumeric or kanji segments and
/// no ECI): readers take it as UTF-8 or ISO 8859-1, which is right for URLs.
public struct QRCode: Sendable {
    /// How much of the symbol may be damaged and still read: about 7%, 15%,
    /// 25% and 30% of the codewords. Higher levels make a bigger symbol.
    public enum ErrorCorrection: Sendable, Hashable, CaseIterable {
        case low, medium, quartile, high

        /// Its column in the block table (L, M, Q, H).
        var tableColumn: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }

        /// Its two bits in the format information (Table 12: L 01, M 00, Q 11, H 10).
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    /// Why a code could not be made.
    public enum EncodingError: Error, Equatable, CustomStringConvertible {
        /// Even version 40 cannot hold this many bytes at this level.
        case tooLong(bytes: Int, limit: Int, errorCorrection: ErrorCorrection)
        /// Masks are numbered 0–7.
        case invalidMask(Int)

        /// Names the limit that was passed, in words fit to show.
        public var description: String {
            switch self {
            case .tooLong(let bytes, let limit, let level):
                "\(bytes) bytes do not fit in a QR code: at most \(limit) at error correction \(level)."
            case .invalidMask(let mask):
                "QR mask \(mask) does not exist: masks are 0 to 7."
            }
        }
    }

    /// 1–40; the symbol is 17 + 4 × version modules wide.
    public let version: Int
    /// The level the code was made at, as asked (the version grew to fit it).
    public let errorCorrection: ErrorCorrection
    /// The data mask 0–7 (chosen by the penalty rules unless given).
    public let mask: Int
    /// Modules per side, without the quiet zone.
    public var size: Int { symbol.size }
    private let symbol: QRSymbol

    /// Encodes `bytes`. With `mask` nil the mask with the lowest penalty
    /// (ISO/IEC 18004:2015 7.8.3) is chosen, the one with the fewest
    /// patterns that trouble a reader; a fixed mask is for tests and comparisons.
    public init(bytes: [UInt8], errorCorrection: ErrorCorrection = .medium, mask: Int? = nil) throws {
        if let mask, !(0..<8).contains(mask) { throw EncodingError.invalidMask(mask) }
        guard let version = Self.version(forByteCount: bytes.count, errorCorrection) else {
            throw EncodingError.tooLong(bytes: bytes.count, limit: QRBlockLayout.of(version: 40, errorCorrection).byteCapacity,
                                        errorCorrection: errorCorrection)
        }
        let layout = QRBlockLayout.of(version: version, errorCorrection)
        let unmasked = QRSymbol(version: version, codewords: Self.codewords(for: bytes, layout: layout))
        let chosen = mask ?? QRPenalty.bestMask(for: unmasked, errorCorrection: errorCorrection)
        self.version = version
        self.errorCorrection = errorCorrection
        self.mask = chosen
        self.symbol = unmasked.masked(chosen, errorCorrection: errorCorrection)
    }

    /// Encodes the UTF-8 bytes of `text`.
    public init(text: String, errorCorrection: ErrorCorrection = .medium, mask: Int? = nil) throws {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection, mask: mask)
    }

    /// True when the module at column `x`, row `y` (0..<size, top left) is dark.
    public subscript(x: Int, y: Int) -> Bool { symbol[x, y] }

    /// The smallest version whose byte mode holds `count` bytes, nil when none does.
    static func version(forByteCount count: Int, _ errorCorrection: ErrorCorrection) -> Int? {
        (1...40).first { QRBlockLayout.of(version: $0, errorCorrection).byteCapacity >= count }
    }

    // MARK: Codewords

    /// The final codeword sequence (7.4 to 7.6): the byte-mode bit stream
    /// padded to the version's data capacity, split into blocks, each
    /// followed by its Reed–Solomon codewords, then interleaved.
    static func codewords(for bytes: [UInt8], layout: QRBlockLayout) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: QRLayout.countBits(version: layout.version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = layout.dataCodewords * 8
        bits.append(0, count: min(4, capacity - bits.count))  // terminator
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        for index in 0..<(layout.dataCodewords - data.count) { data.append(index % 2 == 0 ? 0xEC : 0x11) }

        let encoder = ReedSolomon(degree: layout.ecPerBlock)
        var blocks: [[UInt8]] = []
        var start = 0
        for index in 0..<layout.blockCount {
            let length = index < layout.shortBlocks ? layout.shortBlockData : layout.longBlockData
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let ec = blocks.map(encoder.remainder)
        var result: [UInt8] = []
        result.reserveCapacity(layout.totalCodewords)
        for column in 0..<(blocks.map(\.count).max() ?? 0) {
            for block in blocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<layout.ecPerBlock {
            for block in ec { result.append(block[column]) }
        }
        return result
    }
}

/// Bits appended most significant first, read back as bytes.
private struct BitBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    mutating func append(_ value: Int, count length: Int) {
        for shift in stride(from: length - 1, through: 0, by: -1) {
            if count % 8 == 0 { bytes.append(0) }
            if (value >> shift) & 1 == 1 { bytes[count / 8] |= 0x80 >> (count % 8) }
            count += 1
        }
    }
}
