import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests of code that talks HTTP:
/// it listens on an ephemeral port, records every request and answers each
/// from a handler closure. A handler may also leave a request unanswered, to
/// test time-outs. Connections are kept alive, as URLSession expects.
///
///     let server = try FakeHTTPServer { request in
///         request.path == "/creds" ? .json(#"{"AccessKeyId": "AKID"}"#) : .status(404)
///     }
///     defer { server.stop() }
///     // ... point the code under test at server.baseURL ...
///     #expect(server.requests.map(\.path) == ["/creds"])
public final class FakeHTTPServer: @unchecked Sendable {
    /// A request as received. Header names keep their case.
    public struct Request: Sendable {
        public var method: String
        /// The request target: path and query, as sent.
        public var path: String
        public var headers: [(String, String)]
        public var body: Data

        public func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
    }

    /// What to do with a request.
    public enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: Data)
        /// Never answer; the connection stays open until the server stops.
        case noAnswer
        /// Closes the connection without a word, as a server that died mid-request.
        case hangUp
        /// A chunked body: `chunk(n)` for n = 0, 1, ... until nil, with
        /// `interval` seconds between chunks (a trickle, or an endless body).
        case stream(status: Int, interval: TimeInterval, chunk: @Sendable (Int) -> Data?)

        public static func status(_ status: Int, _ body: String = "") -> Reply {
            .respond(status: status, headers: [("Content-Type", "text/plain")], body: Data(body.utf8))
        }

        public static func text(_ body: String, status: Int = 200) -> Reply {
            .respond(status: status, headers: [("Content-Type", "text/plain")], body: Data(body.utf8))
        }

        public static func json(_ body: String, status: Int = 200) -> Reply {
            .respond(status: status, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
        }
    }

    /// The port the server listens on, chosen by the system.
    public let port: UInt16
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private let handler: @Sendable (Request) -> Reply
    private let listener: Int32
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var openConnections: Set<Int32> = []
    private var stopped = false
    private let acceptorDone = DispatchSemaphore(value: 0)

    /// Starts listening at once; call `stop()` when done (deinit also stops).
    public init(handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        (listener, port) = try Self.listenOnLoopback()
        Thread.detachNewThread { [self] in
            acceptLoop()
            acceptorDone.signal()
        }
    }

    deinit { stop() }

    /// Every request received so far, in arrival order.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Closes the listening socket and every connection, which also releases
    /// requests left unanswered. Safe to call more than once.
    public func stop() {
        lock.lock()
        if stopped {
            lock.unlock()
            return
        }
        stopped = true
        let connections = openConnections
        lock.unlock()
        for connection in connections { _ = shutdown(connection, Int32(SHUT_RDWR)) }
        acceptorDone.wait()
        close(listener)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    // MARK: Sockets

    private static func listenOnLoopback() throws -> (Int32, UInt16) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw FakeHTTPServerError("socket() failed: errno \(errno)") }
        var reuse: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw FakeHTTPServerError("cannot listen on 127.0.0.1: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// Polls with a short time-out so that `stop()` is noticed without relying
    /// on platform-specific ways of waking a blocked `accept`.
    private func acceptLoop() {
        while !isStopped {
            guard waitReadable(listener) else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            #if canImport(Darwin)
            var noSigPipe: Int32 = 1
            _ = setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &noSigPipe, socklen_t(MemoryLayout<Int32>.size))
            #endif
            lock.lock()
            openConnections.insert(connection)
            lock.unlock()
            Thread.detachNewThread { [self] in
                serve(connection)
                lock.lock()
                openConnections.remove(connection)
                lock.unlock()
                close(connection)
            }
        }
    }

    private func waitReadable(_ fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 50) > 0
    }

    // MARK: HTTP

    private func serve(_ connection: Int32) {
        var buffer = Data()
        while !isStopped {
            guard let request = readRequest(connection, buffer: &buffer) else { return }
            lock.lock()
            recorded.append(request)
            lock.unlock()
            switch handler(request) {
            case .noAnswer:
                while !isStopped { usleep(20_000) }
                return
            case .hangUp:
                return
            case .respond(let status, let headers, let body):
                guard write(response(status: status, headers: headers, body: body), to: connection) else { return }
            case .stream(let status, let interval, let chunk):
                let head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n"
                guard write(Data(head.utf8), to: connection) else { return }
                var index = 0
                while !isStopped, let data = chunk(index) {
                    let framed = Data((String(data.count, radix: 16) + "\r\n").utf8) + data + Data("\r\n".utf8)
                    guard write(framed, to: connection) else { return }
                    index += 1
                    if interval > 0 { usleep(useconds_t(interval * 1_000_000)) }
                }
                _ = write(Data("0\r\n\r\n".utf8), to: connection)
                return
            }
            if request.header("Connection")?.lowercased() == "close" { return }
        }
    }

    /// Reads one request: the head up to the blank line, then `Content-Length` bytes.
    private func readRequest(_ connection: Int32, buffer: inout Data) -> Request? {
        let separator = Data("\r\n\r\n".utf8)
        var headEnd = buffer.range(of: separator)
        while headEnd == nil {
            guard readMore(connection, into: &buffer) else { return nil }
            headEnd = buffer.range(of: separator)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[buffer.startIndex..<headEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers: [(String, String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        buffer.removeSubrange(buffer.startIndex..<headEnd.upperBound)
        while buffer.count < length {
            guard readMore(connection, into: &buffer) else { return nil }
        }
        let body = Data(buffer.prefix(length))
        buffer.removeFirst(length)
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    private func readMore(_ connection: Int32, into buffer: inout Data) -> Bool {
        while !isStopped {
            guard waitReadable(connection) else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        return false
    }

    private func response(status: Int, headers: [(String, String)], body: Data) -> Data {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        return Data(head.utf8) + body
    }

    private func write(_ data: Data, to connection: Int32) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, flags) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}

/// The fake server could not start.
public struct FakeHTTPServerError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
