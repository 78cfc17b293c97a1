/// A place in a text: 1-based line and column, columns counted in Unicode
/// scalars (the way Yams' marks count them), so JSON and YAML positions agree.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a text.
    public static let start = SourcePosition(line: 1, column: 1)

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// Moves past `scalar`. `next` is the scalar after it: a CR LF pair is
    /// one line break, and so is a lone CR.
    mutating func advance(past scalar: Unicode.Scalar, followedBy next: Unicode.Scalar?) {
        if scalar == "\n" || (scalar == "\r" && next != "\n") {
            line += 1
            column = 1
        } else if scalar != "\r" {
            column += 1
        }
    }
}
