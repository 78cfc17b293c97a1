/// Seeded, reproducible inputs for property tests: a failure prints its seed
/// and case number, and the same seed gives the same cases on every machine.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: tiny, fast, and good enough to spread test cases.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Inputs built from a valid sample by small edits, the way real bad input
/// looks (a lost quote, a cut-off file, a pasted character), plus wholly random text.
public enum PropertyInputs {
    /// Characters that matter to JSON, XML, YAML and form encoding, and a few
    /// that are hard on decoders: combining marks, emoji, NUL, a lone high code point.
    public static let interesting: [Character] = [
        "{", "}", "[", "]", "\"", ":", ",", "\\", "/", "<", ">", "&", ";", "=", "+", "%", "#", "?", "-", " ",
        "\n", "\t", "\r", "'", "*", "!", "0", "9", "e", "E", ".", "a", "Z", "\u{0}", "\u{7F}", "é", "\u{301}",
        "\u{1F600}", "\u{FEFF}", "\u{10FFFF}", "ß", "日",
    ]

    /// Up to `edits` random edits of `sample`: insert, delete, replace, duplicate a slice, or cut the end off.
    public static func mutate(_ sample: String, edits: Int, using random: inout SeededRandom) -> String {
        var characters = Array(sample)
        for _ in 0..<Int.random(in: 1...max(1, edits), using: &random) {
            let index = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: characters.insert(interesting.randomElement(using: &random)!, at: index)
            case 1: if !characters.isEmpty { characters.remove(at: index) }
            case 2: if !characters.isEmpty { characters[index] = interesting.randomElement(using: &random)! }
            case 3:
                let end = min(characters.count, index + Int.random(in: 1...8, using: &random))
                characters.insert(contentsOf: characters[index..<end], at: index)
            default: characters = Array(characters.prefix(index))
            }
        }
        return String(characters)
    }

    /// Random text of up to `maxLength` characters, mostly from `interesting`.
    public static func text(maxLength: Int, using random: inout SeededRandom) -> String {
        let length = Int.random(in: 0...maxLength, using: &random)
        return String((0..<length).map { _ in
            if Int.random(in: 0..<4, using: &random) == 0 {
                return Character(Unicode.Scalar(UInt32.random(in: 0x20...0x2FFF, using: &random)) ?? "?")
            }
            return interesting.randomElement(using: &random)!
        })
    }

    /// `count` cases: edits of each sample in turn, and every fifth one random text.
    public static func cases(
        from samples: [String], count: Int, seed: UInt64, maxEdits: Int = 6
    ) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { index in
            index % 5 == 4
                ? text(maxLength: 200, using: &random)
                : mutate(samples[index % samples.count], edits: maxEdits, using: &random)
        }
    }
}
