/// A setting that cannot work (an endpoint, a region, a number), found before
/// any connection is made. The message names the setting and where it came from.
public struct ClientConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A whole sentence naming the setting, its origin and what would work.
    public var message: String
    /// `message` should be a full sentence: it is shown as it is.
    public init(_ message: String) { self.message = message }
    /// The message itself, as people see it.
    public var description: String { message }
}
