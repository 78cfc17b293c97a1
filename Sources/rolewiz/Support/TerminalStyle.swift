import Foundation
import SafeText

/// ANSI colours for human output, used only when the output is a terminal
/// and neither --no-color nor NO_COLOR (https://no-color.org) asks for none.
///
/// Styles are not written as escape sequences here: `paint` marks the text
/// with a token only this process knows, and `render` (called by `Console`
/// on everything it writes) turns the tokens into colours and escapes every
/// other control character. So a colour can come only from rolewiz, never
/// from a description or an error message a server sent.
struct TerminalStyle: Sendable {
    let enabled: Bool

    static let plain = TerminalStyle(enabled: false)

    /// The style for a file descriptor (1 for standard output, 2 for standard error).
    static func forDescriptor(_ descriptor: Int32, noColor: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let noColorSet = !(environment["NO_COLOR"] ?? "").isEmpty
        return TerminalStyle(enabled: !noColor && !noColorSet && isatty(descriptor) == 1 && environment["TERM"] != "dumb")
    }

    func green(_ text: String) -> String { paint(text, "32") }
    func red(_ text: String) -> String { paint(text, "31") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    /// A line coloured by its change marker: `+` green, `-` red, `~` yellow, `!` bold red.
    func marked(_ marker: Character, _ text: String) -> String {
        switch marker {
        case "+": green(text)
        case "-": red(text)
        case "~": yellow(text)
        case "!": bold(red(text))
        default: text
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        enabled ? Self.marker(code) + text + Self.marker("0") : text
    }

    // MARK: Rendering

    /// Opens a style marker: a noncharacter, which `InertText` escapes when it
    /// comes from anywhere else, then this run's random token.
    /// (Swift string literals may not hold noncharacters, hence the scalars.)
    private static let openingScalar = Unicode.Scalar(0xFDD0)!
    private static let opening = String(openingScalar) + UUID().uuidString.replacingOccurrences(of: "-", with: "")
    private static let closing = Character(Unicode.Scalar(0xFDD1)!)

    private static func marker(_ code: String) -> String { opening + code + String(closing) }

    /// `text` for a terminal: this process's style markers become SGR
    /// sequences; everything else that could act on a terminal is escaped.
    static func render(_ text: String) -> String {
        guard text.unicodeScalars.contains(openingScalar) else { return InertText.lines(text) }
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: opening) {
            output += InertText.lines(rest[..<start.lowerBound])
            let afterToken = rest[start.upperBound...]
            guard let end = afterToken.firstIndex(of: closing),
                  case let code = afterToken[..<end], !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ";") })
            else {
                output += InertText.lines(rest[start.lowerBound..<start.upperBound])
                rest = afterToken
                continue
            }
            output += "\u{1B}[\(code)m"
            rest = afterToken[afterToken.index(after: end)...]
        }
        return output + InertText.lines(rest)
    }
}
