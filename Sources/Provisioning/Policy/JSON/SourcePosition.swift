/// A place in a text: 1-based line and column, columns counted in Unicode
/// scalars (the way Yams' marks count them), so JSON and YAML positions agree.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line; LF, CR LF and a lone CR each start the next one.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// Both 1-based, as editors number them.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a text.
    public static let start = SourcePosition(line: 1, column: 1)

    /// `line:column`, the form editors and compilers print.
    public var description: String { "\(line):\(column)" }

    /// Earlier in the text is smaller: by line, then by column.
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
