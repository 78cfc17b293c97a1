import Foundation

/// The AWS CLI's credential chain: the first source that is configured wins.
/// The order is botocore's, checked against it by a differential test.
///
/// 0. Neither config file may have a line that does not parse (botocore refuses both then).
/// 1. `environment`: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`
///    (skipped when a profile is given with `--profile`, as the CLI does).
/// 2. `profile NAME`: the profile from `--profile`, `AWS_PROFILE` or `default`, in the
///    order `ProfileCredentialResolver` lists. When the profile does not assume a role
///    and `AWS_WEB_IDENTITY_TOKEN_FILE` is set, it steps aside for web identity.
/// 3. `web identity`: `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN` (a token file
///    without a role ARN is an error, not a fall-through).
/// 4. `container`: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or `..._FULL_URI`.
/// 5. `instance metadata`: EC2 IMDSv2, unless `AWS_EC2_METADATA_DISABLED=true`.
///
/// The sources are examined at the first `credentials()` call; the one found is
/// kept and asked again on later calls (temporary credentials are cached and
/// refreshed by it). A source that is configured but fails stops the chain with
/// a `CredentialError`; when none is configured the chain throws
/// `NoCredentialsError`, which lists every source and what it lacked.
public struct CredentialChain: CredentialProvider {
    /// One source of the chain.
    struct Link: Sendable {
        var name: String
        /// Reads the settings; no network.
        var locate: @Sendable () throws -> SourceLocation
        /// True for probes such as instance metadata, whose failure means
        /// "not on EC2" rather than "misconfigured".
        var failureMeansUnavailable = false
    }

    private let links: [Link]
    private let preflight: (@Sendable () throws -> Void)?
    private let state = ChainState()

    init(links: [Link], preflight: (@Sendable () throws -> Void)? = nil) {
        self.links = links
        self.preflight = preflight
    }

    /// The sources in the order they are tried, such as
    /// `["environment", "profile default", "web identity", "container", "instance metadata"]`.
    public var sourceNames: [String] { links.map(\.name) }

    /// The first configured source's credentials; later calls go straight to the source that won.
    public func credentials() async throws -> AWSCredentials {
        try await state.credentials(links: links, preflight: preflight)
    }

    /// What each source held at the last resolution, in order; empty before the first
    /// `credentials()` call. After a success the last entry is the source used.
    public func attempts() async -> [CredentialSourceAttempt] {
        await state.attempts
    }

    /// The chain rolewiz uses.
    ///
    /// - Parameters:
    ///   - profileName: the `--profile` option. It wins over `AWS_PROFILE` and, as in
    ///     the AWS CLI, makes the chain ignore credentials in environment variables.
    ///     A profile named here or in `AWS_PROFILE` must exist.
    ///   - environment: the process environment, passed explicitly so tests do not depend on it.
    ///   - profiles: the shared config and credentials files, loaded with the same environment.
    ///   - makeSTS: an STS client signed with the given provider's credentials (unsigned for nil),
    ///     already pointed at the right endpoint and region.
    ///   - transport: for the container and instance metadata endpoints and IAM Identity Center.
    ///   - mfaPrompt: asks for the code of a profile's `mfa_serial`; nil when nobody
    ///     can be asked, and then such a profile fails with `MFACodeUnavailableError`.
    public static func standard(
        profileName: String?,
        environment: [String: String],
        profiles: ProfileStore,
        makeSTS: @escaping @Sendable (_ source: (any CredentialProvider)?) -> any STSOperations,
        transport: any HTTPTransport,
        mfaPrompt: MFACodePrompt? = nil
    ) -> CredentialChain {
        standard(
            profileName: profileName, environment: environment, profiles: profiles,
            makeSTS: makeSTS, transport: transport, tuning: ChainTuning(), mfaPrompt: mfaPrompt
        )
    }

    static func standard(
        profileName: String?,
        environment: [String: String],
        profiles: ProfileStore,
        makeSTS: @escaping @Sendable (_ source: (any CredentialProvider)?) -> any STSOperations,
        transport: any HTTPTransport,
        tuning: ChainTuning,
        mfaPrompt: MFACodePrompt? = nil
    ) -> CredentialChain {
        let flagProfile = profileName.flatMap { $0.isEmpty ? nil : $0 }
        let environmentProfile = environment.setting("AWS_PROFILE")
        let selectedProfile = flagProfile ?? environmentProfile ?? "default"
        let ignoredBecauseOfFlag = flagProfile.map { "ignored because --profile \($0) was given" }
        let resolver = ProfileCredentialResolver(
            profiles: profiles, environment: environment, makeSTS: makeSTS, transport: transport, tuning: tuning,
            ignoresEnvironment: flagProfile != nil, mfaPrompt: mfaPrompt
        )
        return CredentialChain(links: [
            Link(name: EnvironmentCredentialProvider.sourceName) {
                if let ignoredBecauseOfFlag { return .disabled(ignoredBecauseOfFlag) }
                return try EnvironmentCredentialProvider.locate(environment: environment)
            },
            Link(name: ProfileCredentialResolver.sourceName(selectedProfile)) {
                try resolver.locate(profile: selectedProfile, namedExplicitly: flagProfile != nil || environmentProfile != nil)
            },
            Link(name: WebIdentityCredentialProvider.sourceName) {
                if let ignoredBecauseOfFlag { return .disabled(ignoredBecauseOfFlag) }
                return try WebIdentityCredentialProvider.locate(environment: environment, makeSTS: makeSTS, now: tuning.now)
            },
            Link(name: ContainerCredentialProvider.sourceName) {
                try ContainerCredentialProvider.locate(
                    environment: environment, transport: transport,
                    host: tuning.containerHost, retryPause: tuning.containerRetryPause, now: tuning.now
                )
            },
            Link(name: InstanceMetadataCredentialProvider.sourceName, locate: {
                try InstanceMetadataCredentialProvider.locate(
                    environment: environment, transport: transport,
                    defaultEndpoint: tuning.instanceMetadataEndpoint, now: tuning.now
                )
            }, failureMeansUnavailable: true),
        ], preflight: { try resolver.checkFiles(profile: selectedProfile) })
    }
}
