import ArgumentParser
import Foundation
import Provisioning
import SafeText

/// Which accounts `plan` and `apply` work in: the caller's own (the
/// default), listed accounts or a whole AWS Organization through a role
/// assumed in each, or the accounts of named profiles.
struct AccountOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Work in these accounts (12-digit IDs, comma-separated or repeated), assuming --assume-role in each.",
        valueName: "id,id,..."))
    var accounts: [String] = []

    @Flag(help: "Work in every active account of the AWS Organization (run as its management account or a delegated administrator).")
    var organization = false

    @Option(name: .customLong("ou"), help: ArgumentHelp(
        "With --organization: only the accounts in this organizational unit or root and the units below it; repeatable.",
        valueName: "id"))
    var units: [String] = []

    @Option(help: ArgumentHelp(
        "The role to assume in each account of --accounts or --organization (default \(AccountDirectory.defaultRoleName)).",
        valueName: "name"))
    var assumeRole: String?

    @Option(help: ArgumentHelp("The external ID that role's trust policy asks for.", valueName: "id"))
    var externalId: String?

    @Option(help: ArgumentHelp("Work in the account of each of these profiles (comma-separated or repeated).", valueName: "a,b,..."))
    var profiles: [String] = []

    /// Where the accounts come from, once the flags are checked.
    enum Selection: Equatable {
        /// The caller's own account: no account flag was given.
        case caller
        case accounts([String])
        /// Every active account, or those under the units (empty: the whole organization).
        case organization(units: [String])
        case profiles([String])
    }

    var selection: Selection {
        if !profiles.isEmpty { return .profiles(Self.list(profiles)) }
        if !accounts.isEmpty { return .accounts(Self.list(accounts)) }
        if organization || !units.isEmpty { return .organization(units: units) }
        return .caller
    }

    /// True when the run goes to other accounts than the caller's own.
    var isMultiAccount: Bool { selection != .caller }

    func validate() throws {
        let sources = [!accounts.isEmpty, organization || !units.isEmpty, !profiles.isEmpty].filter { $0 }.count
        guard sources <= 1 else { throw ValidationError("Give one of --accounts, --organization and --profiles.") }
        for id in Self.list(accounts) where !AccountDirectory.isAccountId(id) {
            throw ValidationError("--accounts: '\(Self.shown(id))' is not an account ID (12 digits).")
        }
        if Self.list(accounts).isEmpty, !accounts.isEmpty { throw ValidationError("--accounts: give at least one account ID.") }
        for unit in units where !StackSetTarget.isOrganizationalUnitId(unit) {
            throw ValidationError("--ou: '\(Self.shown(unit))' is not an organizational unit ID (ou-xxxx-xxxxxxxx) or root ID (r-xxxx).")
        }
        if Self.list(profiles).isEmpty, !profiles.isEmpty { throw ValidationError("--profiles: give at least one profile name.") }
        let assumes = !accounts.isEmpty || organization || !units.isEmpty
        if !assumes, assumeRole != nil { throw ValidationError("--assume-role goes with --accounts or --organization.") }
        if !assumes, externalId != nil { throw ValidationError("--external-id goes with --accounts or --organization.") }
        if let assumeRole, !AccountDirectory.isRoleName(assumeRole) {
            throw ValidationError("--assume-role: '\(Self.shown(assumeRole))' is not a role name (letters, digits and +=,.@_-, optionally after a path like team/).")
        }
        if let externalId, !AccountDirectory.isExternalId(externalId) {
            throw ValidationError("--external-id: must be 2 to 1224 letters, digits or +=,.@:/_- characters.")
        }
    }

    /// Items of comma-separated, repeatable options, trimmed, without empties.
    static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A value as an error message may show it: inert, and not endless.
    static func shown(_ text: String) -> String {
        String(InertText.line(text).prefix(80))
    }
}
