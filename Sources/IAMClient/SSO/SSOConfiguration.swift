import Foundation

/// A profile's IAM Identity Center settings, resolved as botocore's
/// `SSOProvider._load_sso_config` does: the `[sso-session NAME]` section named
/// by `sso_session` merged into the profile (a key set differently in both is an
/// error), or the legacy `sso_start_url` / `sso_region` in the profile itself.
public struct SSOConfiguration: Sendable, Hashable {
    /// The `sso_session` name; nil for the legacy form.
    public var sessionName: String?
    /// `sso_start_url`: the organization's AWS access portal URL.
    public var startURL: String
    /// Where the portal and OIDC endpoints are (`sso_region`).
    public var region: String
    /// `sso_registration_scopes` of the session (default `sso:account:access`).
    public var registrationScopes: [String]

    /// The token cache names the file after the session, or after the start URL
    /// for the legacy form (botocore's `SSOTokenLoader._generate_cache_key`).
    public var tokenCacheKey: String { sessionName ?? startURL }

    /// The sign-in settings of `profile`, for `rolewiz login`: no account or role needed.
    public static func signIn(profile name: String, in profiles: ProfileStore) throws -> SSOConfiguration {
        let settings = profiles.profile(name) ?? [:]
        let merged = try merge(profile: name, settings: settings, sessions: profiles.ssoSessions)
        let missing = ["sso_start_url", "sso_region"].filter { merged.setting($0) == nil }
        guard missing.isEmpty else {
            throw invalid(name, "profile \(name) has no IAM Identity Center sign-in settings (missing \(missing.joined(separator: ", "))); add sso_session with an [sso-session NAME] section, or sso_start_url and sso_region")
        }
        return SSOConfiguration(merged)
    }

    init(_ merged: [String: String]) {
        sessionName = merged.setting("sso_session")
        startURL = merged.setting("sso_start_url") ?? ""
        region = merged.setting("sso_region") ?? ""
        let scopes = merged.setting("sso_registration_scopes")?.split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
        registrationScopes = sessionName == nil ? [] : (scopes.isEmpty ? ["sso:account:access"] : scopes)
    }

    /// The profile's settings with its `[sso-session]` section laid over them.
    static func merge(profile name: String, settings: [String: String], sessions: [String: [String: String]]) throws -> [String: String] {
        guard let sessionName = settings.setting("sso_session") else { return settings }
        guard let session = sessions[sessionName] else {
            throw invalid(name, "profile \(name) names sso_session \(sessionName), but there is no [sso-session \(sessionName)] section in the config file")
        }
        var merged = settings
        for (key, value) in session {
            if let own = settings[key], own != value {
                throw invalid(name, "\(key) is \(own) in profile \(name) but \(value) in [sso-session \(sessionName)]; make them agree")
            }
            merged[key] = value
        }
        return merged
    }

    static func invalid(_ profile: String, _ message: String) -> CredentialError {
        CredentialError(source: ProfileCredentialResolver.sourceName(profile), kind: .invalidConfiguration, message: message)
    }
}

/// A profile that signs in to a role through IAM Identity Center: the sign-in,
/// and the account and role whose credentials the portal hands out.
struct SSORoleConfiguration: Sendable, Hashable {
    var signIn: SSOConfiguration
    var accountId: String
    var roleName: String

    /// botocore requires all four of `sso_start_url`, `sso_region`,
    /// `sso_account_id`, `sso_role_name` once either of the last two is set.
    static func resolve(profile name: String, in profiles: ProfileStore) throws -> SSORoleConfiguration {
        let settings = profiles.profile(name) ?? [:]
        let merged = try SSOConfiguration.merge(profile: name, settings: settings, sessions: profiles.ssoSessions)
        let required = ["sso_role_name", "sso_account_id", "sso_start_url", "sso_region"]
        let missing = required.filter { merged.setting($0) == nil }
        guard missing.isEmpty else {
            throw SSOConfiguration.invalid(name, "profile \(name) signs in through IAM Identity Center but lacks \(missing.joined(separator: ", "))")
        }
        return SSORoleConfiguration(
            signIn: SSOConfiguration(merged), accountId: merged.setting("sso_account_id") ?? "", roleName: merged.setting("sso_role_name") ?? "")
    }
}
