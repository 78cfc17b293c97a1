/// A tag on a role, as specs, plans and `show` hold it. Provisioning's own
/// type, so the screens read and build tags without IAMClient's wire types
/// (issue 15: the layers as declared); `Wire+Conversions.swift` converts at
/// the edge where IAM is called.
public struct RoleTag: Sendable, Hashable, Codable {
    /// Unique within one role.
    public var key: String
    /// May be empty: IAM allows a tag with no value.
    public var value: String

    /// A tag for a spec, a plan or a test.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
