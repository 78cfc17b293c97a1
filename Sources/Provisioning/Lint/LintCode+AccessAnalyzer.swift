/// Which IAM Access Analyzer policy checks a code stands in for, by the
/// titles AWS's policy check reference gives them, so rolewiz's offline
/// findings can be compared with Access Analyzer's (and the coverage test
/// can count them). Empty for checks Access Analyzer does not have.
extension LintCode {
    /// The Access Analyzer check titles this code corresponds to; empty when it has none.
    public var accessAnalyzerChecks: [String] {
        switch self {
        case .jsonSyntax: ["Json syntax error"]
        case .missingStatement: ["Missing statement"]
        case .versionInvalid: ["Invalid version"]
        case .versionMissing: ["Missing version"]
        case .trustPrincipalMissing: ["Missing principal"]
        case .trustActionMissing, .actionMissing: ["Missing action"]
        case .identityPolicyPrincipal: ["Unsupported principal", "Federated principal not supported"]
        case .serviceConditionKeyRecommended: ["Recommended condition key for service principal"]
        case .audienceClaimTypeUnconfirmed: ["Confirm audience claim type"]
        case .resourceMissing: ["Missing resource"]
        case .identityPolicyTooLarge: ["Policy size exceeds identity policy quota"]
        case .actionInvalid: ["Invalid action"]
        case .actionServiceInvalid: ["Invalid service in action"]
        case .passRoleWildcardResource:
            ["Pass role with star in resource", "Pass role with star in action and resource", "Pass role with star in resource and NotAction"]
        case .passRoleNotResource:
            ["Pass role with NotResource", "Pass role with star in action and NotResource", "Pass role with NotAction and NotResource"]
        case .createSLRWildcardResource:
            ["Create SLR with star in resource", "Create SLR with star in action and resource", "Create SLR with star in resource and NotAction"]
        case .createSLRNotResource:
            ["Create SLR with NotResource", "Create SLR with star in action and NotResource", "Create SLR with NotAction and NotResource"]
        case .emptyArrayResource: ["Empty array resource"]
        case .actionRedundant: ["Redundant action"]
        case .resourceRedundant: ["Redundant resource"]
        case .trustNotPrincipal: ["Role trust policy syntax error notprincipal"]
        case .trustResource: ["Role trust policy syntax error resource"]
        case .trustPrincipalWildcard: ["Role trust policy unsupported wildcard in principal"]
        case .trustPrincipalWildcardInArn: ["Unsupported wildcard in principal"]
        case .trustServicePrincipalMalformed: ["Invalid service principal format"]
        case .trustActionInvalid: ["Unsupported action in policy"]
        case .trustPolicyTooLarge: ["Policy size exceeds role trust policy quota"]
        case .trustServiceConfusedDeputy: ["Restrict access to service principal"]
        case .statementDuplicate: ["Redundant statement"]
        case .principalDuplicate: ["Redundant principal in role trust policy"]
        case .sidUnsupported: ["Unsupported Sid"]
        case .sidNotUnique: ["Unique Sids recommended"]
        case .sidEmpty: ["Empty Sid value"]
        case .trustFederatedPrincipalMalformed: ["Invalid federated principal syntax in role trust policy"]
        case .mismatchedActionForPrincipal: ["Mismatched action for principal"]
        case .rolesAnywhereMissingAction: ["Missing action for roles anywhere trust policy"]
        case .oidcConditionMissing: ["Missing condition key for oidc principal"]
        case .gitHubRepoConditionMissing: ["Missing github repo condition key"]
        case .gitHubSubjectTooBroad: ["Specific github repo and branch recommended"]
        case .emptyArrayAction: ["Empty array action"]
        case .emptyArrayPrincipal: ["Empty array principal"]
        case .emptyArrayCondition: ["Empty array condition"]
        case .emptyArrayConditionForAllValues: ["Empty array condition ForAllValues"]
        case .emptyArrayConditionForAnyValue: ["Empty array condition ForAnyValue"]
        case .emptyArrayConditionIfExists: ["Empty array condition IfExists"]
        case .emptyObjectCondition: ["Empty object condition"]
        case .actionServiceWildcard: ["Wildcard in service name"]
        case .unknownElement: ["Invalid policy element"]
        case .conditionOperatorInvalid: ["Invalid condition operator", "Null with if exists"]
        case .conditionKeyFormatInvalid: ["Invalid condition key format"]
        case .conditionKeyUnknown: ["Invalid service condition key"]
        case .conditionQualifierMissing: ["Missing qualifier"]
        case .conditionMultipleBoolean: ["Invalid condition multiple Boolean"]
        case .conditionOperatorTypeMismatch: ["Type mismatch"]
        case .wildcardWithoutLike: ["Wildcard without like operator"]
        case .nullWithQualifier: ["Null with qualifier"]
        case .arnPrefixInvalid: ["Invalid ARN prefix"]
        case .arnFieldMissing: ["Missing ARN field"]
        case .arnPartitionInvalid: ["Invalid partition"]
        case .arnServiceInvalid: ["Invalid service"]
        case .arnServiceCaseInvalid: ["Invalid ARN service case"]
        case .arnRegionInvalid: ["Invalid ARN Region"]
        case .arnAccountInvalid: ["Invalid ARN account"]
        case .policyVariableMalformed: ["Missing brace in variable"]
        case .forAllValuesSingleValuedKey: ["ForAllValues with single valued key"]
        case .conditionBooleanMismatch: ["Type mismatch Boolean"]
        case .conditionIPRangeMismatch: ["Type mismatch IP range"]
        case .conditionNumberMismatch: ["Type mismatch number"]
        case .conditionKeyDuplicateCase: ["Duplicate keys with different case"]
        case .conditionDateMismatch: ["Type mismatch date"]
        // What the parser rejects before any check runs.
        case .policyStructure: ["Invalid principal format", "Invalid principal key", "Invalid effect", "Missing effect"]
        case .trustPolicyCharacters, .policyCharacters, .managedPolicyInvalid, .tooManyManagedPolicies, .specInvalid,
            .trustPrincipalWildcardConditioned, .privilegeEscalationPolicy, .s3FullAccess, .versionOld,
            .servicePrincipalUnknown, .serviceEndOfSupport, .statementsMergeable, .managedPolicyDuplicate, .principalUniqueID,
            .trustAWSPrincipalMalformed, .federatedProviderMissing:
            []
        }
    }
}
