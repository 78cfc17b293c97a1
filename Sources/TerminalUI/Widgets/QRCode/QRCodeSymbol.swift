/// The module grid of a QR symbol while it is built: function patterns
/// (6.3), format and version information (7.9, 7.10) and the codewords in
/// their zig-zag placement (7.7.3). Masking leaves function modules alone,
/// so the grid remembers which modules are function modules.
struct QRSymbol: Sendable {
    let version: Int
    let size: Int
    private var modules: [Bool]
    private var isFunction: [Bool]

    /// The symbol with `codewords` placed and no mask or format information yet
    /// (their modules are reserved).
    init(version: Int, codewords: [UInt8]) {
        self.version = version
        size = QRLayout.size(version: version)
        modules = Array(repeating: false, count: size * size)
        isFunction = modules
        drawFunctionPatterns()
        drawInformation(format: 0, versionBits: 0, darkModule: false)
        place(codewords)
    }

    subscript(x: Int, y: Int) -> Bool {
        get { modules[y * size + x] }
        set { modules[y * size + x] = newValue }
    }

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        self[x, y] = dark
        isFunction[y * size + x] = true
    }

    // MARK: Function patterns

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)  // timing (6.3.5)
            setFunction(i, 6, i % 2 == 0)
        }
        // Finder patterns with their separators (6.3.3, 6.3.4): rings at distance 0, 1 and 3 from the centre are dark.
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(cx + dx) && (0..<size).contains(cy + dy) {
                    let ring = max(abs(dx), abs(dy))
                    setFunction(cx + dx, cy + dy, ring != 2 && ring != 4)
                }
            }
        }
        // Alignment patterns (6.3.6), except where they would overlap a finder pattern.
        let centres = QRLayout.alignmentCentres(version: version)
        for (i, cx) in centres.enumerated() {
            for (j, cy) in centres.enumerated() {
                let last = centres.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 { setFunction(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
    }

    // MARK: Format and version information

    /// The 15 format bits: level and mask, BCH(15,5) with generator 0x537,
    /// XORed with 0x5412 (7.9.1, Annex C).
    static func formatBits(errorCorrection: QRCode.ErrorCorrection, mask: Int) -> Int {
        let data = errorCorrection.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18 version bits for versions ≥ 7: BCH(18,6) with generator 0x1F25 (7.10, Annex D).
    static func versionBits(version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder
    }

    /// Writes both copies of the format bits, the version bits (versions ≥ 7)
    /// and the dark module beside the lower-left finder (Figure 25).
    mutating func drawInformation(format: Int, versionBits: Int, darkModule: Bool) {
        func bit(_ value: Int, _ index: Int) -> Bool { (value >> index) & 1 == 1 }
        for i in 0..<6 { setFunction(8, i, bit(format, i)) }
        setFunction(8, 7, bit(format, 6))
        setFunction(8, 8, bit(format, 7))
        setFunction(7, 8, bit(format, 8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(format, i)) }
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(format, i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(format, i)) }
        setFunction(8, size - 8, darkModule)
        guard version >= 7 else { return }
        for i in 0..<18 {
            let a = size - 11 + i % 3, b = i / 3
            setFunction(a, b, bit(versionBits, i))
            setFunction(b, a, bit(versionBits, i))
        }
    }

    // MARK: Data

    /// Places codewords most significant bit first in two-module columns from
    /// the right, upwards then downwards, skipping function modules and the
    /// vertical timing column; leftover remainder bits stay light (7.7.3).
    private mutating func place(_ codewords: [UInt8]) {
        var index = 0
        let total = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in stride(from: right, to: right - 2, by: -1) where !isFunction[y * size + x] && index < total {
                    self[x, y] = (codewords[index / 8] >> (7 - index % 8)) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// Mask `mask`'s condition (Table 10) at column `x`, row `y`: true inverts the module.
    static func maskCondition(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// The finished symbol: the data modules masked and the format (and
    /// version) information for this mask drawn.
    func masked(_ mask: Int, errorCorrection: QRCode.ErrorCorrection) -> QRSymbol {
        var result = self
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && Self.maskCondition(mask, x: x, y: y) {
                result[x, y].toggle()
            }
        }
        result.drawInformation(format: Self.formatBits(errorCorrection: errorCorrection, mask: mask),
                               versionBits: version >= 7 ? Self.versionBits(version: version) : 0, darkModule: true)
        return result
    }
}
