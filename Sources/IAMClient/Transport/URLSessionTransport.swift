import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport: one `URLSession` (so connections are reused), a
/// time-out per request, proxies from the environment, no redirects (a
/// redirect could carry a signed request to a host nobody checked), no cookies
/// and no cache. URL errors become `TransportError`s.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    public let proxySettings: ProxySettings

    /// - Parameter environment: read for HTTPS_PROXY, HTTP_PROXY and NO_PROXY.
    public init(environment: [String: String]) {
        proxySettings = ProxySettings.from(environment: environment)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = proxySettings.connectionProxyDictionary
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 8
        #if canImport(FoundationNetworking)
        LoopbackProxyBypass.ensure()
        #endif
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await load(urlRequest)
        } catch let error as URLError {
            throw Self.transportError(error, url: request.url)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw TransportError(kind: .other, message: "\(request.url.host ?? ""): \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(kind: .other, message: "\(request.url.absoluteString) did not answer with HTTP")
        }
        let headers = http.allHeaderFields.compactMap { key, value -> (String, String)? in
            guard let name = key as? String else { return nil }
            return (name, "\(value)")
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// `URLSession.data(for:)` on Linux can deadlock when its task is cancelled
    /// just as it completes (the cancel runs under the task's status lock and
    /// waits for the session queue, which is resuming the same task). So: a
    /// completion-handler task, cancelled from another queue.
    private func load(_ urlRequest: URLRequest) async throws -> (Data, URLResponse) {
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            DispatchQueue.global().async { box.cancel() }
        }
    }

    /// Sorts URL errors into the kinds the retry policy understands.
    static func transportError(_ error: URLError, url: URL) -> TransportError {
        let target = url.host.map { host in url.port.map { "\(host):\($0)" } ?? host } ?? url.absoluteString
        switch error.code {
        case .timedOut:
            return TransportError(kind: .timedOut, message: "\(target) did not answer in time")
        case .networkConnectionLost:
            return TransportError(kind: .connectionLost, message: "the connection to \(target) was lost")
        case .cannotConnectToHost, .notConnectedToInternet:
            return TransportError(kind: .cannotConnect, message: "cannot connect to \(target)")
        case .cannotFindHost, .dnsLookupFailed:
            return TransportError(kind: .other, message: "cannot resolve host \(target)")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return TransportError(kind: .other, message: "TLS with \(target) failed: \(error.localizedDescription)")
        default:
            return TransportError(kind: .other, message: "\(target): \(error.localizedDescription)")
        }
    }
}

/// Refuses every redirect, so the 3xx response itself comes back.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

#if canImport(FoundationNetworking)
/// On Linux, URLSession runs on libcurl, which ignores `connectionProxyDictionary`
/// and reads the proxy variables from the process environment itself. So that an
/// emulator on a loopback address is never proxied there either, the loopback
/// hosts are added to `no_proxy` once, before the first request.
enum LoopbackProxyBypass {
    static func ensure() { _ = applied }

    private static let applied: Bool = {
        let environment = ProcessInfo.processInfo.environment
        let proxyNames = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
        guard proxyNames.contains(where: { environment[$0]?.isEmpty == false }) else { return false }
        // curl prefers the lower-case name; both get the same merged value.
        let merged = ProxySettings.noProxyValue(addingLoopbackTo: environment["no_proxy"] ?? environment["NO_PROXY"])
        setenv("no_proxy", merged, 1)
        setenv("NO_PROXY", merged, 1)
        return true
    }()
}
#endif

/// Holds the running task so a cancellation that arrives before or after it
/// starts still reaches it.
private final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func set(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancelNow = cancelled
        lock.unlock()
        if cancelNow { task.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}
