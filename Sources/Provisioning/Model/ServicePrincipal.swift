/// The shape IAM requires of a service principal: `name.amazonaws.com`, or
/// `name.amazonaws.com.cn` in the China regions.
public enum ServicePrincipal {
    /// The endings a service principal may have: the commercial and GovCloud form, and the China regions'.
    public static let suffixes = [".amazonaws.com", ".amazonaws.com.cn"]

    /// Nil when `text` is shaped like a service principal, otherwise why not.
    /// Shape only: whether such a service exists is the catalogue's question.
    public static func formatProblem(_ text: String) -> String? {
        guard let suffix = suffixes.last(where: { text.hasSuffix($0) }) else {
            let guess = text.contains(".") ? "" : " (for example \(text.lowercased()).amazonaws.com)"
            return "\"\(text)\" is not a service principal; expected NAME.amazonaws.com\(guess)"
        }
        let name = text.dropLast(suffix.count)
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
        guard !name.isEmpty, allowed, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains("..") else {
            return "\"\(text)\" is not a service principal; the part before \(suffix) must be lowercase letters, digits, dots and hyphens"
        }
        return nil
    }

    /// The service's own name: `sagemaker` for `sagemaker.amazonaws.com`.
    public static func stem(_ text: String) -> String {
        for suffix in suffixes.reversed() where text.hasSuffix(suffix) {
            return String(text.dropLast(suffix.count))
        }
        return text
    }
}
