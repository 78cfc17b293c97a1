import Foundation
import Provisioning

/// Everything the person has answered so far, shared by every screen of a
/// run, so going back (Esc) and forward never loses input. Screens read and
/// write it; `spec` turns it into the `RoleSpec` the service plans.
public final class WizardModel {
    /// The kinds of trusted entity, as the console's first step offers them.
    public enum EntityKind: Int, CaseIterable, Sendable {
        case awsService, awsAccount, webIdentity, saml, customPolicy

        /// The name the console gives the kind, shown on the step's menu.
        public var title: String {
            switch self {
            case .awsService: "AWS service"
            case .awsAccount: "AWS account"
            case .webIdentity: "Web identity"
            case .saml: "SAML 2.0 federation"
            case .customPolicy: "Custom trust policy"
            }
        }
    }

    /// Which kind of trust step 1 builds, and so which of the fields below count.
    public var entityKind: EntityKind = .awsService
    /// Service principals, in the order chosen.
    public var services: [String] = []
    /// Adds `aws:SourceAccount` for this account to a service trust.
    public var restrictToMyAccount = false
    /// Blank means this account.
    public var accountId = ""
    /// The `sts:ExternalId` the other account must pass; blank for none.
    public var externalId = ""
    /// Whether the other account's callers must have signed in with MFA.
    public var requireMFA = false
    /// The web identity provider (host or IAM ARN) or SAML provider (ARN or name).
    public var federationProvider = ""
    /// The audience the token must carry (a Cognito identity pool ID for Cognito);
    /// blank takes the provider's default where there is one.
    public var federationAudience = ""
    /// GitHub's provider: whose workflows may assume the role (the organisation is required).
    public var gitHubOrganization = ""
    /// Blank: every repository of the organisation.
    public var gitHubRepository = ""
    /// Blank: every branch.
    public var gitHubBranch = ""
    /// Cognito identity pools: signed-in or guest identities; nil for any
    /// (only for a role loaded without the condition, so editing it changes nothing).
    public var cognitoIdentities: CognitoIdentities? = .authenticated
    /// The trust policy as edited by hand; nil while it follows the entity answers.
    /// What the person typed wins: later answers are merged into it where
    /// they can be (`addService`/`removeService`), never thrown away.
    public var editedTrustPolicy: String?
    /// Step 1's answers changed in a way that cannot be merged into the
    /// hand-edited policy; step 3 says so and offers the generated one.
    public var trustAnswersDivergedFromEdit = false
    /// Managed policies to attach, full ARNs, in the order chosen.
    public var policyArns: [String] = []
    /// The role's name; the create flow checks it is not taken.
    public var roleName = ""
    /// Blank for no description.
    public var roleDescription = ""
    /// `key=value` pairs separated by commas, as typed.
    public var tagsText = ""
    /// The role's IAM path, `/` unless given.
    public var path = "/"
    /// Seconds, 3600 to 43200; nil leaves IAM's default of one hour.
    public var maxSessionDuration: Int?
    /// The permissions boundary, from the spec or the role being edited, as
    /// chosen on the details step.
    public var permissionsBoundary: PolicyReference?
    /// The inline policies, from the spec or the role being edited, as
    /// changed on the inline policies screen (`i` on step 2 and in `edit`).
    public var inlinePolicies: [RoleInlinePolicy] = []
    /// Whether a role EC2 may assume gets an instance profile of its own
    /// name, as the console makes one: on unless turned off (or loaded off).
    /// Means nothing for other roles, which never get one from the wizard.
    public var createsInstanceProfile = true
    /// The preset the answers started from, if any.
    public private(set) var presetId: String?

    /// Blank answers, as the console starts the create flow.
    public init() {}

    /// Answers pre-filled from `preset` (its services, policies, name, description).
    public convenience init(preset: RolePreset, partition: String = "aws") {
        self.init()
        presetId = preset.id
        load(preset.spec, partition: partition)
    }

    /// Takes every answer from `spec` (a preset, a spec file, an existing role).
    public func load(_ spec: RoleSpec, partition: String = "aws") {
        roleName = spec.name
        roleDescription = spec.description ?? ""
        path = spec.path
        maxSessionDuration = spec.maxSessionDuration
        permissionsBoundary = spec.permissionsBoundary
        inlinePolicies = spec.inlinePolicies
        createsInstanceProfile = spec.instanceProfile ?? true
        tagsText = spec.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        policyArns = spec.managedPolicies.map { $0.arn(partition: partition) }
        editedTrustPolicy = nil
        trustAnswersDivergedFromEdit = false
        switch spec.trust {
        case .awsServices(let trust):
            entityKind = .awsService
            services = trust.services
            restrictToMyAccount = trust.sourceAccount != nil
        case .awsAccount(let trust):
            entityKind = .awsAccount
            if case .id(let id) = trust.account { accountId = id } else { accountId = "" }
            externalId = trust.externalId ?? ""
            requireMFA = trust.requireMFA
        case .webIdentity(let trust):
            entityKind = .webIdentity
            federationProvider = trust.provider
            federationAudience = trust.audience
            gitHubOrganization = trust.gitHub?.organization ?? ""
            gitHubRepository = trust.gitHub?.repository ?? ""
            gitHubBranch = trust.gitHub?.branch ?? ""
            cognitoIdentities = trust.providerHost == CognitoIdentities.providerHost ? trust.cognitoIdentities : .authenticated
        case .saml(let trust):
            entityKind = .saml
            federationProvider = trust.provider
            federationAudience = trust.audience
        case .customPolicy(let text):
            entityKind = .customPolicy
            editedTrustPolicy = text
        }
    }

    /// Sets the chosen services, merging exactly the added and removed ones
    /// into a hand-edited policy, whose other statements, Sids and
    /// principals stay as typed. A policy that does not parse cannot take
    /// the merge: it is kept and marked as diverged.
    public func setServices(_ chosen: [String]) {
        let added = chosen.filter { !services.contains($0) }
        let removed = services.filter { !chosen.contains($0) }
        services = chosen
        guard let edited = editedTrustPolicy, !(added.isEmpty && removed.isEmpty) else { return }
        guard var document = try? PolicyDocument.parse(edited) else {
            trustAnswersDivergedFromEdit = true
            return
        }
        for service in added { document.addServicePrincipal(service) }
        for service in removed { document.removeServicePrincipal(service) }
        editedTrustPolicy = document.text
    }

    /// An answer of step 1 changed that has no merge into a hand-edited
    /// policy (the kind, an account, a provider, a condition): the edit is
    /// kept and step 3 offers the generated policy, showing the difference.
    public func trustAnswerChanged() {
        if editedTrustPolicy != nil { trustAnswersDivergedFromEdit = true }
    }

    /// The trusted entity the answers describe (the hand-edited policy wins).
    public var trust: TrustedEntity {
        if let editedTrustPolicy { return .customPolicy(editedTrustPolicy) }
        return answeredTrust
    }

    /// The trusted entity step 1's answers describe, whatever was edited by hand.
    public var answeredTrust: TrustedEntity {
        switch entityKind {
        case .awsService:
            return .awsServices(ServiceTrust(services: services, sourceAccount: restrictToMyAccount ? .current : nil))
        case .awsAccount:
            let account: AccountReference = accountId.isEmpty ? .current : .id(accountId)
            return .awsAccount(AccountTrust(
                account: account, externalId: externalId.isEmpty ? nil : externalId, requireMFA: requireMFA))
        case .webIdentity:
            return .webIdentity(webIdentityTrust)
        case .saml:
            return .saml(SAMLTrust(
                provider: federationProvider,
                audience: federationAudience.isEmpty ? SAMLTrust.consoleSignInAudience : federationAudience))
        case .customPolicy:
            return .customPolicy(Self.emptyTrustPolicy)
        }
    }

    /// The web identity answers as a trust: GitHub's provider takes the
    /// organisation, repository and branch (and `sts.amazonaws.com` when no
    /// audience is typed), Cognito's the identities choice, as the console asks.
    var webIdentityTrust: WebIdentityTrust {
        var trust = WebIdentityTrust(provider: federationProvider, audience: federationAudience)
        switch trust.providerHost {
        case GitHubSubject.providerHost:
            if trust.audience.isEmpty { trust.audience = GitHubSubject.defaultAudience }
            if !gitHubOrganization.isEmpty {
                trust.gitHub = GitHubSubject(
                    organization: gitHubOrganization, repository: gitHubRepository.isEmpty ? nil : gitHubRepository,
                    branch: gitHubBranch.isEmpty ? nil : gitHubBranch)
            }
        case CognitoIdentities.providerHost:
            trust.cognitoIdentities = cognitoIdentities
        default:
            break
        }
        return trust
    }

    /// A starting point for a hand-written trust policy.
    public static let emptyTrustPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {"Service": "ec2.amazonaws.com"},
              "Action": "sts:AssumeRole"
            }
          ]
        }
        """

    /// The trust policy text the entity answers generate (before hand edits).
    public func generatedTrustPolicy(partition: String, accountId: String?) -> Result<String, RoleSpecValidationError> {
        do {
            return .success(try answeredTrust.policyDocument(partition: partition, accountId: accountId).text)
        } catch {
            return .failure(error)
        }
    }

    /// Tags parsed from `tagsText` (those that parse), and the first problem with the text.
    public var tags: (tags: [RoleTag], issue: ValidationIssue?) {
        var tags: [RoleTag] = []
        for pair in tagsText.split(separator: ",") {
            let trimmed = pair.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                return (tags, ValidationIssue(field: "tags", message: "\"\(trimmed)\" needs the form key=value"))
            }
            tags.append(RoleTag(
                key: trimmed[..<equals].trimmingCharacters(in: .whitespaces),
                value: trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)))
        }
        return (tags, nil)
    }

    /// The spec of everything answered so far, in `partition`.
    public func spec(partition: String = "aws") -> RoleSpec {
        var spec = RoleSpec(
            name: roleName, path: path, description: roleDescription.isEmpty ? nil : roleDescription, trust: trust,
            managedPolicies: policyArns.map { PolicyReference(arn: $0) }, tags: tags.tags,
            maxSessionDuration: maxSessionDuration, permissionsBoundary: permissionsBoundary,
            inlinePolicies: inlinePolicies)
        // Only a role EC2 may assume can have one; the default covers "on".
        if spec.ec2MayAssume, !createsInstanceProfile { spec.instanceProfile = false }
        return spec
    }

    /// Validation issues for the named fields only (`name`, `description`, `tags`...).
    public func issues(for field: String, partition: String = "aws") -> [ValidationIssue] {
        if field == "tags", let issue = tags.issue { return [issue] }
        return spec(partition: partition).validate().filter { $0.field == field || $0.field.hasPrefix(field + "[") }
    }
}

/// The inline policies as the wizard edits them: added with a name of their
/// own and a starting document, changed in place as typed, removed by index.
extension WizardModel {
    /// What a new inline policy starts as: one statement to fill in, which
    /// lint flags until its action and resource are real.
    public static let inlinePolicyTemplate = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::example-bucket/*"
            }
          ]
        }
        """

    /// Adds a policy named `inline-policy-N` (the first N not taken) with the
    /// template; returns its index.
    @discardableResult
    public func addInlinePolicy() -> Int {
        let taken = Set(inlinePolicies.map { $0.name.lowercased() })
        let name = (1...).lazy.map { "inline-policy-\($0)" }.first { !taken.contains($0) }!
        inlinePolicies.append(RoleInlinePolicy(name: name, document: Self.inlinePolicyTemplate))
        return inlinePolicies.count - 1
    }

    /// Why `name` cannot be the name of the policy at `index` (IAM's pattern
    /// and length, and no other policy of the role named so), or nil.
    public func inlinePolicyNameIssue(_ name: String, at index: Int) -> String? {
        if name.isEmpty { return "Name the policy" }
        if inlinePolicies.enumerated().contains(where: { $0.offset != index && $0.element.name == name }) {
            return "The role already has an inline policy named \(name)"
        }
        return RoleSpec.inlinePolicyNameIssues(name).first.map { "The name \($0.message)" }
    }
}
