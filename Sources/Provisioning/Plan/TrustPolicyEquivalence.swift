/// Decides whether two trust policies mean the same thing, so that a plan
/// does not report a change IAM would not see. The one place the planner
/// asks; the meaning lives in `PolicyDocument.isEquivalent(to:)`.
func trustPoliciesAreEquivalent(_ lhs: String, _ rhs: String) -> Bool {
    PolicyDocument.trustEquivalent(lhs, rhs)
}

/// The same for an inline policy's document as IAM holds it and as the spec has it.
func inlinePoliciesAreEquivalent(_ lhs: String, _ rhs: String) -> Bool {
    PolicyDocument.trustEquivalent(lhs, rhs)
}
