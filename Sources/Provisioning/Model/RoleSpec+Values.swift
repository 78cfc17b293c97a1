import IAMClient

extension RoleSpec {
    /// A tag of the spec, by the spec's name: the screens build a spec's
    /// tags without naming IAMClient. It is the very value IAM is sent, so
    /// nothing is copied between the spec and the calls (issue 15 leaves
    /// giving the spec a type of its own for later).
    public typealias Tag = IAMClient.Tag

    /// An inline policy of the spec, by the spec's name, for the same reason.
    public typealias InlinePolicy = IAMClient.InlinePolicy
}
