/// Who may assume a role, as the IAM console's "Select trusted entity" step
/// offers it. Each kind yields a trust policy (`policyDocument(partition:accountId:)`).
public enum TrustedEntity: Sendable, Hashable {
    /// AWS services such as `sagemaker.amazonaws.com` (sts:AssumeRole).
    case awsServices(ServiceTrust)
    /// An AWS account: this one or another (sts:AssumeRole).
    case awsAccount(AccountTrust)
    /// Users signed in with an OpenID Connect provider (sts:AssumeRoleWithWebIdentity).
    case webIdentity(WebIdentityTrust)
    /// Users federated by a SAML 2.0 identity provider (sts:AssumeRoleWithSAML).
    case saml(SAMLTrust)
    /// A trust policy written by hand, as JSON text.
    case customPolicy(String)

    /// Shorthand for services with no source-account restriction.
    public static func services(_ principals: [String]) -> TrustedEntity {
        .awsServices(ServiceTrust(services: principals))
    }
}

/// An account named in a trust: the one the role lives in, or another by ID.
public enum AccountReference: Sendable, Hashable {
    /// The account the role is created in (known only at resolve time).
    case current
    case id(String)

    /// The 12-digit ID, or nil for `.current` when no account is known.
    func resolved(_ currentAccountId: String?) -> String? {
        switch self {
        case .current: currentAccountId
        case .id(let id): id
        }
    }

    /// True for exactly twelve ASCII digits.
    static func isAccountId(_ text: String) -> Bool {
        text.count == 12 && text.allSatisfy(\.isASCIIDigit)
    }
}

public struct ServiceTrust: Sendable, Hashable {
    /// Service principals, for example `lambda.amazonaws.com`.
    public var services: [String]
    /// When set, adds `aws:SourceAccount` so a service acting for another
    /// account cannot be tricked into using this role (the confused deputy).
    public var sourceAccount: AccountReference?

    public init(services: [String], sourceAccount: AccountReference? = nil) {
        self.services = services
        self.sourceAccount = sourceAccount
    }
}

public struct AccountTrust: Sendable, Hashable {
    public var account: AccountReference
    /// Adds an `sts:ExternalId` condition: the secret-less handshake third parties use.
    public var externalId: String?
    /// Adds `aws:MultiFactorAuthPresent`: only sessions signed in with MFA may assume the role.
    public var requireMFA: Bool

    public init(account: AccountReference, externalId: String? = nil, requireMFA: Bool = false) {
        self.account = account
        self.externalId = externalId
        self.requireMFA = requireMFA
    }
}

public struct WebIdentityTrust: Sendable, Hashable {
    /// `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`,
    /// `cognito-identity.amazonaws.com`, an OIDC provider's host
    /// (`token.actions.githubusercontent.com`), or its IAM ARN.
    public var provider: String
    /// The audience (client or app ID, or a Cognito identity pool ID) the token must carry.
    public var audience: String
    /// For GitHub's provider: the organisation, repository and branch whose
    /// workflows may assume the role (a `:sub` condition).
    public var gitHub: GitHubSubject?
    /// For Cognito identity pools: signed-in or guest identities (an `:amr` condition).
    public var cognitoIdentities: CognitoIdentities?

    public init(provider: String, audience: String, gitHub: GitHubSubject? = nil, cognitoIdentities: CognitoIdentities? = nil) {
        self.provider = provider
        self.audience = audience
        self.gitHub = gitHub
        self.cognitoIdentities = cognitoIdentities
    }

    /// GitHub Actions' trust as the console writes it: provider, `sts.amazonaws.com` audience, subject.
    public static func gitHubActions(_ subject: GitHubSubject) -> WebIdentityTrust {
        WebIdentityTrust(provider: GitHubSubject.providerHost, audience: GitHubSubject.defaultAudience, gitHub: subject)
    }
}

public struct SAMLTrust: Sendable, Hashable {
    /// The SAML provider's ARN, or its name in this account.
    public var provider: String
    /// The `SAML:aud` value; the console sign-in endpoint unless the provider says otherwise.
    public var audience: String

    public static let consoleSignInAudience = "https://signin.aws.amazon.com/saml"

    public init(provider: String, audience: String = SAMLTrust.consoleSignInAudience) {
        self.provider = provider
        self.audience = audience
    }
}
