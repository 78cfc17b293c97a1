import Foundation
import Testing
import TestSupport
@testable import IAMClient

@Suite("Credential chain: container credentials", .heavy)
struct CredentialContainerTests {
    static let document = #"""
        {"AccessKeyId": "AKIDTASK", "SecretAccessKey": "task-secret", "Token": "task-token",
         "Expiration": "2099-01-01T00:00:00Z", "RoleArn": "arn:aws:iam::123456789012:role/task"}
        """#

    @Test("AWS_CONTAINER_CREDENTIALS_FULL_URI with AWS_CONTAINER_AUTHORIZATION_TOKEN")
    func fullURIWithToken() async throws {
        let server = try FakeHTTPServer { _ in .json(Self.document) }
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let chain = home.chain(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL.absoluteString + "/v1/credentials?id=7",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "container-auth",
            ],
            transport: LoopbackURLSessionTransport()
        )
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyId == "AKIDTASK")
        #expect(credentials.secretAccessKey == "task-secret")
        #expect(credentials.sessionToken == "task-token")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 4_070_908_800))
        #expect(credentials.source == "container")
        let request = try #require(server.requests.first)
        // One request, or more if a loaded machine let the first one time out (each is the same GET).
        #expect(!server.requests.isEmpty && Set(server.requests.map(\.path)).count == 1)
        #expect(request.method == "GET")
        #expect(request.path == "/v1/credentials?id=7")
        #expect(request.header("Authorization") == "container-auth")
        #expect(request.header("Accept") == "application/json")
    }

    @Test("the token file wins over the token and is read again at each refresh")
    func tokenFile() async throws {
        let server = try FakeHTTPServer { _ in
            .json(#"{"AccessKeyId": "AKIDPOD", "SecretAccessKey": "s", "Token": "t", "Expiration": "2023-11-14T23:00:00Z"}"#)
        }
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let tokenFile = try home.write("eks-token", "first\n")
        let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_000))  // 2023-11-14T22:13:20Z
        let chain = home.chain(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL.absoluteString + "/pod",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            ],
            transport: LoopbackURLSessionTransport(), clock: clock
        )
        _ = try await chain.credentials()
        try home.write("eks-token", "second")
        clock.advance(by: 2600)  // 200 s before Expiration
        _ = try await chain.credentials()
        #expect(server.requests.map { $0.header("Authorization") } == ["first", "second"])
    }

    @Test("a relative URI is resolved against the container host, with no Authorization")
    func relativeURI() async throws {
        let server = try FakeHTTPServer { _ in .json(Self.document) }
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let chain = home.chain(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9/not-this",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "not-sent",
            ],
            transport: LoopbackURLSessionTransport(), containerHost: server.baseURL.absoluteString
        )
        _ = try await chain.credentials()
        #expect(Set(server.requests.map(\.path)) == ["/v2/credentials/abc"])  // a slow first try may be repeated
        #expect(server.requests.first?.header("Authorization") == nil)
    }

    @Test("plain http is allowed only to loopback and the ECS/EKS hosts; https anywhere")
    func fullURIValidation() throws {
        for allowed in [
            "http://127.0.0.1:8080/x", "http://127.9.9.9/x", "http://localhost/x", "http://[::1]:80/x",
            "http://169.254.170.2/v2", "http://169.254.170.23/v1", "http://[fd00:ec2::23]/v1", "https://creds.example.com/x",
        ] {
            #expect(throws: Never.self, "\(allowed)") { try ContainerCredentialProvider.validatedFullURI(allowed) }
        }
        for refused in ["http://192.168.1.10/x", "http://example.com/x", "http://127.0.0.1.evil.com/x", "ftp://127.0.0.1/x", "not a url"] {
            let error = #expect(throws: CredentialError.self, "\(refused)") { try ContainerCredentialProvider.validatedFullURI(refused) }
            #expect(error?.kind == .invalidConfiguration)
            #expect(error?.message.hasPrefix("AWS_CONTAINER_CREDENTIALS_FULL_URI") == true)
        }
    }

    @Test("a refused full URI stops the chain before any request")
    func refusedHostStopsChain() async throws {
        let home = try ScratchAWSHome()
        let transport = RefusingTransport()
        let chain = home.chain(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://10.0.0.5/creds"], transport: transport)
        let error = try await #require(throws: CredentialError.self) { try await chain.credentials() }
        #expect(error.description == """
            container: AWS_CONTAINER_CREDENTIALS_FULL_URI must use https, a loopback address or one of \
            169.254.170.2, 169.254.170.23, fd00:ec2::23, localhost; 10.0.0.5 is none of these
            """)
        #expect(transport.requestedURLs.isEmpty)
    }

    @Test("server errors are retried up to three attempts")
    func retriesServerErrors() async throws {
        let answered = Counter()
        let server = try FakeHTTPServer { _ in
            answered.increment() < 3 ? .status(503, "busy") : .json(Self.document)
        }
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let chain = home.chain(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL.absoluteString + "/c"],
            transport: LoopbackURLSessionTransport()
        )
        #expect(try await chain.credentials().accessKeyId == "AKIDTASK")
        #expect(server.requests.count == 3)
    }

    @Test("a refusal stops the chain, names the container and quotes the answer")
    func refusal() async throws {
        let server = try FakeHTTPServer { _ in .json(#"{"code": "AccessDenied", "message": "bad token"}"#, status: 403) }
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let url = server.baseURL.absoluteString + "/c"
        let chain = home.chain(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": url, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong-token"],
            transport: LoopbackURLSessionTransport()
        )
        let error = try await #require(throws: CredentialError.self) { try await chain.credentials() }
        #expect(error.kind == .badResponse)
        #expect(error.description == #"container: \#(url) answered HTTP 403: {"code": "AccessDenied", "message": "bad token"}"#)
        #expect(!error.description.contains("wrong-token"))
        // One request, or more if a loaded machine let the first one time out (each is the same GET).
        #expect(!server.requests.isEmpty && Set(server.requests.map(\.path)).count == 1)
        #expect(await chain.attempts().map(\.source) == ["environment", "profile default", "web identity", "container"])
    }

    @Test("a malformed document names the missing field, not the secret")
    func malformedDocument() async throws {
        let server = try FakeHTTPServer { _ in .json(#"{"SecretAccessKey": "LEAKED-SECRET", "Token": "LEAKED-TOKEN"}"#) }
        defer { server.stop() }
        let home = try ScratchAWSHome()
        let chain = home.chain(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL.absoluteString + "/c"],
            transport: LoopbackURLSessionTransport()
        )
        let error = try await #require(throws: CredentialError.self) { try await chain.credentials() }
        #expect(error.description == "container: the container credential response lacks AccessKeyId")
    }
}

/// A thread-safe counter for handlers that answer differently over time.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Increments and returns the new value.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
