/// Every AWS managed policy's name and path, built into rolewiz so a name
/// resolves to its real ARN before anything is planned, offline too:
/// `AWSLambdaBasicExecutionRole`, as the console shows it, is
/// `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`, and
/// `NoSuchPolicyXYZ` is an error at its line, not a half-made role.
///
/// The list is generated (`generate-aws-managed-policies.py`) from a
/// published copy of AWS's managed policies; a policy AWS added since can
/// still be named by its full ARN, which is checked online.
public enum AWSManagedPolicyNames {
    /// `name` → `name` or `path/name`, from the generated list.
    private static let byName: [String: String] = {
        var table: [String: String] = [:]
        for line in generatedList.split(separator: "\n") {
            let reference = String(line)
            table[String(reference.split(separator: "/").last ?? Substring(reference))] = reference
        }
        return table
    }()

    /// How many policies the built-in list holds.
    public static var count: Int { byName.count }

    /// Every name, for suggestions and pickers.
    public static var names: [String] { Array(byName.keys) }

    /// The policy called `name` as a spec writes it (`service-role/AWSGlueServiceRole`),
    /// or nil when no AWS managed policy has that name.
    public static func reference(forName name: String) -> String? {
        byName[name]
    }

    /// ` (did you mean "X"?)` for a name that is not an AWS managed policy.
    public static func hint(for name: String) -> String {
        DidYouMean.hint(for: name, among: names)
    }
}
