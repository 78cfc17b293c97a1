/// Stable identifiers of lint findings; scripts may match on them, so a
/// code is never renamed. Each has one severity.
public enum LintCode: String, Sendable, Hashable, CaseIterable {
    // Errors: IAM rejects the document, or it cannot work as the policy it is.
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
    case sidUnsupported = "SID_UNSUPPORTED"
    case trustPrincipalWildcardInArn = "TRUST_PRINCIPAL_WILDCARD_IN_ARN"
    case trustFederatedPrincipalMalformed = "TRUST_FEDERATED_PRINCIPAL_MALFORMED"
    case trustAWSPrincipalMalformed = "TRUST_AWS_PRINCIPAL_MALFORMED"
    case mismatchedActionForPrincipal = "TRUST_ACTION_PRINCIPAL_MISMATCH"
    case rolesAnywhereMissingAction = "ROLES_ANYWHERE_MISSING_ACTION"
    case conditionOperatorInvalid = "CONDITION_OPERATOR_INVALID"
    case policyVariableMalformed = "POLICY_VARIABLE_MALFORMED"
    case conditionKeyDuplicateCase = "CONDITION_KEY_DUPLICATE_CASE"
    case policyCharacters = "POLICY_CHARACTERS"
    case identityPolicyTooLarge = "IDENTITY_POLICY_TOO_LARGE"
    case identityPolicyPrincipal = "IDENTITY_POLICY_PRINCIPAL"
    case resourceMissing = "RESOURCE_MISSING"
    case actionMissing = "ACTION_MISSING"
    case actionInvalid = "ACTION_INVALID"
    case actionServiceInvalid = "ACTION_SERVICE_INVALID"
    case conditionKeyFormatInvalid = "CONDITION_KEY_FORMAT_INVALID"
    case conditionKeyUnknown = "CONDITION_KEY_UNKNOWN"
    case conditionQualifierMissing = "CONDITION_QUALIFIER_MISSING"
    case conditionMultipleBoolean = "CONDITION_MULTIPLE_BOOLEAN"
    case arnPrefixInvalid = "ARN_PREFIX_INVALID"
    case arnFieldMissing = "ARN_FIELD_MISSING"
    case arnPartitionInvalid = "ARN_PARTITION_INVALID"
    case arnServiceInvalid = "ARN_SERVICE_INVALID"
    case arnServiceCaseInvalid = "ARN_SERVICE_CASE_INVALID"
    case arnRegionInvalid = "ARN_REGION_INVALID"
    case arnAccountInvalid = "ARN_ACCOUNT_INVALID"

    // Security warnings: accepted, but grants more than is safe.
    case trustPrincipalWildcardConditioned = "TRUST_PRINCIPAL_WILDCARD_CONDITIONED"
    case trustServiceConfusedDeputy = "TRUST_SERVICE_CONFUSED_DEPUTY"
    case privilegeEscalationPolicy = "PRIVILEGE_ESCALATION_POLICY"
    case s3FullAccess = "S3_FULL_ACCESS"
    case oidcConditionMissing = "OIDC_CONDITION_MISSING"
    case gitHubRepoConditionMissing = "GITHUB_REPO_CONDITION_MISSING"
    case forAllValuesSingleValuedKey = "FOR_ALL_VALUES_SINGLE_VALUED_KEY"
    case passRoleWildcardResource = "PASS_ROLE_WILDCARD_RESOURCE"
    case passRoleNotResource = "PASS_ROLE_NOT_RESOURCE"

    // Warnings: accepted, probably not what was meant.
    case versionMissing = "VERSION_MISSING"
    case versionOld = "VERSION_OLD"
    case unknownElement = "UNKNOWN_ELEMENT"
    case servicePrincipalUnknown = "SERVICE_PRINCIPAL_UNKNOWN"
    case serviceEndOfSupport = "SERVICE_END_OF_SUPPORT"
    case sidNotUnique = "SID_NOT_UNIQUE"
    case gitHubSubjectTooBroad = "GITHUB_SUBJECT_TOO_BROAD"
    /// Only when connected: the trust names a provider the account does not have.
    case federatedProviderMissing = "FEDERATED_PROVIDER_MISSING"
    case principalUniqueID = "PRINCIPAL_UNIQUE_ID"
    case conditionBooleanMismatch = "CONDITION_BOOLEAN_MISMATCH"
    case conditionIPRangeMismatch = "CONDITION_IP_RANGE_MISMATCH"
    case conditionNumberMismatch = "CONDITION_NUMBER_MISMATCH"
    case conditionDateMismatch = "CONDITION_DATE_MISMATCH"
    case createSLRWildcardResource = "CREATE_SLR_WILDCARD_RESOURCE"
    case createSLRNotResource = "CREATE_SLR_NOT_RESOURCE"
    case conditionOperatorTypeMismatch = "CONDITION_OPERATOR_TYPE_MISMATCH"
    case wildcardWithoutLike = "WILDCARD_WITHOUT_LIKE"

    // Suggestions: fine, but could be simpler.
    case statementsMergeable = "STATEMENTS_MERGEABLE"
    case statementDuplicate = "STATEMENT_DUPLICATE"
    case principalDuplicate = "PRINCIPAL_DUPLICATE"
    case managedPolicyDuplicate = "MANAGED_POLICY_DUPLICATE"
    case sidEmpty = "SID_EMPTY"
    case emptyArrayAction = "EMPTY_ARRAY_ACTION"
    case emptyArrayPrincipal = "EMPTY_ARRAY_PRINCIPAL"
    case emptyArrayCondition = "EMPTY_ARRAY_CONDITION"
    case emptyArrayConditionForAllValues = "EMPTY_ARRAY_CONDITION_FOR_ALL_VALUES"
    case emptyArrayConditionForAnyValue = "EMPTY_ARRAY_CONDITION_FOR_ANY_VALUE"
    case emptyArrayConditionIfExists = "EMPTY_ARRAY_CONDITION_IF_EXISTS"
    case emptyObjectCondition = "EMPTY_OBJECT_CONDITION"
    case actionServiceWildcard = "ACTION_SERVICE_WILDCARD"
    case emptyArrayResource = "EMPTY_ARRAY_RESOURCE"
    case actionRedundant = "ACTION_REDUNDANT"
    case resourceRedundant = "RESOURCE_REDUNDANT"
    case nullWithQualifier = "NULL_WITH_QUALIFIER"
    case serviceConditionKeyRecommended = "SERVICE_CONDITION_KEY_RECOMMENDED"
    case audienceClaimTypeUnconfirmed = "AUDIENCE_CLAIM_TYPE_UNCONFIRMED"

    /// How much a finding of this code matters; fixed per code, so scripts can rely on it.
    public var severity: LintSeverity {
        switch self {
        case .jsonSyntax, .policyStructure, .missingStatement, .versionInvalid, .trustPolicyCharacters,
            .trustPolicyTooLarge, .trustPrincipalMissing, .trustPrincipalWildcard, .trustNotPrincipal,
            .trustResource, .trustServicePrincipalMalformed, .trustActionMissing, .trustActionInvalid,
            .managedPolicyInvalid, .tooManyManagedPolicies, .specInvalid, .sidUnsupported, .trustPrincipalWildcardInArn,
            .trustFederatedPrincipalMalformed, .trustAWSPrincipalMalformed, .mismatchedActionForPrincipal, .rolesAnywhereMissingAction, .conditionOperatorInvalid,
            .policyVariableMalformed, .conditionKeyDuplicateCase, .policyCharacters, .identityPolicyTooLarge, .identityPolicyPrincipal, .resourceMissing, .actionMissing,
            .actionInvalid, .actionServiceInvalid, .conditionKeyFormatInvalid, .conditionKeyUnknown, .conditionQualifierMissing,
            .conditionMultipleBoolean, .arnPrefixInvalid, .arnFieldMissing, .arnPartitionInvalid, .arnServiceInvalid,
            .arnServiceCaseInvalid, .arnRegionInvalid, .arnAccountInvalid:
            .error
        case .trustPrincipalWildcardConditioned, .trustServiceConfusedDeputy, .privilegeEscalationPolicy, .s3FullAccess,
            .oidcConditionMissing, .gitHubRepoConditionMissing, .forAllValuesSingleValuedKey, .passRoleWildcardResource,
            .passRoleNotResource:
            .securityWarning
        case .versionMissing, .versionOld, .unknownElement, .servicePrincipalUnknown, .serviceEndOfSupport, .sidNotUnique,
            .gitHubSubjectTooBroad, .federatedProviderMissing, .principalUniqueID, .conditionBooleanMismatch, .conditionIPRangeMismatch,
            .conditionNumberMismatch, .conditionDateMismatch, .createSLRWildcardResource, .createSLRNotResource,
            .conditionOperatorTypeMismatch, .wildcardWithoutLike:
            .warning
        case .statementsMergeable, .statementDuplicate, .principalDuplicate, .managedPolicyDuplicate, .sidEmpty,
            .emptyArrayAction, .emptyArrayPrincipal, .emptyArrayCondition, .emptyArrayConditionForAllValues,
            .emptyArrayConditionForAnyValue, .emptyArrayConditionIfExists, .emptyObjectCondition, .actionServiceWildcard,
            .emptyArrayResource, .actionRedundant, .resourceRedundant, .nullWithQualifier,
            .serviceConditionKeyRecommended, .audienceClaimTypeUnconfirmed:
            .suggestion
        }
    }
}
