/// A setting that cannot work (an endpoint, a region, a number), found before
/// any connection is made. The message names the setting and where it came from.
public struct ClientConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
