import Foundation

/// ANSI colours for human output, used only when the output is a terminal
/// and neither --no-color nor NO_COLOR (https://no-color.org) asks for none.
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
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
