import Provisioning
import TerminalUI

/// The fields of a web identity or SAML trust on the trusted-entity step:
/// the provider and audience, and for GitHub's provider the organisation
/// (required), repository and branch, as the console asks, each checked
/// against GitHub's rules as typed.
enum FederationFields {
    /// Providers whose tokens carry claims the console asks about.
    enum Family {
        case gitHub, cognito, other

        /// The family of the provider the answers name (only web identity has claims).
        init(_ model: WizardModel) {
            guard model.entityKind == .webIdentity else {
                self = .other
                return
            }
            switch WebIdentityTrust(provider: model.federationProvider, audience: "").providerHost {
            case GitHubSubject.providerHost: self = .gitHub
            case CognitoIdentities.providerHost: self = .cognito
            default: self = .other
            }
        }
    }

    /// The fields for the model's kind and provider, filled from it.
    static func make(for model: WizardModel) -> [TextField] {
        let saml = model.entityKind == .saml
        let family = Family(model)
        var fields = [
            TextField(label: saml ? "SAML provider" : "Identity provider", text: model.federationProvider,
                      placeholder: saml ? "name or ARN (F2 lists the account's)" : "host or ARN (F2 lists them)",
                      validator: { $0.isEmpty ? "The provider is required" : nil }),
            TextField(label: family == .cognito ? "Identity pool ID" : "Audience", text: model.federationAudience,
                      placeholder: saml ? "console sign-in" : family == .gitHub ? GitHubSubject.defaultAudience : "client ID",
                      validator: { text in !saml && family != .gitHub && text.isEmpty ? "The audience is required" : nil }),
        ]
        if family == .gitHub {
            fields += [
                TextField(label: "GitHub organization", text: model.gitHubOrganization, placeholder: "required",
                          validator: GitHubSubject.organizationProblem),
                TextField(label: "GitHub repository", text: model.gitHubRepository, placeholder: "blank: every repository",
                          validator: { $0.isEmpty ? nil : GitHubSubject.repositoryProblem($0) }),
                TextField(label: "GitHub branch", text: model.gitHubBranch, placeholder: "blank: every branch",
                          validator: { $0.isEmpty ? nil : GitHubSubject.branchProblem($0) }),
            ]
        }
        return fields
    }

    /// Copies what `make` built for `family` back into the model.
    static func copy(_ fields: [TextField], builtFor family: Family, into model: WizardModel) {
        model.federationProvider = fields[0].text
        model.federationAudience = fields[1].text
        guard family == .gitHub else { return }
        model.gitHubOrganization = fields[2].text
        model.gitHubRepository = fields[3].text
        model.gitHubBranch = fields[4].text
    }

    /// F4 on Cognito: authenticated, unauthenticated, then any (no condition), and round again.
    static func nextIdentities(after current: CognitoIdentities?) -> CognitoIdentities? {
        switch current {
        case .authenticated?: .unauthenticated
        case .unauthenticated?: nil
        case nil: .authenticated
        }
    }
}
