import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport: one `URLSession` (so connections are reused), a
/// time-out per request, proxies from the environment, no redirects (a
/// redirect could carry a signed request to a host nobody checked), no cookies
/// and no cache. URL errors become `TransportError`s.
///
/// Bounded whatever the server does: the request's time-out is a deadline
/// for the whole exchange (URLSession's own is an idle time-out, which a
/// server trickling a byte at a time never trips), and a body longer than
/// the request's `maximumResponseBytes` is cut off and refused.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let exchanges: ExchangeDelegate
    /// The proxies read from the environment at creation; later changes to the environment do not apply.
    private let proxySettings: ProxySettings

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
        exchanges = ExchangeDelegate()
        session = URLSession(configuration: configuration, delegate: exchanges, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends one request, bounded by its time-out and size limit; plain http to an IPv6 loopback address goes over a socket of its own.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.url.scheme == "http", LoopbackAddress(host: request.url.host ?? "") == .ipv6 {
            return try await Self.sendToIPv6Loopback(request)
        }
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await load(urlRequest, limit: request.maximumResponseBytes, deadline: request.timeout)
        } catch let error as ResponseTooLarge {
            throw TransportError(
                kind: .other,
                message: "\(request.url.host ?? "the server") sent a response larger than \(error.limit) bytes, far beyond any IAM or STS answer; it was cut off")
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
    /// delegate-driven task, cancelled from another queue, whose body is
    /// counted as it arrives and whose whole exchange has a deadline.
    private func load(_ urlRequest: URLRequest, limit: Int, deadline: TimeInterval) async throws -> (Data, URLResponse) {
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: urlRequest)
                let exchange = Exchange(limit: limit, continuation: continuation) { box.cancel() }
                exchanges.register(exchange, for: task)
                box.set(task)
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline) {
                    exchange.finish(.failure(URLError(.timedOut)))
                }
                task.resume()
            }
        } onCancel: {
            DispatchQueue.global().async { box.cancel() }
        }
    }

    /// `[::1]` over a socket of its own (URLSession cannot reach IPv6
    /// literals on Linux), on a thread that may block in `poll`.
    private static func sendToIPv6Loopback(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try LoopbackSocketExchange.send(request))
                } catch let error as LoopbackSocketExchange.Failure {
                    continuation.resume(throwing: TransportError(kind: error.kind, message: error.message))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
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
        case .badServerResponse:
            // libcurl's "Empty reply from server": the server closed the
            // connection without answering, which is worth a retry as a
            // lost connection is (botocore retries it too).
            return TransportError(kind: .connectionLost, message: "\(target) closed the connection without answering")
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

/// Thrown inside the transport when a body passes its limit.
private struct ResponseTooLarge: Error {
    var limit: Int
}

/// One request's answer as it arrives: the response, the body so far, and
/// the continuation to resume exactly once (with the answer, an error, the
/// deadline, or "too large").
private final class Exchange: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var continuation: CheckedContinuation<(Data, URLResponse), any Error>?
    private let cancelTask: @Sendable () -> Void
    private var response: URLResponse?
    private var body = Data()

    init(limit: Int, continuation: CheckedContinuation<(Data, URLResponse), any Error>, cancelTask: @escaping @Sendable () -> Void) {
        self.limit = limit
        self.continuation = continuation
        self.cancelTask = cancelTask
    }

    func received(_ response: URLResponse) {
        lock.withLock { self.response = response }
    }

    func received(_ data: Data) {
        let tooLarge = lock.withLock { () -> Bool in
            guard continuation != nil else { return false }
            if body.count + data.count > limit { return true }
            body.append(data)
            return false
        }
        if tooLarge { finish(.failure(ResponseTooLarge(limit: limit))) }
    }

    func completed(_ error: (any Error)?) {
        if let error {
            finish(.failure(error))
            return
        }
        let answer = lock.withLock { response.map { (body, $0) } }
        finish(answer.map { .success($0) } ?? .failure(URLError(.badServerResponse)))
    }

    /// Resumes the caller once; an early end (deadline, limit) also stops the task.
    func finish(_ result: Result<(Data, URLResponse), any Error>) {
        let waiting = lock.withLock { () -> CheckedContinuation<(Data, URLResponse), any Error>? in
            defer { continuation = nil }
            return continuation
        }
        guard let waiting else { return }
        if case .failure = result { DispatchQueue.global().async(execute: cancelTask) }
        waiting.resume(with: result)
    }
}

/// The session's delegate: routes each task's events to its `Exchange` and
/// refuses every redirect, so the 3xx response itself comes back.
private final class ExchangeDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]

    func register(_ exchange: Exchange, for task: URLSessionTask) {
        lock.withLock { exchanges[task.taskIdentifier] = exchange }
    }

    private func exchange(for task: URLSessionTask) -> Exchange? {
        lock.withLock { exchanges[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        exchange(for: dataTask)?.received(response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(for: dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange = lock.withLock { exchanges.removeValue(forKey: task.taskIdentifier) }
        exchange?.completed(error)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// What a program does once at start-up, while it is still single-threaded,
/// so the transport never changes the process environment later.
public enum ProxyEnvironment {
    /// Adds the loopback hosts to `no_proxy` when a proxy is configured (Linux,
    /// where libcurl reads the environment); does nothing elsewhere or when called again.
    public static func prepare() {
        #if canImport(FoundationNetworking)
        LoopbackProxyBypass.ensure()
        #endif
    }
}

#if canImport(FoundationNetworking)
/// On Linux, URLSession runs on libcurl, which ignores `connectionProxyDictionary`
/// and reads the proxy variables from the process environment itself. So that an
/// emulator on a loopback address is never proxied there either, the loopback
/// hosts are added to `no_proxy` once. Changing the environment races any
/// thread reading it, so programs call `ProxyEnvironment.prepare()` at start-up,
/// before other threads run; the transport's own call (at its creation) is only
/// the fallback for library users who did not.
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
