import Foundation

/// Turns a profile of the shared config/credentials files into a provider,
/// in botocore's order (`create_credential_resolver` and `ProfileProviderBuilder`):
///
/// 1. `role_arn` without `web_identity_token_file`: STS AssumeRole from a
///    `source_profile` or a `credential_source` (with `mfa_serial`, a code asked for);
/// 2. web identity: `web_identity_token_file` with `role_arn` (each of the two,
///    and `role_session_name`, taken from `AWS_WEB_IDENTITY_TOKEN_FILE`,
///    `AWS_ROLE_ARN`, `AWS_ROLE_SESSION_NAME` first unless `--profile` was given);
/// 3. IAM Identity Center: `sso_account_id` / `sso_role_name`;
/// 4. static keys in the credentials file;
/// 5. `credential_process`;
/// 6. static keys in the config file.
///
/// A profile used as another's `source_profile` goes through the same steps
/// (without the environment) when it has static keys or no `role_arn`,
/// which is how a profile may name itself as its source.
struct ProfileCredentialResolver: Sendable {
    var profiles: ProfileStore
    var environment: [String: String]
    var makeSTS: @Sendable ((any CredentialProvider)?) -> any STSOperations
    var transport: any HTTPTransport
    var tuning: ChainTuning
    /// True when `--profile` was given: then, as in the AWS CLI, the web identity
    /// variables of the environment are not read.
    var ignoresEnvironment = false
    /// Asks for MFA codes; nil when there is no one to ask.
    var mfaPrompt: MFACodePrompt?

    /// Stops the chain before any source when a file does not parse: botocore
    /// refuses to read either file then, even for keys in the environment.
    func checkFiles(profile name: String) throws {
        try Self.checkFiles(profiles, profile: name)
    }

    static func checkFiles(_ profiles: ProfileStore, profile name: String) throws {
        guard !profiles.problems.isEmpty else { return }
        let shown = profiles.problems.prefix(5).map { problem in
            var located = problem
            located.path = profiles.displayPath(problem.path)
            return located.description
        }
        throw CredentialError(
            source: sourceName(name), kind: .invalidConfiguration,
            message: "cannot parse the AWS config files: " + shown.joined(separator: "; ")
        )
    }

    /// The chain's profile source. A profile that was asked for by name must
    /// exist; the implicit `default` may be missing.
    func locate(profile name: String, namedExplicitly: Bool) throws -> SourceLocation {
        guard let settings = profiles.profile(name) else {
            guard namedExplicitly else { return .notConfigured("not found in \(filesDescription)") }
            let known = profiles.profileNames
            let hint = known.isEmpty ? "there are no profiles" : "profiles there: " + known.joined(separator: ", ")
            throw CredentialError(
                source: Self.sourceName(name), kind: .profileNotFound,
                message: "profile \(name) is not in \(filesDescription) (\(hint))"
            )
        }
        if Self.hasAssumeRoleSettings(settings) {
            return .provider(try assumeRole(name, visited: [name]))
        }
        // Web identity from the environment comes before everything below in botocore's
        // chain, so the profile's other settings are not even looked at (nor their errors).
        if !ignoresEnvironment, settings.setting("web_identity_token_file") == nil,
           environment.setting("AWS_WEB_IDENTITY_TOKEN_FILE") != nil {
            return .disabled("AWS_WEB_IDENTITY_TOKEN_FILE is set, and web identity comes before the profile's own credentials")
        }
        if let own = try profileProviders(name, readsEnvironment: !ignoresEnvironment) { return .provider(own) }
        let present = settings.keys.sorted()
        return .notConfigured(
            present.isEmpty ? "has no settings" : "has no credentials, only " + present.joined(separator: ", ")
        )
    }

    static func sourceName(_ profile: String) -> String { "profile \(profile)" }

    private var filesDescription: String {
        "\(profiles.displayPath(profiles.credentialsPath)) or \(profiles.displayPath(profiles.configPath))"
    }

    /// `role_arn` that is not for web identity: botocore's assume-role provider takes it.
    static func hasAssumeRoleSettings(_ settings: [String: String]) -> Bool {
        settings.setting("role_arn") != nil && settings.setting("web_identity_token_file") == nil
    }

    private static func hasStaticKeys(_ settings: [String: String]) -> Bool {
        settings.setting("aws_access_key_id") != nil || settings.setting("aws_secret_access_key") != nil
    }

    /// Steps 2 to 6: everything a profile holds besides an assumed role, or nil.
    private func profileProviders(_ name: String, readsEnvironment: Bool) throws -> (any CredentialProvider)? {
        let settings = profiles.profile(name) ?? [:]
        let source = Self.sourceName(name)
        if let provider = try profileWebIdentity(name, settings: settings, readsEnvironment: readsEnvironment) {
            return provider
        }
        if settings.setting("sso_account_id") != nil || settings.setting("sso_role_name") != nil {
            return try identityCenter(name)
        }
        if let keys = try staticCredentials(profiles.credentialsProfiles[name] ?? [:], profile: name, file: profiles.credentialsPath) {
            return StaticCredentialProvider(keys)
        }
        if let commandLine = settings.setting("credential_process") {
            let provider = ProcessCredentialProvider(commandLine: commandLine, environment: environment, source: source, now: tuning.now)
            return CachedCredentialProvider(provider, now: tuning.now)
        }
        if let keys = try staticCredentials(profiles.configProfiles[name] ?? [:], profile: name, file: profiles.configPath) {
            return StaticCredentialProvider(keys)
        }
        return nil
    }

    /// A profile's `web_identity_token_file`, with the environment's values first.
    private func profileWebIdentity(_ name: String, settings: [String: String], readsEnvironment: Bool) throws -> (any CredentialProvider)? {
        func value(_ key: String, _ variable: String) -> String? {
            (readsEnvironment ? environment.setting(variable) : nil) ?? settings.setting(key)
        }
        guard settings.setting("web_identity_token_file") != nil,
              let tokenFile = value("web_identity_token_file", "AWS_WEB_IDENTITY_TOKEN_FILE") else { return nil }
        guard let roleArn = value("role_arn", "AWS_ROLE_ARN") else {
            throw invalid(name, "profile \(name) has web_identity_token_file but no role_arn (nor AWS_ROLE_ARN)")
        }
        let provider = WebIdentityCredentialProvider(
            roleArn: roleArn, tokenFile: ProfileStore.expand(tokenFile, home: profiles.home ?? ""),
            sessionName: value("role_session_name", "AWS_ROLE_SESSION_NAME")
                ?? AssumeRoleCredentialProvider.defaultSessionName(now: tuning.now()),
            durationSeconds: try durationSeconds(settings, profile: name),
            sts: makeSTS(nil), source: Self.sourceName(name)
        )
        return CachedCredentialProvider(provider, now: tuning.now)
    }

    /// Step 3: the portal's role credentials, paid for with the cached sign-in.
    private func identityCenter(_ name: String) throws -> any CredentialProvider {
        let role = try SSORoleConfiguration.resolve(profile: name, in: profiles)
        let settings = profiles.profile(name) ?? [:]
        let portalURL: URL
        let oidcURL: URL
        do {
            portalURL = try SSOEndpoints.portal(region: role.signIn.region, environment: environment, profile: settings, profileName: name)
            oidcURL = try SSOEndpoints.oidc(region: role.signIn.region, environment: environment, profile: settings, profileName: name)
        } catch let error as ClientConfigurationError {
            throw invalid(name, error.message)
        }
        let tokens = SSOTokenProvider(
            configuration: role.signIn, cache: SSOTokenCache(home: profiles.home ?? ""),
            oidc: SSOOIDCClient(endpoint: oidcURL, transport: transport), profile: name, now: tuning.now)
        let provider = SSOCredentialProvider(
            role: role, tokens: tokens, portal: SSOPortalClient(endpoint: portalURL, transport: transport), profile: name)
        return CachedCredentialProvider(provider, now: tuning.now)
    }

    /// `aws_access_key_id` with `aws_secret_access_key` in one file's section;
    /// a key without its secret there is an error, as botocore's `PartialCredentialsError`.
    private func staticCredentials(_ settings: [String: String], profile: String, file: String) throws -> AWSCredentials? {
        guard let accessKeyId = settings.setting("aws_access_key_id") else { return nil }
        guard let secret = settings.setting("aws_secret_access_key") else {
            throw invalid(profile, "profile \(profile) has aws_access_key_id but no aws_secret_access_key in \(profiles.displayPath(file))")
        }
        return AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret,
            sessionToken: settings.setting("aws_session_token") ?? settings.setting("aws_security_token"),
            source: Self.sourceName(profile)
        )
    }

    /// Step 1 for `name`, whose settings have `role_arn`; `visited` holds the
    /// profiles on the way here, to find `source_profile` loops as botocore does.
    private func assumeRole(_ name: String, visited: [String]) throws -> any CredentialProvider {
        let settings = profiles.profile(name) ?? [:]
        let roleArn = settings.setting("role_arn") ?? ""
        let sourceCredentials: any CredentialProvider
        switch (settings.setting("source_profile"), settings.setting("credential_source")) {
        case (.some, .some):
            throw invalid(name, "profile \(name) sets both source_profile and credential_source; keep one")
        case (nil, nil):
            throw invalid(name, "profile \(name) has role_arn but neither source_profile nor credential_source")
        case (let sourceProfile?, nil):
            sourceCredentials = try sourceProfileCredentials(sourceProfile, of: name, visited: visited)
        case (nil, let credentialSource?):
            sourceCredentials = try credentialSourceProvider(credentialSource, of: name)
        }
        let mfa = settings.setting("mfa_serial").map { serial in
            AssumeRoleCredentialProvider.MFA(
                serialNumber: serial, prompt: mfaPrompt,
                challenge: MFAChallenge(profile: name, serialNumber: serial, roleArn: roleArn)
            )
        }
        let sessionName = settings.setting("role_session_name")
        let provider = AssumeRoleCredentialProvider(
            roleArn: roleArn, sessionName: sessionName ?? AssumeRoleCredentialProvider.defaultSessionName(now: tuning.now()),
            externalId: settings.setting("external_id"), durationSeconds: try durationSeconds(settings, profile: name),
            sourceCredentials: sourceCredentials, sts: makeSTS(sourceCredentials), source: Self.sourceName(name), mfa: mfa
        )
        guard mfa != nil else { return CachedCredentialProvider(provider, now: tuning.now) }
        // MFA credentials are kept where the AWS CLI keeps them, so that neither
        // tool asks for a code again while they last.
        let key = AssumeRoleCacheKey(
            roleArn: roleArn, roleSessionName: sessionName, externalId: settings.setting("external_id"),
            serialNumber: mfa?.serialNumber, durationSeconds: try durationSeconds(settings, profile: name)
        )
        let cache = CLICredentialCache(directory: CLICredentialCache.directory(home: profiles.home ?? ""), now: tuning.now)
        return CachedCredentialProvider(cache.provider(
            for: key.fileName, fetching: provider, source: "\(Self.sourceName(name)) (role \(roleArn), from the AWS CLI cache)"), now: tuning.now)
    }

    /// A `source_profile`: botocore's `_resolve_credentials_from_profile`.
    private func sourceProfileCredentials(_ sourceProfile: String, of profile: String, visited: [String]) throws -> any CredentialProvider {
        guard let settings = profiles.profile(sourceProfile) else {
            throw invalid(profile, "source_profile \(sourceProfile) of profile \(profile) is not in \(filesDescription)")
        }
        if visited.contains(sourceProfile), sourceProfile != profile || !Self.hasStaticKeys(settings) {
            let detail = sourceProfile == profile ? "profile \(profile) names itself as source_profile but has no aws_access_key_id and aws_secret_access_key" : "source_profile loop: " + (visited + [sourceProfile]).joined(separator: " -> ")
            throw CredentialError(source: Self.sourceName(profile), kind: .profileCycle, message: detail)
        }
        if Self.hasStaticKeys(settings) || !Self.hasAssumeRoleSettings(settings) {
            guard let provider = try profileProviders(sourceProfile, readsEnvironment: false) else {
                let present = settings.keys.sorted()
                let reason = present.isEmpty ? "has no settings" : "has no credentials, only " + present.joined(separator: ", ")
                throw invalid(profile, "source_profile \(sourceProfile) of profile \(profile) \(reason)")
            }
            return provider
        }
        return try assumeRole(sourceProfile, visited: visited + [sourceProfile])
    }

    /// `credential_source`: where a profile's role gets its signing credentials
    /// when they are not in another profile.
    private func credentialSourceProvider(_ name: String, of profile: String) throws -> any CredentialProvider {
        let location: SourceLocation
        switch name {
        case "Environment":
            location = try EnvironmentCredentialProvider.locate(environment: environment)
        case "EcsContainer":
            location = try ContainerCredentialProvider.locate(
                environment: environment, transport: transport,
                host: tuning.containerHost, retryPause: tuning.containerRetryPause, now: tuning.now
            )
        case "Ec2InstanceMetadata":
            location = try InstanceMetadataCredentialProvider.locate(
                environment: environment, transport: transport,
                defaultEndpoint: tuning.instanceMetadataEndpoint, now: tuning.now
            )
        default:
            throw invalid(profile, "credential_source of profile \(profile) must be Environment, EcsContainer or Ec2InstanceMetadata, not \(name)")
        }
        switch location {
        case .provider(let provider):
            return provider
        case .notConfigured(let reason), .disabled(let reason):
            throw invalid(profile, "profile \(profile) takes credentials from \(name), but \(reason)")
        }
    }

    private func durationSeconds(_ settings: [String: String], profile: String) throws -> Int? {
        guard let text = settings.setting("duration_seconds") else { return nil }
        guard let seconds = Int(text), seconds > 0 else {
            throw invalid(profile, "duration_seconds of profile \(profile) must be a whole number of seconds, not \(text)")
        }
        return seconds
    }

    private func invalid(_ profile: String, _ message: String) -> CredentialError {
        CredentialError(source: Self.sourceName(profile), kind: .invalidConfiguration, message: message)
    }
}
