/// Arithmetic in GF(2^8) with the QR code's field polynomial
/// x^8 + x^4 + x^3 + x^2 + 1 (0x11D, ISO/IEC 18004:2015 7.5.2), by log and
/// antilog tables built once.
enum GF256 {
    /// exp[i] = α^i for i in 0..<510, doubled so log sums need no modulo.
    private static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// log[α^i] = i (log[0] is unused).
    private static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 { table[Int(exp[power])] = power }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0, b != 0 else { return 0 }
        return exp[log[Int(a)] + log[Int(b)]]
    }

    /// α^power for power in 0..<255.
    static func power(_ power: Int) -> UInt8 { exp[power] }
}

/// Reed–Solomon error correction codewords (ISO/IEC 18004:2015 7.5.2):
/// the remainder of data(x)·x^n divided by the generator ∏(x − α^i), i < n.
struct ReedSolomon: Sendable {
    /// Generator coefficients after the leading 1, highest degree first.
    private let generator: [UInt8]

    init(degree: Int) {
        var coefficients: [UInt8] = [1]
        for i in 0..<degree {
            // Multiply by (x + α^i); subtraction is addition in GF(2^8).
            var next = [UInt8](repeating: 0, count: coefficients.count + 1)
            for (j, c) in coefficients.enumerated() {
                next[j] ^= c
                next[j + 1] ^= GF256.multiply(c, GF256.power(i))
            }
            coefficients = next
        }
        generator = Array(coefficients.dropFirst())
    }

    /// The EC codewords for one block of data codewords.
    func remainder(of data: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            for (i, g) in generator.enumerated() { result[i] ^= GF256.multiply(g, factor) }
        }
        return result
    }
}
