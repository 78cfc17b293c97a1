/// The file name a spec is saved under by default, made from a role name.
///
/// A role name can come from a server (`edit` loads it through IAM, or
/// whatever answers as IAM), so it is never used as a path: anything but
/// the characters IAM allows in a role name becomes `_`, and a leading `.`
/// or `-` does too, so the result is one plain, visible file name in the
/// directory it is joined to (never `..`, a hidden file or an option).
public enum SpecFileName {
    /// The suffix that marks a rolewiz spec file.
    public static let suffix = ".rolewiz.yaml"

    /// `NAME.rolewiz.yaml` (or NAME + `suffix`) for the role `roleName`
    /// ("role" when empty): what the spec and every export are saved as.
    public static func forRole(_ roleName: String, suffix: String = SpecFileName.suffix) -> String {
        var scalars = roleName.unicodeScalars.prefix(64).map { scalar -> Unicode.Scalar in
            CharacterRule.roleName.allows(scalar) ? scalar : "_"
        }
        if let first = scalars.first, first == "." || first == "-" { scalars[0] = "_" }
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars)
        return (name.isEmpty ? "role" : name) + suffix
    }
}
