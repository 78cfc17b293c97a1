/// Why a spec file could not be read: the field, and the line:column when known.
public struct SpecFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field as the schema names it (`trust.services[1]`), when the error is about one.
    public var field: String?
    public var message: String
    public var position: SourcePosition?

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
