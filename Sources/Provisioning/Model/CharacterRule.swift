/// A set of characters IAM allows in one kind of field, with the words a
/// message uses to describe it. The sets are IAM's own (from the API
/// reference patterns), not guesses.
struct CharacterRule: Sendable {
    /// How a message lists the allowed characters.
    let allowed: String
    /// Whose rule it is, for the message: IAM's, or GitHub's and Git's for GitHub names.
    var authority = "IAM"
    let allows: @Sendable (Unicode.Scalar) -> Bool

    /// Role names: `[\w+=,.@-]`.
    static let roleName = CharacterRule(allowed: "letters A-Z and a-z, digits and +=,.@_-") { scalar in
        scalar.isASCIIAlphanumeric || "+=,.@_-".unicodeScalars.contains(scalar)
    }

    /// Managed policy names: the same set as role names.
    static let policyName = roleName

    /// Role paths: `U+0021` to `U+007E`, printable ASCII without the space
    /// (IAM's `pathType`; `RoleSpec` checks the slashes).
    static let path = CharacterRule(allowed: "printable ASCII characters other than the space (U+0021 to U+007E)") {
        (0x21...0x7E).contains($0.value)
    }

    /// Managed policy path segments: IAM's `policyPathType`,
    /// `((/[A-Za-z0-9.,+@=_-]+)*)/`.
    static let policyPath = CharacterRule(allowed: "letters A-Z and a-z, digits and .,+@=_- between slashes") { scalar in
        scalar.isASCIIAlphanumeric || ".,+@=_-/".unicodeScalars.contains(scalar)
    }

    /// Role descriptions: tab, line feed, carriage return, printable ASCII and Latin-1 letters and signs.
    static let description = CharacterRule(
        allowed: "tab, line breaks, printable ASCII (U+0020 to U+007E) and U+00A1 to U+00FF"
    ) { scalar in
        [0x09, 0x0A, 0x0D].contains(scalar.value) || (0x20...0x7E).contains(scalar.value)
            || (0xA1...0xFF).contains(scalar.value)
    }

    /// Tag keys and values: `[\p{L}\p{Z}\p{N}_.:/=+\-@]`.
    static let tag = CharacterRule(allowed: "letters, digits, spaces and _.:/=+-@") { scalar in
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }

    /// Policy documents: tab, line feed, carriage return and U+0020 to U+00FF.
    static let policyDocument = CharacterRule(
        allowed: "tab, line breaks and characters U+0020 to U+00FF"
    ) { scalar in
        [0x09, 0x0A, 0x0D].contains(scalar.value) || (0x20...0xFF).contains(scalar.value)
    }

    /// External IDs: `[\w+=,.@:\/-]`.
    static let externalId = CharacterRule(allowed: "letters A-Z and a-z, digits and +=,.@:/-_") { scalar in
        scalar.isASCIIAlphanumeric || "+=,.@:/-_".unicodeScalars.contains(scalar)
    }

    /// SAML provider names: `[\w._-]`.
    static let samlProviderName = CharacterRule(allowed: "letters A-Z and a-z, digits and ._-") { scalar in
        scalar.isASCIIAlphanumeric || "._-".unicodeScalars.contains(scalar)
    }

    /// GitHub organisation and user names: letters, digits and hyphens.
    static let gitHubOrganization = CharacterRule(allowed: "letters A-Z and a-z, digits and -", authority: "GitHub") { scalar in
        scalar.isASCIIAlphanumeric || scalar == "-"
    }

    /// GitHub repository names: letters, digits and `._-`.
    static let gitHubRepository = CharacterRule(allowed: "letters A-Z and a-z, digits and ._-", authority: "GitHub") { scalar in
        scalar.isASCIIAlphanumeric || "._-".unicodeScalars.contains(scalar)
    }

    /// Git branch names: printable ASCII without the space and `~^:?*[\`
    /// (the characters `git check-ref-format` rejects, which are also
    /// `StringLike` wildcards or the subject's separator).
    static let gitBranch = CharacterRule(allowed: "printable ASCII other than the space and ~^:?*[\\", authority: "Git") { scalar in
        (0x21...0x7E).contains(scalar.value) && !"~^:?*[\\".unicodeScalars.contains(scalar)
    }

    /// The distinct characters of `text` this rule rejects, in order of first appearance.
    func disallowedCharacters(in text: String) -> [Unicode.Scalar] {
        var seen: Set<Unicode.Scalar> = []
        return text.unicodeScalars.filter { !allows($0) && seen.insert($0).inserted }
    }

    /// `"a!b" has "!" which IAM does not allow; allowed: ...`, or nil when every character is allowed.
    func violation(in text: String, quoting: Bool = true) -> String? {
        let bad = disallowedCharacters(in: text)
        guard !bad.isEmpty else { return nil }
        let listed = bad.prefix(5).map(Self.spell)
        let which = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " and " + listed.last!
        let more = bad.count > 5 ? " (and \(bad.count - 5) more)" : ""
        let subject = quoting ? "\(Self.quote(text)) has " : "has "
        return "\(subject)\(which)\(more) which \(authority) does not allow; allowed: \(allowed)"
    }

    /// A character as a message shows it: visible ones quoted, the rest by code point.
    static func spell(_ scalar: Unicode.Scalar) -> String {
        if scalar == " " { return "a space" }
        if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
        {
            return scalar.codePointNotation
        }
        return "\"\(scalar)\""
    }

    /// A value quoted for a message, shortened when long.
    static func quote(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
        return "\"\(shown)\""
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
