/// Stable identifiers of lint findings; scripts may match on them, so a
/// code is never renamed. Each has one severity.
public enum LintCode: String, Sendable, Hashable, CaseIterable {
    // Errors: IAM rejects the document, or it cannot work as a trust policy.
    case jsonSyntax = "JSON_SYNTAX"
    case policyStructure = "POLICY_STRUCTURE"
    case missingStatement = "MISSING_STATEMENT"
    case versionInvalid = "VERSION_INVALID"
    case trustPolicyCharacters = "TRUST_POLICY_CHARACTERS"
    case trustPolicyTooLarge = "TRUST_POLICY_TOO_LARGE"
    case trustPrincipalMissing = "TRUST_PRINCIPAL_MISSING"
    case trustPrincipalWildcard = "TRUST_PRINCIPAL_WILDCARD"
    case trustNotPrincipal = "TRUST_NOT_PRINCIPAL"
    case trustResource = "TRUST_RESOURCE"
    case trustServicePrincipalMalformed = "TRUST_SERVICE_PRINCIPAL_MALFORMED"
    case trustActionMissing = "TRUST_ACTION_MISSING"
    case trustActionInvalid = "TRUST_ACTION_INVALID"
    case managedPolicyInvalid = "MANAGED_POLICY_INVALID"
    case tooManyManagedPolicies = "TOO_MANY_MANAGED_POLICIES"
    case specInvalid = "SPEC_INVALID"

    // Security warnings: accepted, but grants more than is safe.
    case trustPrincipalWildcardConditioned = "TRUST_PRINCIPAL_WILDCARD_CONDITIONED"
    case trustServiceConfusedDeputy = "TRUST_SERVICE_CONFUSED_DEPUTY"
    case privilegeEscalationPolicy = "PRIVILEGE_ESCALATION_POLICY"
    case s3FullAccess = "S3_FULL_ACCESS"

    // Warnings: accepted, probably not what was meant.
    case versionMissing = "VERSION_MISSING"
    case versionOld = "VERSION_OLD"
    case unknownElement = "UNKNOWN_ELEMENT"
    case servicePrincipalUnknown = "SERVICE_PRINCIPAL_UNKNOWN"
    case serviceEndOfSupport = "SERVICE_END_OF_SUPPORT"

    // Suggestions: fine, but could be simpler.
    case statementsMergeable = "STATEMENTS_MERGEABLE"
    case statementDuplicate = "STATEMENT_DUPLICATE"
    case principalDuplicate = "PRINCIPAL_DUPLICATE"
    case managedPolicyDuplicate = "MANAGED_POLICY_DUPLICATE"

    public var severity: LintSeverity {
        switch self {
        case .jsonSyntax, .policyStructure, .missingStatement, .versionInvalid, .trustPolicyCharacters,
            .trustPolicyTooLarge, .trustPrincipalMissing, .trustPrincipalWildcard, .trustNotPrincipal,
            .trustResource, .trustServicePrincipalMalformed, .trustActionMissing, .trustActionInvalid,
            .managedPolicyInvalid, .tooManyManagedPolicies, .specInvalid:
            .error
        case .trustPrincipalWildcardConditioned, .trustServiceConfusedDeputy, .privilegeEscalationPolicy, .s3FullAccess:
            .securityWarning
        case .versionMissing, .versionOld, .unknownElement, .servicePrincipalUnknown, .serviceEndOfSupport:
            .warning
        case .statementsMergeable, .statementDuplicate, .principalDuplicate, .managedPolicyDuplicate:
            .suggestion
        }
    }
}
