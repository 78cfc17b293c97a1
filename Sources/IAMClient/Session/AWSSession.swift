import Foundation

/// The resolved connection to AWS for one run: region, partition, endpoints,
/// credentials and the IAM, STS and Organizations clients, all sharing one
/// transport, one retry policy, one clock correction and one list of request
/// observers. A multi-account run makes one more per account with
/// `assumingRole`, which shares all of that too.
public final class AWSSession: Sendable {
    /// The profile in force: `--profile`, `AWS_PROFILE` or `default` (which may not exist in any file).
    public let profileName: String
    /// The region every regional endpoint and signature uses, such as `us-east-1`.
    public let region: String
    /// Where the region came from: `--region`, `AWS_REGION`, `profile dev`, `default`.
    public let regionOrigin: String
    /// The partition of `region`; ARNs built for this session use its name.
    public let partition: Partition
    /// Where IAM calls go: the partition's global endpoint unless overridden.
    public let iamEndpoint: ServiceEndpoint
    /// Where STS calls go: regional unless the partition's data says otherwise.
    public let stsEndpoint: ServiceEndpoint
    /// Where Organizations calls go; only multi-account runs use it.
    public let organizationsEndpoint: ServiceEndpoint
    /// The credentials every client signs with; the standard chain unless the options gave one.
    public let credentialProvider: any CredentialProvider
    /// Attempts and back-off shared by every client, with the run's deadline.
    public let retry: RetryPolicy
    /// The skew learned from one client's clock error, applied by all.
    public let clock: ClockCorrection
    /// Every attempt of every client is reported to these.
    public let observers: RequestObservers
    /// The one transport every client and credential fetch goes through.
    public let transport: any HTTPTransport
    /// Seconds per attempt, from sending to the last byte.
    public let timeout: TimeInterval
    /// The signed IAM client.
    public let iam: IAMService
    /// The STS client, signed with `credentialProvider`.
    public let sts: STSService
    /// The Organizations client (AWS JSON 1.1), for listing an organization's accounts.
    public let organizations: OrganizationsService

    /// Resolves everything, failing before any connection when a setting cannot
    /// work (a plain-http non-loopback endpoint, a bad region, a missing profile).
    public static func resolve(_ options: ClientOptions) throws -> AWSSession {
        try AWSSession(options)
    }

    private convenience init(_ options: ClientOptions) throws {
        let environment = options.environment
        let profiles = options.profiles ?? ProfileStore.load(environment: environment)
        let (profileName, profile) = try Self.resolveProfile(options.profile, environment: environment, profiles: profiles)
        let endpoints = try EndpointResolver.resolve(
            regionOption: options.region, endpointURLOption: options.endpointURL,
            environment: environment, profile: profile, profileName: profileName)
        let transport = options.transport ?? URLSessionTransport(environment: environment)
        let clock = ClockCorrection(clock: options.clock ?? { Date() })
        let retry = RetryPolicy(
            maxAttempts: try Self.resolveMaxAttempts(options.maxAttempts, environment: environment, profile: profile, profileName: profileName),
            sleep: options.sleep ?? RetryPolicy.taskSleep, deadline: options.deadline)
        let observers = RequestObservers(options.observers)
        if options.debug {
            let sink = options.logSink
            observers.add { event in sink("[rolewiz debug] \(event)") }
        }
        let makeSTS = Self.stsFactory(
            endpoint: endpoints.sts, transport: transport, retry: retry, clock: clock, observers: observers, timeout: options.timeout)
        // The chain gets the --profile option itself, not the resolved name: an
        // explicit --profile turns off environment keys, AWS_PROFILE does not.
        let credentialProvider = options.credentialProvider ?? CredentialChain.standard(
            profileName: options.profile, environment: environment, profiles: profiles,
            makeSTS: { source in makeSTS(source) }, transport: transport, mfaPrompt: options.mfaPrompt)
        self.init(
            profileName: profileName, endpoints: endpoints, credentialProvider: credentialProvider,
            retry: retry, clock: clock, observers: observers, transport: transport, timeout: options.timeout)
    }

    private init(
        profileName: String, endpoints: ResolvedEndpoints, credentialProvider: any CredentialProvider,
        retry: RetryPolicy, clock: ClockCorrection, observers: RequestObservers, transport: any HTTPTransport,
        timeout: TimeInterval
    ) {
        self.profileName = profileName
        self.region = endpoints.region
        self.regionOrigin = endpoints.regionOrigin
        self.partition = endpoints.partition
        self.iamEndpoint = endpoints.iam
        self.stsEndpoint = endpoints.sts
        self.organizationsEndpoint = endpoints.organizations
        self.credentialProvider = credentialProvider
        self.retry = retry
        self.clock = clock
        self.observers = observers
        self.transport = transport
        self.timeout = timeout
        func client(_ endpoint: ServiceEndpoint, _ wire: WireProtocol) -> ServiceClient {
            ServiceClient(
                endpoint: endpoint, wire: wire, credentials: credentialProvider,
                transport: transport, retry: retry, clock: clock, observers: observers, timeout: timeout)
        }
        self.iam = IAMService(client: client(endpoints.iam, .query(version: IAMService.apiVersion)))
        self.sts = STSService(client: client(endpoints.sts, .query(version: STSService.apiVersion)))
        self.organizations = OrganizationsService(client: client(endpoints.organizations, .json(targetPrefix: OrganizationsService.targetPrefix)))
    }

    /// The same connection acting as `roleArn`, assumed with this session's
    /// credentials (another account's `OrganizationAccountAccessRole`, say):
    /// same endpoints, transport, retries, clock and observers. The role is
    /// assumed at the first call, and again before its credentials expire.
    public func assumingRole(_ roleArn: String, sessionName: String, externalId: String? = nil) -> AWSSession {
        let assumed = AssumeRoleCredentialProvider(
            roleArn: roleArn, sessionName: sessionName, externalId: externalId,
            sourceCredentials: credentialProvider, sts: sts, source: "the caller's credentials (profile \(profileName))")
        let endpoints = ResolvedEndpoints(
            region: region, regionOrigin: regionOrigin, partition: partition,
            iam: iamEndpoint, sts: stsEndpoint, organizations: organizationsEndpoint)
        return AWSSession(
            profileName: profileName, endpoints: endpoints, credentialProvider: CachedCredentialProvider(assumed),
            retry: retry, clock: clock, observers: observers, transport: transport, timeout: timeout)
    }

    /// Adds an observer that sees every later attempt of every call (Provisioning
    /// shows "retried" events with it; tests count calls).
    public func addObserver(_ observer: @escaping RequestObserver) {
        observers.add(observer)
    }

    /// Adds `observer` once under `key`, however often this is called.
    public func addObserver(key: String, _ observer: @escaping RequestObserver) {
        observers.add(key: key, observer)
    }

    /// An STS client at the resolved STS endpoint, signed with `source` (unsigned when nil).
    public func makeSTS(credentials source: (any CredentialProvider)?) -> STSService {
        Self.stsFactory(
            endpoint: stsEndpoint, transport: transport, retry: retry, clock: clock, observers: observers, timeout: timeout)(source)
    }

    private static func stsFactory(
        endpoint: ServiceEndpoint, transport: any HTTPTransport, retry: RetryPolicy, clock: ClockCorrection,
        observers: RequestObservers, timeout: TimeInterval
    ) -> @Sendable ((any CredentialProvider)?) -> STSService {
        { source in
            STSService(client: ServiceClient(
                endpoint: endpoint, wire: .query(version: STSService.apiVersion), credentials: source,
                transport: transport, retry: retry, clock: clock, observers: observers, timeout: timeout))
        }
    }

    /// `--profile`, then `AWS_PROFILE`, then `default`. A profile named
    /// explicitly must exist; `default` may be absent (credentials can come from elsewhere).
    static func resolveProfile(
        _ option: String?, environment: [String: String], profiles: ProfileStore
    ) throws -> (String, [String: String]) {
        let candidates: [(String?, String)] = [(option, "--profile"), (environment["AWS_PROFILE"], "AWS_PROFILE")]
        for (value, origin) in candidates {
            guard let name = value?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { continue }
            guard let profile = profiles.profile(name) else {
                throw ClientConfigurationError(
                    "The profile '\(name)' (from \(origin)) is not in \(profiles.configPath) or \(profiles.credentialsPath).")
            }
            return (name, profile)
        }
        return ("default", profiles.profile("default") ?? [:])
    }

    static func resolveMaxAttempts(
        _ option: Int?, environment: [String: String], profile: [String: String], profileName: String
    ) throws -> Int {
        if let option {
            guard option >= 1 else { throw ClientConfigurationError("--max-attempts must be at least 1 (got \(option)).") }
            return option
        }
        let candidates: [(String?, String)] = [
            (environment["AWS_MAX_ATTEMPTS"], "AWS_MAX_ATTEMPTS"), (profile["max_attempts"], "max_attempts in profile \(profileName)"),
        ]
        for (value, origin) in candidates {
            guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
            guard let number = Int(text), number >= 1 else {
                throw ClientConfigurationError("\(origin) must be a whole number of at least 1 (got '\(text)').")
            }
            return number
        }
        return RetryPolicy.defaultMaxAttempts
    }
}
