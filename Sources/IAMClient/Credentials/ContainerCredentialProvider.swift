import Foundation
import SafeText

/// Credentials from a container credential endpoint: ECS task roles
/// (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`) and EKS Pod Identity or any local
/// agent (`AWS_CONTAINER_CREDENTIALS_FULL_URI` with
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN` or `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`).
public struct ContainerCredentialProvider: CredentialProvider {
    /// How the chain and its messages name this source.
    public static let sourceName = "container"
    /// The ECS credential host a relative URI is resolved against.
    public static let defaultHost = "http://169.254.170.2"
    /// Plain-http hosts a full URI may name besides loopback addresses, as in botocore:
    /// the ECS and EKS Pod Identity endpoints, which are link-local.
    public static let allowedHTTPHosts: Set<String> = ["localhost", "169.254.170.2", "169.254.170.23", "fd00:ec2::23"]
    /// botocore's limits: 2 s per request, 3 attempts for failures worth retrying.
    public static let timeout: TimeInterval = 2
    /// Counted with the first try; only unreachable endpoints and 5xx answers are tried again.
    public static let maxAttempts = 3

    /// How requests prove they come from inside the task or pod.
    /// The token is a secret, so this type prints nothing of it.
    public enum Authorization: Sendable, CustomStringConvertible {
        case token(String)
        /// Read at every fetch, because the agent rotates it.
        case tokenFile(String)

        /// Shows the token file's path, never the token.
        public var description: String {
            switch self {
            case .token: "Authorization(token: <redacted>)"
            case .tokenFile(let path): "Authorization(tokenFile: \(path))"
            }
        }
    }

    private let url: URL
    private let authorization: Authorization?
    private let requester: MetadataRequester
    private let retryPause: TimeInterval
    private let now: @Sendable () -> Date

    /// `url` is used as given: the check that a token goes only over https or to a
    /// local agent is the chain's, so a caller building one directly owns that choice.
    public init(url: URL, authorization: Authorization?, transport: any HTTPTransport) {
        self.init(url: url, authorization: authorization, transport: transport, retryPause: 1, now: { Date() })
    }

    init(url: URL, authorization: Authorization?, transport: any HTTPTransport, retryPause: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.now = now
        self.url = url
        self.authorization = authorization
        self.requester = MetadataRequester(transport: transport, timeout: Self.timeout, source: Self.sourceName)
        self.retryPause = retryPause
    }

    /// GETs the endpoint, retrying an unreachable endpoint or a 5xx answer up to `maxAttempts` times; reads a token file at every call.
    public func credentials() async throws -> AWSCredentials {
        var headers = [("Accept", "application/json")]
        if let authorization {
            headers.append(("Authorization", try authorizationValue(authorization)))
        }
        var attempt = 1
        while true {
            do {
                let response = try await requester.send("GET", url, headers: headers)
                if response.status == 200 {
                    let document = CredentialDocument(
                        what: "the container credential response", tokenField: "Token",
                        source: Self.sourceName, errorKind: .badResponse
                    )
                    return try document.decode(response.body, now: now()).credentials
                }
                let error = requester.unexpectedStatus(response, from: url)
                guard response.status >= 500, attempt < Self.maxAttempts else { throw error }
            } catch let error as CredentialError {
                guard case .unreachable = error.kind, attempt < Self.maxAttempts else { throw error }
            }
            attempt += 1
            try await Task.sleep(nanoseconds: UInt64(retryPause * 1_000_000_000))
        }
    }

    private func authorizationValue(_ authorization: Authorization) throws -> String {
        let value: String
        switch authorization {
        case .token(let token):
            value = token
        case .tokenFile(let path):
            do {
                value = try InputFile.read(path).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw CredentialError(
                    source: Self.sourceName, kind: .unreadableFile,
                    message: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(path): \(error.message)"
                )
            }
        }
        guard !value.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw CredentialError(
                source: Self.sourceName, kind: .invalidConfiguration,
                message: "the container authorization token contains a line break, which cannot go in a header"
            )
        }
        SecretRedactor.shared.register(value)
        return value
    }

    /// Which endpoint the environment names, if any. A relative URI wins over a full one, as in botocore.
    static func locate(
        environment: [String: String], transport: any HTTPTransport,
        host: String = defaultHost, retryPause: TimeInterval = 1,
        now: @escaping @Sendable () -> Date
    ) throws -> SourceLocation {
        let url: URL
        var authorization: Authorization?
        if let relative = environment.setting("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            guard relative.hasPrefix("/"), let resolved = URL(string: host + relative) else {
                throw invalid("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must be a path starting with `/`, not \(relative)")
            }
            url = resolved
        } else if let full = environment.setting("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            url = try validatedFullURI(full)
            if let file = environment.setting("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
                authorization = .tokenFile(file)
            } else if let token = environment.setting("AWS_CONTAINER_AUTHORIZATION_TOKEN") {
                authorization = .token(token)
            }
        } else {
            return .notConfigured("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set")
        }
        let provider = ContainerCredentialProvider(
            url: url, authorization: authorization, transport: transport, retryPause: retryPause, now: now
        )
        return .provider(CachedCredentialProvider(provider, now: now))
    }

    /// https anywhere; plain http only to this machine or the ECS/EKS agents, so
    /// that the authorization token is never sent in clear over a network.
    static func validatedFullURI(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let rawHost = url.host, !rawHost.isEmpty else {
            throw invalid("AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL: \(text)")
        }
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        switch scheme {
        case "https":
            return url
        case "http" where EndpointURL.isLoopback(host: host) || allowedHTTPHosts.contains(host):
            return url
        case "http":
            throw invalid(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI must use https, a loopback address or one of "
                    + allowedHTTPHosts.sorted().joined(separator: ", ") + "; \(host) is none of these"
            )
        default:
            throw invalid("AWS_CONTAINER_CREDENTIALS_FULL_URI must be an http or https URL, not \(scheme)")
        }
    }

    private static func invalid(_ message: String) -> CredentialError {
        CredentialError(source: sourceName, kind: .invalidConfiguration, message: message)
    }
}
