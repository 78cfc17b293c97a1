/// A problem to point at in a `TextEditor`, supplied from outside (a
/// linter): 1-based line and column (columns count characters).
public struct Marker: Hashable, Sendable {
    public enum Severity: Hashable, Sendable, Comparable {
        case info, warning, error

        /// The gutter mark, so severity never relies on colour.
        public var letter: Character {
            switch self {
            case .error: "E"
            case .warning: "W"
            case .info: "i"
            }
        }
    }

    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(line: Int, column: Int, severity: Severity, message: String) {
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `E 3:14 message`
    public var summary: String { "\(severity.letter) \(line):\(column) \(message)" }
}
