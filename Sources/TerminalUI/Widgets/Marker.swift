/// A problem to point at in a `TextEditor`, supplied from outside (a
/// linter): 1-based line and column (columns count characters).
public struct Marker: Hashable, Sendable {
    /// How serious the problem is, ordered `info < warning < error` so the worst on a line can be shown.
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

    /// 1-based line of the text.
    public var line: Int
    /// 1-based column, counting characters (not bytes or cells).
    public var column: Int
    /// Decides the gutter letter and the highlight style.
    public var severity: Severity
    /// What is wrong, shown on the editor's status row when the cursor is on the marker's line.
    public var message: String

    /// A marker at `line`:`column` (both 1-based).
    public init(line: Int, column: Int, severity: Severity, message: String) {
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `E 3:14 message`
    public var summary: String { "\(severity.letter) \(line):\(column) \(message)" }
}
