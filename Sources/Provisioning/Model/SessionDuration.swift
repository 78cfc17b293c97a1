/// A role's maximum session duration as people write it: seconds as IAM
/// counts them (`3600`, `3600s`) or hours and minutes as the console shows
/// them (`12h`, `90m`, `1h30m`). Shared by the flags and the wizard.
public enum SessionDuration {
    /// Why the text is not a duration, for the flag's or the field's message.
    public struct Unreadable: Error, CustomStringConvertible {
        /// The text as given, quoted back in the message.
        public let text: String
        /// What was given and what forms are accepted, for the flag's or field's error.
        public var description: String {
            "\"\(text)\": expected seconds (3600) or hours and minutes (12h, 90m, 1h30m), from 1 to 12 hours"
        }
    }

    /// The seconds that `text` means; the range is checked by the spec's validation.
    public static func seconds(from text: String) throws(Unreadable) -> Int {
        let lowered = text.lowercased()
        guard !lowered.isEmpty, lowered.count <= 16 else { throw Unreadable(text: text) }
        if lowered.allSatisfy(\.isASCIIDigit) || (lowered.dropLast().allSatisfy(\.isASCIIDigit) && lowered.last == "s" && lowered.count > 1) {
            guard let seconds = Int(lowered.hasSuffix("s") ? String(lowered.dropLast()) : lowered) else { throw Unreadable(text: text) }
            return seconds
        }
        var total = 0, digits = "", units: [Character] = []
        for character in lowered {
            if character.isASCIIDigit {
                digits.append(character)
                continue
            }
            // Hours then minutes, each once, each after a number.
            guard let value = Int(digits), let unit = ["h": 3600, "m": 60][character],
                  !units.contains(character), !(character == "h" && units.contains("m"))
            else { throw Unreadable(text: text) }
            total += value * unit
            units.append(character)
            digits = ""
        }
        guard digits.isEmpty, !units.isEmpty else { throw Unreadable(text: text) }
        return total
    }

    /// The console's way of showing a duration: `1h`, `12h`, `1h30m`, `45m`.
    public static func text(forSeconds seconds: Int) -> String {
        let hours = seconds / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        if rest != 0 { return "\(seconds)s" }
        switch (hours, minutes) {
        case (0, _): return "\(minutes)m"
        case (_, 0): return "\(hours)h"
        default: return "\(hours)h\(minutes)m"
        }
    }
}
