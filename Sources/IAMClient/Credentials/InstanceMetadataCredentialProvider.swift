import Foundation

/// The role credentials of an EC2 instance, through IMDSv2 only: a session token
/// from `PUT /latest/api/token`, then the role name and its credentials.
/// Every request has a 1 s time-out and is tried once, so machines that are not
/// on EC2 pay at most a second before hearing that nothing is there.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    /// How the chain and its messages name this source.
    public static let sourceName = "instance metadata"
    /// Used unless `AWS_EC2_METADATA_SERVICE_ENDPOINT` (or the IPv6 mode) says otherwise.
    public static let defaultEndpoint = "http://169.254.169.254"
    /// Used when `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE` is `IPv6`.
    public static let defaultIPv6Endpoint = "http://[fd00:ec2::254]"
    /// Seconds per request; short, so the probe costs little off EC2.
    public static let timeout: TimeInterval = 1
    /// The session token's lifetime in seconds, the largest IMDS allows (six hours).
    public static let tokenTTLSeconds = 21600

    private let endpoint: String
    private let requester: MetadataRequester

    /// `endpoint` is the metadata service's root; trailing slashes are dropped.
    public init(endpoint: URL, transport: any HTTPTransport) {
        var base = endpoint.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        self.endpoint = base
        self.requester = MetadataRequester(transport: transport, timeout: Self.timeout, source: Self.sourceName)
    }

    /// A fresh IMDSv2 token, the attached role's name, then its credentials: three requests every call, so wrap it in `CachedCredentialProvider`.
    public func credentials() async throws -> AWSCredentials {
        let tokenURL = try url("/latest/api/token")
        let tokenResponse = try await requester.send(
            "PUT", tokenURL, headers: [("X-aws-ec2-metadata-token-ttl-seconds", String(Self.tokenTTLSeconds))]
        )
        guard tokenResponse.status == 200 else { throw requester.unexpectedStatus(tokenResponse, from: tokenURL) }
        let token = String(decoding: tokenResponse.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let tokenHeader = [("X-aws-ec2-metadata-token", token)]

        let rolesURL = try url("/latest/meta-data/iam/security-credentials/")
        let rolesResponse = try await requester.send("GET", rolesURL, headers: tokenHeader)
        if rolesResponse.status == 404 { throw failure("no IAM role is attached to this instance") }
        guard rolesResponse.status == 200 else { throw requester.unexpectedStatus(rolesResponse, from: rolesURL) }
        let roleName = String(decoding: rolesResponse.body, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !roleName.isEmpty else { throw failure("no IAM role is attached to this instance") }
        guard let encodedRole = roleName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else {
            throw failure("the role name \(roleName) cannot be put in a URL")
        }

        let credentialsURL = try url("/latest/meta-data/iam/security-credentials/" + encodedRole)
        let response = try await requester.send("GET", credentialsURL, headers: tokenHeader)
        guard response.status == 200 else { throw requester.unexpectedStatus(response, from: credentialsURL) }
        let document = CredentialDocument(
            what: "the instance metadata credentials of role \(roleName)", tokenField: "Token",
            source: Self.sourceName, errorKind: .badResponse
        )
        let (fields, credentials) = try document.decode(response.body, now: nil)
        if let code = fields["Code"] as? String, code != "Success" {
            throw failure("instance metadata reports \(code) for role \(roleName)")
        }
        return credentials
    }

    private func url(_ path: String) throws -> URL {
        guard let url = URL(string: endpoint + path) else {
            throw CredentialError(source: Self.sourceName, kind: .invalidConfiguration, message: "\(endpoint)\(path) is not a URL")
        }
        return url
    }

    private func failure(_ message: String) -> CredentialError {
        CredentialError(source: Self.sourceName, kind: .badResponse, message: message)
    }

    /// Disabled by `AWS_EC2_METADATA_DISABLED=true`; otherwise always worth a probe.
    static func locate(
        environment: [String: String], transport: any HTTPTransport,
        defaultEndpoint: String = defaultEndpoint, now: @escaping @Sendable () -> Date
    ) throws -> SourceLocation {
        if environment.setting("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true" {
            return .disabled("AWS_EC2_METADATA_DISABLED=true")
        }
        let endpoint = try endpointURL(environment: environment, defaultEndpoint: defaultEndpoint)
        let provider = InstanceMetadataCredentialProvider(endpoint: endpoint, transport: transport)
        return .provider(CachedCredentialProvider(provider, now: now))
    }

    static func endpointURL(environment: [String: String], defaultEndpoint: String) throws -> URL {
        let text: String
        if let explicit = environment.setting("AWS_EC2_METADATA_SERVICE_ENDPOINT") {
            text = explicit
        } else {
            switch environment.setting("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE")?.lowercased() {
            case nil, "ipv4": text = defaultEndpoint
            case "ipv6": text = defaultIPv6Endpoint
            case let mode?:
                throw CredentialError(
                    source: sourceName, kind: .invalidConfiguration,
                    message: "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE must be IPv4 or IPv6, not \(mode)"
                )
            }
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else {
            throw CredentialError(
                source: sourceName, kind: .invalidConfiguration,
                message: "AWS_EC2_METADATA_SERVICE_ENDPOINT must be an http or https URL, not \(text)"
            )
        }
        return url
    }
}
