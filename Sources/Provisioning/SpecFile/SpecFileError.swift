/// Why a spec file could not be read: the field, and the line:column when known.
public struct SpecFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field as the schema names it (`trust.services[1]`), when the error is about one.
    public var field: String?
    /// What is wrong, in words, without the field or position.
    public var message: String
    /// Line and column in the file, when the error is about a place in it.
    public var position: SourcePosition?

    /// `field` nil for an error about the text as a whole (a syntax error), `position` nil when the parser gave none.
    public init(field: String?, message: String, position: SourcePosition?) {
        self.field = field
        self.message = message
        self.position = position
    }

    /// `4:13: trust.services[1]: must be a string, found a mapping`.
    public var description: String {
        [position?.description, field, message].compactMap { $0 }.joined(separator: ": ")
    }
}
