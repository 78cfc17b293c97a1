/// Which service principals exist, from the generated list
/// (`generate-service-principals.py`, from AWS's Service Authorization
/// Reference), so lint warns only about names no service has, not about
/// every service the hand-kept catalogue leaves out.
extension ServicePrincipal {
    private static let generatedNames: Set<String> = Set(generatedList.split(separator: "\n").map(String.init))

    /// Every principal of the generated list with its service's name
    /// (`lambda.amazonaws.com`, `AWS Lambda`), in the list's order.
    public static let generatedServices: [(principal: String, name: String)] =
        generatedDisplayNames.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : String(parts[0]))
        }

    /// How many names the generated list holds.
    public static var generatedCount: Int { generatedNames.count }

    /// True when `text` (any case, `.cn` or not) is a principal in the
    /// reference, or a principal under one: `credentials.iot.amazonaws.com`
    /// and `scheduler.redshift.amazonaws.com` belong to `iot` and `redshift`,
    /// which the reference lists only by their service prefix.
    public static func isKnown(_ text: String) -> Bool {
        let stem = stem(text.lowercased())
        guard stem != text.lowercased() else { return false }
        if generatedNames.contains(stem + ".amazonaws.com") { return true }
        guard let lastDot = stem.lastIndex(of: ".") else { return false }
        return generatedNames.contains(stem[stem.index(after: lastDot)...] + ".amazonaws.com")
    }
}
