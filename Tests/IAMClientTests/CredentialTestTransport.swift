import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import IAMClient

/// A minimal URLSession transport for the container and instance metadata tests,
/// standing in until the real `HTTPTransport` is merged. It refuses anything but
/// 127.0.0.1, so no test can reach a link-local metadata address by mistake.
struct LoopbackURLSessionTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.url.host == "127.0.0.1" else {
            throw TransportError(kind: .cannotConnect, message: "test transport only talks to 127.0.0.1, not \(request.url.absoluteString)")
        }
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.addValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = request.timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: urlRequest) { data, response, error in
                if let error {
                    continuation.resume(throwing: Self.transportError(error))
                    return
                }
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(throwing: TransportError(kind: .other, message: "not an HTTP response"))
                    return
                }
                let headers = http.allHeaderFields.map { ("\($0.key)", "\($0.value)") }
                continuation.resume(returning: HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
            }.resume()
        }
    }

    private static func transportError(_ error: any Error) -> TransportError {
        let code = (error as? URLError)?.code
        switch code {
        case .timedOut?: return TransportError(kind: .timedOut, message: "\(error.localizedDescription)")
        case .cannotConnectToHost?, .cannotFindHost?: return TransportError(kind: .cannotConnect, message: error.localizedDescription)
        case .networkConnectionLost?: return TransportError(kind: .connectionLost, message: error.localizedDescription)
        default: return TransportError(kind: .other, message: error.localizedDescription)
        }
    }
}

/// For tests that must not reach any endpoint: records the request and fails it.
final class RefusingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [URL] = []

    var requestedURLs: [URL] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { seen.append(request.url) }
        throw TransportError(kind: .cannotConnect, message: "no network in this test")
    }
}
