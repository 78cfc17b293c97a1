/// Which GitHub Actions workflows may assume a role that trusts GitHub's
/// OIDC provider (`token.actions.githubusercontent.com`). Without it every
/// workflow of every GitHub organisation could: the token's `aud` is the
/// same for all of them, only `sub` names the repository and branch.
///
/// The IAM console asks for the organisation (required), the repository and
/// the branch (both optional) and writes one `StringLike` condition on
/// `token.actions.githubusercontent.com:sub`:
/// `repo:ORG/REPO:ref:refs/heads/BRANCH`, with `*` for a missing repository
/// and `:*` in place of `:ref:refs/heads/BRANCH` for a missing branch.
/// Sources: the IAM User Guide, "Create a role for OpenID Connect federation
/// (console)" (id_roles_create_for-idp_oidc.html, GitHub organization /
/// repository / branch fields), and GitHub's "Configuring OpenID Connect in
/// Amazon Web Services" (the `repo:octo-org/octo-repo:*` StringLike example).
public struct GitHubSubject: Sendable, Hashable {
    /// The GitHub organisation or user owning the repositories; required, as the console requires it.
    public var organization: String
    /// Nil: every repository of the organisation.
    public var repository: String?
    /// Nil: every branch, tag, environment and pull request of the repository.
    public var branch: String?

    /// Not checked here; `organizationProblem` and its siblings, or the spec's validation, say what is wrong.
    public init(organization: String, repository: String? = nil, branch: String? = nil) {
        self.organization = organization
        self.repository = repository
        self.branch = branch
    }

    /// GitHub's OIDC provider host, whose tokens this subject narrows.
    public static let providerHost = "token.actions.githubusercontent.com"
    /// The audience the official `configure-aws-credentials` action asks for.
    public static let defaultAudience = "sts.amazonaws.com"
    static let branchPrefix = "ref:refs/heads/"

    /// The `sub` pattern the console writes, for a `StringLike` condition.
    public var subjectPattern: String {
        "repo:\(organization)/\(repository ?? "*"):" + (branch.map { Self.branchPrefix + $0 } ?? "*")
    }

    /// The subject a pattern of the console's form names; nil for any other
    /// pattern (an environment, a tag, a wildcard inside a name), which then
    /// stays a custom trust policy rather than being read as something else.
    public init?(subjectPattern pattern: String) {
        guard pattern.hasPrefix("repo:") else { return nil }
        let rest = pattern.dropFirst("repo:".count)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let names = rest[..<colon].split(separator: "/", omittingEmptySubsequences: false)
        let tail = rest[rest.index(after: colon)...]
        guard names.count == 2, !names[0].isEmpty, !names[0].contains("*"), !names[1].isEmpty else { return nil }
        let repository = names[1] == "*" ? nil : String(names[1])
        let branch: String?
        if tail == "*" {
            branch = nil
        } else if tail.hasPrefix(Self.branchPrefix), tail.count > Self.branchPrefix.count {
            branch = String(tail.dropFirst(Self.branchPrefix.count))
        } else {
            return nil
        }
        self.init(organization: String(names[0]), repository: repository, branch: branch)
        guard validationIssues(field: "").isEmpty else { return nil }
    }

    /// GitHub's naming rules, so a typo is caught before the role trusts a
    /// subject no token will ever carry (or a wildcard nobody meant).
    func validationIssues(field: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if let problem = Self.organizationProblem(organization) {
            issues.append(ValidationIssue(field: field + ".organization", message: problem))
        }
        if let repository, let problem = Self.repositoryProblem(repository) {
            issues.append(ValidationIssue(field: field + ".repository", message: problem))
        }
        if let branch, let problem = Self.branchProblem(branch) {
            issues.append(ValidationIssue(field: field + ".branch", message: problem))
        }
        return issues
    }

    /// Organisation and user names: 1-39 letters, digits and single hyphens,
    /// not starting or ending with a hyphen.
    public static func organizationProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty; name the GitHub organisation (or user) whose workflows may assume the role" }
        if let violation = CharacterRule.gitHubOrganization.violation(in: name) { return violation }
        if name.count > 39 { return "is \(name.count) characters long; GitHub allows at most 39" }
        if name.hasPrefix("-") || name.hasSuffix("-") || name.contains("--") {
            return "\(CharacterRule.quote(name)) is not a GitHub organisation name: hyphens cannot start or end it or come two together"
        }
        return nil
    }

    /// Repository names: 1-100 letters, digits and `._-`, not `.` or `..`.
    public static func repositoryProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty; leave it out for every repository of the organisation" }
        if let violation = CharacterRule.gitHubRepository.violation(in: name) { return violation }
        if name.count > 100 { return "is \(name.count) characters long; GitHub allows at most 100" }
        if name == "." || name == ".." { return "\"\(name)\" is not a GitHub repository name" }
        return nil
    }

    /// Branch names as `git check-ref-format` allows them: no space, control
    /// character or `~^:?*[\`, no `..`, `@{` or `//`, and no `/` or `.` at
    /// either end. `*` and `?` would also be wildcards in the `StringLike` test.
    public static func branchProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty; leave it out for every branch" }
        if let violation = CharacterRule.gitBranch.violation(in: name) { return violation }
        if name.contains("..") || name.contains("@{") || name.contains("//") || name == "@"
            || name.hasPrefix("/") || name.hasSuffix("/") || name.hasPrefix(".") || name.hasSuffix(".")
            || name.hasSuffix(".lock") || name.hasPrefix("-")
        {
            return "\(CharacterRule.quote(name)) is not a Git branch name (no \"..\", \"@{\", \"//\", leading \"-\" or \".\", and no \"/\" or \".\" or \".lock\" at the end)"
        }
        return nil
    }
}
