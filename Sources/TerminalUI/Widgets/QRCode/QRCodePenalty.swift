/// The mask evaluation of ISO/IEC 18004:2015 7.8.3 (Table 11): each mask is
/// applied in turn, the finished symbol is scored by four rules and the
/// lowest score wins (the lowest-numbered mask on a tie).
enum QRPenalty {
    /// How a symbol is scored; the spec leaves both points open. `.standard`
    /// scores the symbol as it is shown, format and version information and
    /// the dark module included (a reader sees them too), and lets rule 3's
    /// light area run into the quiet zone, which is light: ZXing and Nayuki's
    /// encoder do both. `.pythonQRCode` is python-qrcode 8.0's reading, for
    /// the differential tests: format, version and dark modules all light
    /// while scoring (its `makeImpl(test=True)`), and rule 3 only inside the symbol.
    enum Convention: Sendable {
        case standard
        case pythonQRCode
    }

    static func bestMask(for symbol: QRSymbol, errorCorrection: QRCode.ErrorCorrection,
                         convention: Convention = .standard) -> Int {
        let scores = scores(for: symbol, errorCorrection: errorCorrection, convention: convention)
        return scores.indices.min { scores[$0] < scores[$1] } ?? 0
    }

    /// The score of each mask 0–7.
    static func scores(for symbol: QRSymbol, errorCorrection: QRCode.ErrorCorrection,
                       convention: Convention) -> [Int] {
        (0..<8).map { mask in
            var masked = symbol.masked(mask, errorCorrection: errorCorrection)
            if convention == .pythonQRCode { masked.drawInformation(format: 0, versionBits: 0, darkModule: false) }
            return score(masked, quietZone: convention == .standard)
        }
    }

    static func score(_ symbol: QRSymbol, quietZone: Bool) -> Int {
        let size = symbol.size
        var total = 0
        var dark = 0
        for y in 0..<size {
            let row = (0..<size).map { symbol[$0, y] }
            let column = (0..<size).map { symbol[y, $0] }
            total += runs(row) + runs(column) + finderLike(row, quietZone: quietZone) + finderLike(column, quietZone: quietZone)
            dark += row.filter { $0 }.count
            guard y + 1 < size else { continue }
            for x in 0..<(size - 1) {
                let colour = symbol[x, y]
                if symbol[x + 1, y] == colour && symbol[x, y + 1] == colour && symbol[x + 1, y + 1] == colour { total += 3 }
            }
        }
        // Rule 4: 10 points for each full 5% the dark share is away from 50%.
        let cells = size * size
        return total + 10 * (abs(dark * 20 - cells * 10) / cells)
    }

    /// Rule 1: a run of five or more modules of one colour scores 3, plus 1 per module beyond five.
    private static func runs(_ line: [Bool]) -> Int {
        var score = 0
        var length = 0
        for (index, module) in line.enumerated() {
            length = index > 0 && module == line[index - 1] ? length + 1 : 1
            let ends = index + 1 == line.count || line[index + 1] != module
            if ends && length >= 5 { score += length - 2 }
        }
        return score
    }

    /// Rule 3: 40 for each dark-light-dark-light-dark 1:1:3:1:1 pattern with
    /// four light modules on one side (10111010000 or 00001011101); with
    /// `quietZone`, the four light modules beyond each end count.
    private static func finderLike(_ line: [Bool], quietZone: Bool) -> Int {
        let padding = quietZone ? 4 : 0
        var window = 0  // the last 11 modules, the newest in bit 0
        var score = 0
        for index in 0..<(line.count + 2 * padding) {
            let position = index - padding
            let dark = line.indices.contains(position) && line[position]
            window = (window << 1 | (dark ? 1 : 0)) & 0x7FF
            if index >= 10 && (window == 0b101_1101_0000 || window == 0b000_0101_1101) { score += 40 }
        }
        return score
    }
}
