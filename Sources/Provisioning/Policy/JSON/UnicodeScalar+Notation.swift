extension Unicode.Scalar {
    /// `U+00E9`: how messages name a character that may be invisible.
    var codePointNotation: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
