/// Where each element of a parsed policy was written. Paths are normalized:
/// statements are always indexed (`Statement[0]`) and so are list values
/// (`Action[0]`), whichever form the author used, so lint can ask for
/// `Statement[0].Principal.Service[1]` without knowing the form.
public struct PolicySourceMap: Sendable, Hashable {
    /// The position of each element by its normalized path; ask `position(of:)` rather than reading it directly.
    public var positions: [JSONPath: SourcePosition]

    /// Empty by default: a document built in code has no source.
    public init(positions: [JSONPath: SourcePosition] = [:]) {
        self.positions = positions
    }

    /// The position of `path`, or of its nearest recorded ancestor.
    public func position(of path: JSONPath) -> SourcePosition? {
        path.selfAndAncestors.lazy.compactMap { positions[$0] }.first
    }
}

/// A policy document with the positions of its elements in the source text.
public struct ParsedPolicy: Sendable {
    /// The typed document.
    public var document: PolicyDocument
    /// Where each of the document's elements was written.
    public var sourceMap: PolicySourceMap
    /// The JSON as written, for checks that must see what the typed model
    /// smooths over (an absent `Statement` versus an empty one).
    public var json: JSONValue
}
