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

/// Trust for AWS services: each principal may call sts:AssumeRole, optionally only on behalf of one account.
public struct ServiceTrust: Sendable, Hashable {
    /// Service principals, for example `lambda.amazonaws.com`.
    public var services: [String]
    /// When set, adds `aws:SourceAccount` so a service acting for another
    /// account cannot be tricked into using this role (the confused deputy).
    public var sourceAccount: AccountReference?

    /// `sourceAccount` nil adds no condition, as the console does by default.
    public init(services: [String], sourceAccount: AccountReference? = nil) {
        self.services = services
        self.sourceAccount = sourceAccount
    }
}

/// Trust for an AWS account's principals (its root, so the account's own IAM policies decide who), with the
/// console's optional external ID and MFA conditions.
public struct AccountTrust: Sendable, Hashable {
    /// The account trusted: this one, or another by its 12-digit ID.
    public var account: AccountReference
    /// Adds an `sts:ExternalId` condition: the secret-less handshake third parties use.
    public var externalId: String?
    /// Adds `aws:MultiFactorAuthPresent`: only sessions signed in with MFA may assume the role.
    public var requireMFA: Bool

    /// No external ID and no MFA condition unless asked for.
    public init(account: AccountReference, externalId: String? = nil, requireMFA: Bool = false) {
        self.account = account
        self.externalId = externalId
        self.requireMFA = requireMFA
    }
}

/// Trust for tokens of an OpenID Connect provider (sts:AssumeRoleWithWebIdentity), narrowed by audience and,
/// for GitHub and Cognito, by subject or identity kind.
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

    /// Pass `gitHub` only for GitHub's provider and `cognitoIdentities` only for Cognito; `gitHubActions(_:)`
    /// fills in GitHub's usual values.
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

/// Trust for users a SAML 2.0 identity provider signs in (sts:AssumeRoleWithSAML).
public struct SAMLTrust: Sendable, Hashable {
    /// The SAML provider's ARN, or its name in this account.
    public var provider: String
    /// The `SAML:aud` value; the console sign-in endpoint unless the provider says otherwise.
    public var audience: String

    /// The audience of sign-in to the AWS console, which the console's SAML trust uses.
    public static let consoleSignInAudience = "https://signin.aws.amazon.com/saml"

    /// The audience defaults to console sign-in; give another when the provider's assertions name a different one.
    public init(provider: String, audience: String = SAMLTrust.consoleSignInAudience) {
        self.provider = provider
        self.audience = audience
    }
}
