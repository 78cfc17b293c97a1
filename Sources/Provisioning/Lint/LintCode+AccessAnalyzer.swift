/// Which IAM Access Analyzer policy checks a code stands in for, by the
/// titles AWS's policy check reference gives them, so rolewiz's offline
/// findings can be compared with Access Analyzer's (and the coverage test
/// can count them). Empty for checks Access Analyzer does not have.
extension LintCode {
    public var accessAnalyzerChecks: [String] {
        switch self {
        case .jsonSyntax: ["Json syntax error"]
        case .missingStatement: ["Missing statement"]
        case .versionInvalid: ["Invalid version"]
        case .versionMissing: ["Missing version"]
        case .trustPrincipalMissing: ["Missing principal"]
        case .trustActionMissing: ["Missing action"]
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
        case .conditionOperatorInvalid: ["Invalid condition operator"]
        case .policyVariableMalformed: ["Missing brace in variable"]
        case .forAllValuesSingleValuedKey: ["ForAllValues with single valued key"]
        case .conditionBooleanMismatch: ["Type mismatch Boolean"]
        case .conditionIPRangeMismatch: ["Type mismatch IP range"]
        case .conditionNumberMismatch: ["Type mismatch number"]
        case .conditionKeyDuplicateCase: ["Duplicate keys with different case"]
        case .conditionDateMismatch: ["Type mismatch date"]
        // What the parser rejects before any check runs.
        case .policyStructure: ["Invalid principal format", "Invalid principal key", "Invalid effect", "Missing effect"]
        case .trustPolicyCharacters, .managedPolicyInvalid, .tooManyManagedPolicies, .specInvalid,
            .trustPrincipalWildcardConditioned, .privilegeEscalationPolicy, .s3FullAccess, .versionOld,
            .servicePrincipalUnknown, .serviceEndOfSupport, .statementsMergeable, .managedPolicyDuplicate, .principalUniqueID,
            .trustAWSPrincipalMalformed, .federatedProviderMissing:
            []
        }
    }
}
