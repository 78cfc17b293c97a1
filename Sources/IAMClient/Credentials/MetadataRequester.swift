import Foundation

/// Sends requests to a credential metadata endpoint (container or instance
/// metadata) with a hard time-out, and turns transport failures into
/// `CredentialError`s that name the source and the URL.
struct MetadataRequester: Sendable {
    var transport: any HTTPTransport
    var timeout: TimeInterval
    var source: String

    func send(_ method: String, _ url: URL, headers: [(String, String)] = []) async throws -> HTTPResponse {
        let request = HTTPRequest(method: method, url: url, headers: headers, timeout: timeout)
        let transport = self.transport
        let timeout = self.timeout
        do {
            return try await Deadline.run(
                seconds: timeout,
                onTimeout: { TransportError(kind: .timedOut, message: "no answer within \(Self.seconds(timeout))") }
            ) {
                try await transport.send(request)
            }
        } catch let error as TransportError {
            throw CredentialError(source: source, kind: .unreachable(error.kind), message: describe(error, url: url))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw CredentialError(source: source, kind: .unreachable(.other), message: "\(method) \(url.absoluteString) failed: \(error)")
        }
    }

    /// A non-200 answer, with the service's own explanation (error answers carry no credentials).
    func unexpectedStatus(_ response: HTTPResponse, from url: URL) -> CredentialError {
        var message = "\(url.absoluteString) answered HTTP \(response.status)"
        let body = String(decoding: response.body.prefix(300), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if !body.isEmpty {
            message += ": \(body)"
        }
        return CredentialError(source: source, kind: .badResponse, message: message)
    }

    private func describe(_ error: TransportError, url: URL) -> String {
        switch error.kind {
        case .timedOut: "no answer from \(url.absoluteString) within \(Self.seconds(timeout))"
        case .cannotConnect: "cannot connect to \(url.absoluteString): \(error.message)"
        case .connectionLost: "connection to \(url.absoluteString) lost: \(error.message)"
        case .other: "request to \(url.absoluteString) failed: \(error.message)"
        }
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
