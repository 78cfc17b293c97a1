import Foundation

/// Turns a profile of the shared config/credentials files into a provider,
/// with botocore's precedence inside one profile:
/// `role_arn` (with `web_identity_token_file`, `source_profile` or
/// `credential_source`), then static keys, then `credential_process`.
///
/// A profile used as another's `source_profile` prefers its own static keys to
/// its `role_arn`, which is how a profile may name itself as its source.
struct ProfileCredentialResolver: Sendable {
    var profiles: ProfileStore
    var environment: [String: String]
    var makeSTS: @Sendable ((any CredentialProvider)?) -> any STSOperations
    var transport: any HTTPTransport
    var tuning: ChainTuning

    /// The chain's profile source. A profile that was asked for by name must
    /// exist; the implicit `default` may be missing.
    func locate(profile name: String, namedExplicitly: Bool) throws -> SourceLocation {
        if !profiles.problems.isEmpty {
            let shown = profiles.problems.prefix(5).map { problem in
                var located = problem
                located.path = profiles.displayPath(problem.path)
                return located.description
            }
            throw CredentialError(
                source: Self.sourceName(name), kind: .invalidConfiguration,
                message: "cannot parse the AWS config files: " + shown.joined(separator: "; ")
            )
        }
        guard profiles.profile(name) != nil else {
            guard namedExplicitly else { return .notConfigured("not found in \(filesDescription)") }
            let known = profiles.profileNames
            let hint = known.isEmpty ? "there are no profiles" : "profiles there: " + known.joined(separator: ", ")
            throw CredentialError(
                source: Self.sourceName(name), kind: .profileNotFound,
                message: "profile \(name) is not in \(filesDescription) (\(hint))"
            )
        }
        return try resolve(name, visited: [], asSource: false)
    }

    static func sourceName(_ profile: String) -> String { "profile \(profile)" }

    private var filesDescription: String {
        "\(profiles.displayPath(profiles.credentialsPath)) or \(profiles.displayPath(profiles.configPath))"
    }

    private func resolve(_ name: String, visited: [String], asSource: Bool) throws -> SourceLocation {
        let settings = profiles.profile(name) ?? [:]
        let source = Self.sourceName(name)
        let staticKeys = try staticCredentials(settings, profile: name)
        if let roleArn = settings.setting("role_arn") {
            if let tokenFile = settings.setting("web_identity_token_file") {
                return .provider(try webIdentity(roleArn: roleArn, tokenFile: tokenFile, settings: settings, profile: name))
            }
            if asSource, let staticKeys {
                return .provider(StaticCredentialProvider(staticKeys))
            }
            return .provider(try assumeRole(roleArn: roleArn, settings: settings, profile: name, visited: visited + [name], staticKeys: staticKeys))
        }
        if let staticKeys {
            return .provider(StaticCredentialProvider(staticKeys))
        }
        if let commandLine = settings.setting("credential_process") {
            let provider = ProcessCredentialProvider(commandLine: commandLine, environment: environment, source: source, now: tuning.now)
            return .provider(CachedCredentialProvider(provider, now: tuning.now))
        }
        if settings.setting("sso_session") != nil || settings.setting("sso_start_url") != nil {
            throw invalid(
                name,
                "profile \(name) signs in through IAM Identity Center (sso_session / sso_start_url), which rolewiz does not support; "
                    + "run `eval \"$(aws configure export-credentials --profile \(name) --format env)\"` and try again"
            )
        }
        let present = settings.keys.sorted()
        return .notConfigured(
            present.isEmpty ? "has no settings" : "has no credentials, only " + present.joined(separator: ", ")
        )
    }

    /// `aws_access_key_id` with `aws_secret_access_key`; a key without its secret is an error.
    private func staticCredentials(_ settings: [String: String], profile: String) throws -> AWSCredentials? {
        guard let accessKeyId = settings.setting("aws_access_key_id") else { return nil }
        guard let secret = settings.setting("aws_secret_access_key") else {
            throw invalid(profile, "profile \(profile) has aws_access_key_id but no aws_secret_access_key")
        }
        return AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret,
            sessionToken: settings.setting("aws_session_token") ?? settings.setting("aws_security_token"),
            source: Self.sourceName(profile)
        )
    }

    private func webIdentity(roleArn: String, tokenFile: String, settings: [String: String], profile: String) throws -> any CredentialProvider {
        let provider = WebIdentityCredentialProvider(
            roleArn: roleArn, tokenFile: ProfileStore.expand(tokenFile, home: profiles.home ?? ""),
            sessionName: sessionName(settings),
            durationSeconds: try durationSeconds(settings, profile: profile),
            sts: makeSTS(nil), source: Self.sourceName(profile)
        )
        return CachedCredentialProvider(provider, now: tuning.now)
    }

    private func assumeRole(
        roleArn: String, settings: [String: String], profile: String, visited: [String], staticKeys: AWSCredentials?
    ) throws -> any CredentialProvider {
        if settings.setting("mfa_serial") != nil {
            throw invalid(
                profile,
                "profile \(profile) requires an MFA code (mfa_serial), which rolewiz cannot prompt for; "
                    + "get session credentials with `aws sts assume-role` and export them instead"
            )
        }
        let sourceCredentials: any CredentialProvider
        switch (settings.setting("source_profile"), settings.setting("credential_source")) {
        case (.some, .some):
            throw invalid(profile, "profile \(profile) sets both source_profile and credential_source; keep one")
        case (nil, nil):
            throw invalid(profile, "profile \(profile) has role_arn but neither source_profile nor credential_source")
        case (let sourceProfile?, nil):
            sourceCredentials = try sourceProfileCredentials(sourceProfile, of: profile, visited: visited, staticKeys: staticKeys)
        case (nil, let credentialSource?):
            sourceCredentials = try credentialSourceProvider(credentialSource, of: profile)
        }
        let provider = AssumeRoleCredentialProvider(
            roleArn: roleArn, sessionName: sessionName(settings), externalId: settings.setting("external_id"),
            durationSeconds: try durationSeconds(settings, profile: profile),
            sourceCredentials: sourceCredentials, sts: makeSTS(sourceCredentials), source: Self.sourceName(profile)
        )
        return CachedCredentialProvider(provider, now: tuning.now)
    }

    private func sourceProfileCredentials(
        _ sourceProfile: String, of profile: String, visited: [String], staticKeys: AWSCredentials?
    ) throws -> any CredentialProvider {
        if sourceProfile == profile {
            guard let staticKeys else {
                throw CredentialError(
                    source: Self.sourceName(profile), kind: .profileCycle,
                    message: "profile \(profile) names itself as source_profile but has no aws_access_key_id and aws_secret_access_key"
                )
            }
            return StaticCredentialProvider(staticKeys)
        }
        if visited.contains(sourceProfile) {
            throw CredentialError(
                source: Self.sourceName(profile), kind: .profileCycle,
                message: "source_profile loop: " + (visited + [sourceProfile]).joined(separator: " -> ")
            )
        }
        guard profiles.profile(sourceProfile) != nil else {
            throw invalid(profile, "source_profile \(sourceProfile) of profile \(profile) is not in \(filesDescription)")
        }
        switch try resolve(sourceProfile, visited: visited, asSource: true) {
        case .provider(let provider):
            return provider
        case .notConfigured(let reason), .disabled(let reason):
            throw invalid(profile, "source_profile \(sourceProfile) of profile \(profile) \(reason)")
        }
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

    private func sessionName(_ settings: [String: String]) -> String {
        settings.setting("role_session_name") ?? AssumeRoleCredentialProvider.defaultSessionName(now: tuning.now())
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
