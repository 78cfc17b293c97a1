import Foundation

/// The checks that need the parsed policy, with positions from its source
/// map. Most are the same for a trust policy and an identity policy (version,
/// elements, Sids, conditions, empty lists, repeated statements); the
/// statement's own elements are checked by the policy's kind.
struct DocumentChecks {
    /// Which grammar the statements follow: a trust policy names who may
    /// assume the role; an identity policy names actions on resources.
    enum Kind {
        case trust, identity

        /// How messages name the policy.
        var noun: String { self == .trust ? "a trust policy" : "an identity policy" }
    }

    let parsed: ParsedPolicy
    let kind: Kind
    let catalogue: ServiceCatalogue
    let today: Date
    private var findings: [LintFinding] = []

    /// The only actions a trust policy can grant.
    static let trustActions = [
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
        "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext",
    ]
    /// Condition keys that tie a service's request to the account or resource it acts for.
    static let sourceKeys = ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths"]

    init(parsed: ParsedPolicy, kind: Kind = .trust, catalogue: ServiceCatalogue, today: Date) {
        self.parsed = parsed
        self.kind = kind
        self.catalogue = catalogue
        self.today = today
    }

    var document: PolicyDocument { parsed.document }

    mutating func run() -> [LintFinding] {
        checkVersion()
        for member in document.otherMembers {
            add(.unknownElement, "\"\(member.key)\" is not an element of IAM policies; IAM will reject or ignore it",
                at: .root.appending(member.key))
        }
        if parsed.json["Statement"] == nil {
            add(.missingStatement, "the policy has no \"Statement\"; \(kind.noun) needs at least one", at: .root)
        } else if document.statements.isEmpty {
            add(.missingStatement, "\"Statement\" is empty; \(kind.noun) needs at least one statement", at: .root.appending("Statement"))
        }
        for (index, statement) in document.statements.enumerated() {
            for member in statement.otherMembers {
                add(.unknownElement, "\"\(member.key)\" is not an element of IAM policy statements",
                    at: JSONPath.root.appending("Statement").appending(index).appending(member.key))
            }
            switch kind {
            case .trust: check(statement, at: JSONPath.root.appending("Statement").appending(index))
            case .identity: checkIdentity(statement, at: JSONPath.root.appending("Statement").appending(index))
            }
            checkEmptyLists(statement, index: index)
            checkConditions(statement, at: JSONPath.root.appending("Statement").appending(index))
        }
        checkSids()
        checkMergeable()
        return findings
    }

    private mutating func checkVersion() {
        let path = JSONPath.root.appending("Version")
        switch document.version {
        case nil:
            add(.versionMissing, "no \"Version\"; IAM then uses 2008-10-17, which lacks policy variables; add \"Version\": \"\(PolicyDocument.currentVersion)\"", at: .root)
        case PolicyDocument.legacyVersion?:
            add(.versionOld, "Version 2008-10-17 lacks policy variables; use \(PolicyDocument.currentVersion)", at: path)
        case PolicyDocument.currentVersion?:
            break
        case let version?:
            add(.versionInvalid, "\"\(version)\" is not a policy language version; IAM accepts only \"\(PolicyDocument.currentVersion)\" and \"\(PolicyDocument.legacyVersion)\"", at: path)
        }
    }

    private mutating func check(_ statement: PolicyStatement, at path: JSONPath) {
        if statement.notPrincipal != nil {
            add(.trustNotPrincipal, "a trust policy cannot use NotPrincipal; name who may assume the role in Principal", at: path.appending("NotPrincipal"))
        } else if statement.principal == nil {
            add(.trustPrincipalMissing, "the statement has no Principal; a trust policy statement must say who may assume the role", at: path)
        }
        for (name, list) in [("Resource", statement.resource), ("NotResource", statement.notResource)] where list != nil {
            add(.trustResource, "a trust policy cannot have \(name); the resource is always the role itself", at: path.appending(name))
        }
        checkActions(statement, at: path)
        if let principal = statement.principal {
            check(principal, of: statement, at: path.appending("Principal"))
            checkPrincipalValues(principal, at: path.appending("Principal"))
            checkFederation(statement, principal: principal, at: path)
            checkPrincipalConditions(statement, principal: principal, at: path)
        }
    }

    private mutating func checkActions(_ statement: PolicyStatement, at path: JSONPath) {
        guard statement.action != nil || statement.notAction != nil else {
            add(.trustActionMissing, "the statement has no Action; a trust policy grants sts:AssumeRole or another sts: action", at: path)
            return
        }
        for (name, list) in [("Action", statement.action), ("NotAction", statement.notAction)] {
            for (index, action) in (list?.values ?? []).enumerated() {
                guard !Self.isTrustAction(action) else {
                    if Self.serviceHasWildcard(action) {
                        add(.actionServiceWildcard,
                            "\"\(action)\" has a wildcard in its service name; write sts: so it cannot reach a similarly named service",
                            at: path.appending(name).appending(index))
                    }
                    continue
                }
                let hint = DidYouMean.hint(for: action, among: Self.trustActions)
                add(.trustActionInvalid,
                    "\"\(action)\" cannot be granted by a trust policy\(hint); it allows only \(Self.trustActions.joined(separator: ", ")) and wildcards over them",
                    at: path.appending(name).appending(index))
            }
        }
    }

    private mutating func check(_ principal: Principal, of statement: PolicyStatement, at path: JSONPath) {
        if statement.effect == .allow, principal.includesAnyone {
            let wildcardPath = principal == .anyone ? path : path.appending("AWS").appending(principal.values(of: .aws).firstIndex(of: "*") ?? 0)
            if statement.conditions.isEmpty {
                add(.trustPrincipalWildcard, "anyone in any AWS account could assume this role; name the principals, or add a condition that limits them", at: wildcardPath)
            } else {
                add(.trustPrincipalWildcardConditioned, "the role trusts every AWS principal that meets the condition; check that the condition alone is enough", at: wildcardPath)
            }
        }
        guard case .entries(let entries) = principal else { return }
        for entry in entries {
            var seen: Set<String> = []
            for (index, value) in entry.values.values.enumerated() where !seen.insert(value.lowercased()).inserted {
                add(.principalDuplicate, "\(value) is listed twice in \(entry.kind.rawValue); once is enough", at: path.appending(entry.kind.rawValue).appending(index))
            }
        }
        let services = principal.values(of: .service)
        for (index, service) in services.enumerated() {
            checkService(service, at: path.appending("Service").appending(index))
        }
        let limited = statement.conditions.contains { clause in Self.sourceKeys.contains { clause.tests($0) } }
        if statement.effect == .allow, !services.isEmpty, !limited {
            let names = services.joined(separator: ", ")
            add(.trustServiceConfusedDeputy,
                "\(names) can assume this role for requests made on behalf of any account; add a condition on aws:SourceAccount or aws:SourceArn (where the service supports them) so it acts only for yours",
                at: path.appending("Service"))
        }
    }

    private mutating func checkService(_ service: String, at path: JSONPath) {
        if let problem = ServicePrincipal.formatProblem(service) {
            let hint = catalogue.suggestions(for: service).first.map { " (did you mean \($0.principal)?)" } ?? ""
            add(.trustServicePrincipalMalformed, problem + hint, at: path)
        } else if let known = catalogue.service(forPrincipal: service) {
            if let notice = known.supportNotice(asOf: today) {
                add(.serviceEndOfSupport, "\(notice); \(service) may no longer use this role", at: path)
            }
        } else if !ServicePrincipal.isKnown(service) {
            let hint = catalogue.suggestions(for: service).first.map { "; did you mean \($0.principal)?" } ?? "; check the spelling"
            add(.servicePrincipalUnknown, "\(service) is not a service rolewiz knows to assume roles\(hint)", at: path)
        }
    }

    /// A statement that repeats another adds nothing; statements that differ
    /// only in their principal can be one statement listing both.
    private mutating func checkMergeable() {
        var firstByText: [String: Int] = [:]
        var firstByShape: [String: Int] = [:]
        for (index, statement) in document.statements.enumerated() {
            let path = JSONPath.root.appending("Statement").appending(index)
            if let first = firstByText[statement.canonicalText] {
                add(.statementDuplicate, "Statement[\(index)] means the same as Statement[\(first)]; remove one of them", at: path)
                continue
            }
            firstByText[statement.canonicalText] = index
            guard case .entries? = statement.principal else { continue }
            let shape = statement.canonicalTextIgnoringPrincipal
            if let first = firstByShape[shape] {
                add(.statementsMergeable,
                    "Statement[\(index)] differs from Statement[\(first)] only in its principal; list both principals in one statement",
                    at: path)
            } else {
                firstByShape[shape] = index
            }
        }
    }

    static func isTrustAction(_ action: String) -> Bool {
        guard action.contains("*") || action.contains("?") else {
            return trustActions.contains { $0.caseInsensitiveEquals(action) }
        }
        guard let colon = action.firstIndex(of: ":"), Glob.matches(String(action[..<colon]), "sts") else { return false }
        return trustActions.contains { Glob.matches(action, $0) }
    }

    /// `st*:AssumeRole`: valid, but the service part could match other services' names.
    static func serviceHasWildcard(_ action: String) -> Bool {
        guard let colon = action.firstIndex(of: ":") else { return false }
        return action[..<colon].contains { $0 == "*" || $0 == "?" }
    }

    mutating func add(_ code: LintCode, _ message: String, at path: JSONPath) {
        let subject: LintFinding.Subject = kind == .trust ? .trustPolicy(path) : .identityPolicy(path)
        findings.append(LintFinding(code, message, subject: subject, position: parsed.sourceMap.position(of: path)))
    }
}

/// IAM's wildcards: `*` for any run of characters, `?` for one; actions
/// compare ignoring case, resource ARNs with it.
enum Glob {
    static func matches(_ pattern: String, _ text: String, ignoringCase: Bool = true) -> Bool {
        let p = Array((ignoringCase ? pattern.lowercased() : pattern).unicodeScalars)
        let t = Array((ignoringCase ? text.lowercased() : text).unicodeScalars)
        var (pi, ti) = (0, 0)
        var star: (p: Int, t: Int)?
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = (pi, ti)
                pi += 1
            } else if let last = star {
                pi = last.p + 1
                ti = last.t + 1
                star = (last.p, last.t + 1)
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
