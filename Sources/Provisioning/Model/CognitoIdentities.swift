/// Which identities of an Amazon Cognito identity pool may assume a role:
/// the console's "Authenticated" / "Unauthenticated" (guest) choice. Without
/// it a role meant for signed-in users would also serve guests of the pool.
///
/// The console writes it as `ForAnyValue:StringLike` on
/// `cognito-identity.amazonaws.com:amr` (the token's authentication methods
/// reference is a list, whose members include `authenticated` or
/// `unauthenticated`), beside `StringEquals` on `:aud`, the identity pool ID.
public enum CognitoIdentities: String, Sendable, Hashable, CaseIterable {
    case authenticated
    case unauthenticated

    /// Cognito's identity-pool provider, the only one with this claim.
    public static let providerHost = "cognito-identity.amazonaws.com"
    /// The operator the console uses: `amr` is multi-valued.
    static let conditionOperator = "ForAnyValue:StringLike"
    static let conditionKey = providerHost + ":amr"
}
