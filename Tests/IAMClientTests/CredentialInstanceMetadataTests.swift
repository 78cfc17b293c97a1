import Foundation
import Testing
import TestSupport
@testable import IAMClient

@Suite("Credential chain: EC2 instance metadata (IMDSv2)", .heavy)
struct CredentialInstanceMetadataTests {
    /// An IMDS double: a token, one role, its credentials.
    static func imds(role: String? = "web-role") throws -> FakeHTTPServer {
        try FakeHTTPServer { request in
            switch (request.method, request.path) {
            case ("PUT", "/latest/api/token"):
                return .text("imds-session-token")
            case ("GET", "/latest/meta-data/iam/security-credentials/"):
                guard request.header("X-aws-ec2-metadata-token") == "imds-session-token" else { return .status(401) }
                return role.map { .text($0 + "\n") } ?? .status(404)
            case ("GET", "/latest/meta-data/iam/security-credentials/web-role"):
                guard request.header("X-aws-ec2-metadata-token") == "imds-session-token" else { return .status(401) }
                return .json(#"""
                    {"Code": "Success", "LastUpdated": "2024-01-01T00:00:00Z", "Type": "AWS-HMAC",
                     "AccessKeyId": "AKIDEC2", "SecretAccessKey": "ec2-secret", "Token": "ec2-token",
                     "Expiration": "2099-01-01T06:00:00Z"}
                    """#)
            default:
                return .status(404)
            }
        }
    }

    static func enabled(_ endpoint: URL) -> [String: String] {
        ["AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": endpoint.absoluteString]
    }

    @Test("PUT for a token, then GET the role name, then GET its credentials, all with the token")
    func imdsV2Sequence() async throws {
        let server = try Self.imds()
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let chain = home.chain(environment: Self.enabled(server.baseURL), transport: LoopbackURLSessionTransport())
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyId == "AKIDEC2")
        #expect(credentials.secretAccessKey == "ec2-secret")
        #expect(credentials.sessionToken == "ec2-token")
        #expect(credentials.source == "instance metadata")
        let requests = server.requests
        #expect(requests.map { "\($0.method) \($0.path)" } == [
            "PUT /latest/api/token",
            "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/web-role",
        ])
        #expect(requests[0].header("X-aws-ec2-metadata-token-ttl-seconds") == "21600")
        #expect(requests[0].header("X-aws-ec2-metadata-token") == nil)
        #expect(requests.dropFirst().allSatisfy { $0.header("X-aws-ec2-metadata-token") == "imds-session-token" })
        #expect(await chain.attempts().last?.description == "instance metadata (found)")
    }

    @Test("AWS_EC2_METADATA_DISABLED=true means no request at all")
    func disabled() async throws {
        let server = try Self.imds()
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let chain = home.chain(
            environment: ["AWS_EC2_METADATA_DISABLED": "TRUE", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL.absoluteString],
            transport: LoopbackURLSessionTransport(), instanceMetadataEndpoint: server.baseURL.absoluteString
        )
        let error = try await #require(throws: NoCredentialsError.self) { try await chain.credentials() }
        #expect(error.attempts.last?.description == "instance metadata (disabled: AWS_EC2_METADATA_DISABLED=true)")
        #expect(server.requests.isEmpty)
    }

    @Test("an endpoint that never answers gives up after the 1 s time-out, after one attempt")
    func timeout() async throws {
        let server = try FakeHTTPServer { _ in .noAnswer }
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let chain = home.chain(environment: Self.enabled(server.baseURL), transport: LoopbackURLSessionTransport())
        let error = try await #require(throws: NoCredentialsError.self) { try await chain.credentials() }
        guard case .unavailable(let cause)? = error.attempts.last?.outcome else {
            Issue.record("expected instance metadata to be unavailable, got \(error)")
            return
        }
        #expect(cause.kind == .unreachable(.timedOut))
        #expect(cause.message == "no answer from \(server.baseURL.absoluteString)/latest/api/token within 1 s")
        #expect(server.requests.map(\.path) == ["/latest/api/token"])
    }

    @Test("the time-out holds even with a transport that ignores it")
    func timeoutIndependentOfTransport() async throws {
        let provider = InstanceMetadataCredentialProvider(endpoint: URL(string: "http://127.0.0.1:9")!, transport: StuckTransport())
        let error = try await #require(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error.kind == .unreachable(.timedOut))
        #expect(error.source == "instance metadata")
    }

    @Test("nothing listening is reported as unavailable, and the chain goes on to say so")
    func nothingListening() async throws {
        let server = try FakeHTTPServer { _ in .status(500) }
        let closedEndpoint = server.baseURL
        server.stop()
        let home = try ScratchAWSHome()
        let chain = home.chain(environment: Self.enabled(closedEndpoint), transport: LoopbackURLSessionTransport())
        let error = try await #require(throws: NoCredentialsError.self) { try await chain.credentials() }
        guard case .unavailable(let cause)? = error.attempts.last?.outcome else {
            Issue.record("expected instance metadata to be unavailable, got \(error)")
            return
        }
        // Refused at once, or (on a loaded machine) cut off by the 1 s limit first: unreachable either way.
        #expect(cause.kind == .unreachable(.cannotConnect) || cause.kind == .unreachable(.timedOut))
        #expect(error.description.hasSuffix("instance metadata (unavailable: \(cause.message))"))
    }

    @Test("an instance without a role is unavailable, not an error")
    func noRole() async throws {
        let server = try Self.imds(role: nil)
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let chain = home.chain(environment: Self.enabled(server.baseURL), transport: LoopbackURLSessionTransport())
        let error = try await #require(throws: NoCredentialsError.self) { try await chain.credentials() }
        #expect(error.attempts.last?.description == "instance metadata (unavailable: no IAM role is attached to this instance)")
    }

    @Test("a malformed endpoint setting is an error, not a silent skip")
    func badEndpoint() async throws {
        let home = try ScratchAWSHome()
        let chain = home.chain(environment: ["AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "169.254.169.254"])
        let error = try await #require(throws: CredentialError.self) { try await chain.credentials() }
        #expect(error.description == "instance metadata: AWS_EC2_METADATA_SERVICE_ENDPOINT must be an http or https URL, not 169.254.169.254")
    }

    @Test("the defaults are the link-local addresses, kept as constants only")
    func defaults() throws {
        #expect(InstanceMetadataCredentialProvider.defaultEndpoint == "http://169.254.169.254")
        #expect(try InstanceMetadataCredentialProvider.endpointURL(environment: [:], defaultEndpoint: "http://127.0.0.1:1").absoluteString == "http://127.0.0.1:1")
        #expect(try InstanceMetadataCredentialProvider.endpointURL(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"], defaultEndpoint: "http://127.0.0.1:1"
        ).absoluteString == "http://[fd00:ec2::254]")
    }
}

/// A transport that ignores its time-out and cancellation for five seconds,
/// like a badly written one would, before failing.
struct StuckTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        for _ in 0..<500 { try? await Task.sleep(nanoseconds: 10_000_000) }
        throw TransportError(kind: .other, message: "gave up on its own")
    }
}
