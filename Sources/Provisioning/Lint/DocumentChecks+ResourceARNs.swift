internal import IAMClient

/// Resource ARNs of an identity policy, field by field as Access Analyzer
/// checks them: `arn:` first, six fields, a partition that exists, a
/// lowercase service that resource ARNs use, a region of that partition,
/// and an account that is twelve digits (or `aws`, for AWS managed policies).
/// Wildcards and policy variables stand for anything, so a field holding
/// one is not judged.
extension DocumentChecks {
    /// The services resource ARNs name, from the generated reference.
    static let arnServices: Set<String> = Set(ServiceActions.generatedARNServices.split(separator: " ").map(String.init))

    mutating func checkResourceARNs(_ list: ValueList?, named name: String, at path: JSONPath) {
        for (index, value) in (list?.values ?? []).enumerated() where value != "*" {
            if let (code, message) = Self.arnProblem(value) {
                add(code, "\"\(value)\": \(message)", at: path.appending(name).appending(index))
            }
        }
    }

    static func arnProblem(_ arn: String) -> (LintCode, String)? {
        guard arn.hasPrefix("arn:") else {
            return (.arnPrefixInvalid, "a resource is \"*\" or an ARN, which starts with arn:")
        }
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6 else {
            return (.arnFieldMissing, "an ARN has six fields, arn:partition:service:region:account:resource; this has \(fields.count)")
        }
        let (partition, service, region, account) = (fields[1], fields[2], fields[3], fields[4])
        func isOpen(_ field: String) -> Bool { field.contains("*") || field.contains("?") || field.contains("${") }
        if !isOpen(partition), Partition.named(partition) == nil {
            return (.arnPartitionInvalid, "\"\(partition)\" is not a partition; AWS's are \(Partition.all.map(\.name).joined(separator: ", "))")
        }
        if !isOpen(service) {
            if service != service.lowercased() {
                return (.arnServiceCaseInvalid, "the service \"\(service)\" must be lowercase in an ARN (\(service.lowercased()))")
            }
            if !arnServices.contains(service) {
                let hint = DidYouMean.hint(for: service, among: Array(arnServices))
                return (.arnServiceInvalid, "no AWS service names its resources \"\(service)\"\(hint)")
            }
        }
        if !region.isEmpty, !isOpen(region), !isOpen(partition), let known = Partition.named(partition), !known.hasRegion(region) {
            return (.arnRegionInvalid, "\"\(region)\" is not a region of the \(partition) partition")
        }
        if !account.isEmpty, !isOpen(account), account != "aws", !AccountReference.isAccountId(account) {
            return (.arnAccountInvalid, "the account \"\(account)\" is not a 12-digit account ID")
        }
        return nil
    }
}
