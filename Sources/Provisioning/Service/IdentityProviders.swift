/// The identity providers an account has: what a web identity or SAML
/// trust can name and work, since STS refuses tokens and assertions of a
/// provider IAM does not know.
public struct IdentityProviders: Sendable, Hashable {
    /// OIDC provider ARNs (`arn:aws:iam::ACCOUNT:oidc-provider/HOST`).
    public var openIDConnect: [String]
    /// SAML provider ARNs (`arn:aws:iam::ACCOUNT:saml-provider/NAME`).
    public var saml: [String]

    /// Empty lists mean the account has no provider of that kind.
    public init(openIDConnect: [String] = [], saml: [String] = []) {
        self.openIDConnect = openIDConnect
        self.saml = saml
    }

    /// True when the account has the provider at `arn`, of either kind.
    public func contains(arn: String) -> Bool {
        openIDConnect.contains(arn) || saml.contains(arn)
    }

    /// The host an OIDC provider ARN names (`token.actions.githubusercontent.com`), or nil.
    public static func host(ofOpenIDConnectARN arn: String) -> String? {
        arn.range(of: ":oidc-provider/").map { String(arn[$0.upperBound...]) }
    }

    /// The name a SAML provider ARN ends with (`Okta`), or nil.
    public static func name(ofSAMLARN arn: String) -> String? {
        arn.range(of: ":saml-provider/").map { String(arn[$0.upperBound...]) }
    }
}
