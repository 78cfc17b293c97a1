/// A policy embedded in one role, as specs, plans and `show` hold it:
/// Provisioning's own type, so the inline policy screens need no IAMClient
/// (issue 15); converted to and from the wire type in `Wire+Conversions.swift`.
public struct RoleInlinePolicy: Sendable, Hashable, Codable {
    /// Unique within the role.
    public var name: String
    /// The policy's JSON text, as written or as IAM returned it (decoded).
    public var document: String

    /// A policy for a spec, a plan or a test.
    public init(name: String, document: String) {
        self.name = name
        self.document = document
    }
}
