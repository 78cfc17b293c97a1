import Foundation
import Testing
import TestSupport
@testable import IAMClient

/// Sessions against the shared moto server, and the documents tests use.
enum MotoFixture {
    /// A session whose every call goes to `moto`, with fixed credentials
    /// (moto accepts any key until signature checking is turned on) and instant back-off.
    static func session(
        _ moto: MotoServer, credentials: any CredentialProvider = FixedTestCredentials.moto,
        maxAttempts: Int? = nil, transport: (any HTTPTransport)? = nil
    ) throws -> AWSSession {
        try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString, maxAttempts: maxAttempts,
            environment: ["AWS_EC2_METADATA_DISABLED": "true"], transport: transport, profiles: ProfileStore(),
            credentialProvider: credentials, sleep: { _ in }))
    }

    /// The seed recipe's trust policy: SageMaker and Lookout for Equipment may assume the role.
    static let trustPolicy = #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["sagemaker.amazonaws.com","lookoutequipment.amazonaws.com"]},"Action":"sts:AssumeRole"}]}
        """#

    /// Any account's users may assume the role (for AssumeRole tests).
    static let accountTrustPolicy = #"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}
        """#

    /// Counts attempts per action.
    static func counter() -> (Recorder<RequestEvent>, RequestObserver) {
        let events = Recorder<RequestEvent>()
        return (events, { events.append($0) })
    }
}

/// Passes requests to a real transport and records them, so a test can check
/// what went on the wire (for example that a call was unsigned).
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    let inner: any HTTPTransport
    let sent = Recorder<HTTPRequest>()

    init(_ inner: any HTTPTransport) {
        self.inner = inner
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.append(request)
        return try await inner.send(request)
    }
}
