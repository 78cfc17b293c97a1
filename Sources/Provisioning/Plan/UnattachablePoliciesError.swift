/// Policies a plan would attach that IAM does not have: found before the
/// first write, so nothing is half made.
public struct UnattachablePoliciesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The policy and boundary ARNs IAM does not know, sorted.
    public var arns: [String]

    /// Thrown by `Planner`; tests build their own to check the message.
    public init(arns: [String]) {
        self.arns = arns
    }

    /// Names every missing policy and says nothing was changed, so the person fixes the names and runs again.
    public var description: String {
        let list = arns.joined(separator: ", ")
        return "\(arns.count == 1 ? "this policy does" : "these policies do") not exist, so the role cannot get "
            + "\(arns.count == 1 ? "it" : "them"): \(list). Nothing was changed; fix the policy names or ARNs and try again."
    }
}
