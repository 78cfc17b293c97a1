import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One plain-HTTP/1.1 exchange with `[::1]`, over a socket of its own.
///
/// URLSession on Linux (swift-corelibs-foundation before its fix of
/// July 2026, #5498) refuses every URL whose host is an IPv6 literal, so an
/// emulator on `http://[::1]:PORT` could not be reached. Loopback needs no
/// TLS, proxy or name lookup, so this small client does the one thing
/// needed: connect to ::1, send the request with `Connection: close`, and
/// read a bounded answer (Content-Length, chunked, or to the end) within
/// the request's deadline.
enum LoopbackSocketExchange {
    struct Failure: Error {
        var kind: TransportError.Kind
        var message: String
    }

    static let maximumHeadBytes = 64 * 1024

    static func send(_ request: HTTPRequest) throws(Failure) -> HTTPResponse {
        let deadline = Date().addingTimeInterval(request.timeout)
        let port = UInt16(request.url.port ?? 80)
        let socket = try connect(port: port, deadline: deadline)
        defer { close(socket) }
        try write(head(of: request) + request.body, to: socket, deadline: deadline)
        var reader = Reader(socket: socket, deadline: deadline, limit: request.maximumResponseBytes)
        return try reader.response()
    }

    private static func head(of request: HTTPRequest) -> Data {
        var path = request.url.path(percentEncoded: true)
        if path.isEmpty { path = "/" }
        if let query = request.url.query(percentEncoded: true) { path += "?" + query }
        var lines = ["\(request.method) \(path) HTTP/1.1"]
        let hostPort = request.url.port.map { "[::1]:\($0)" } ?? "[::1]"
        if !request.headers.contains(where: { $0.0.lowercased() == "host" }) { lines.append("Host: \(hostPort)") }
        for (name, value) in request.headers { lines.append("\(name): \(value)") }
        lines.append("Content-Length: \(request.body.count)")
        lines.append("Connection: close")
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    private static func connect(port: UInt16, deadline: Date) throws(Failure) -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET6, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(kind: .other, message: "cannot open a socket: \(systemMessage())") }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        #if canImport(Darwin)
        var noSigPipe: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &noSigPipe, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = port.bigEndian
        address.sin6_addr = in6addr_loopback
        let started = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
            }
        }
        if started != 0 && errno != EINPROGRESS {
            let message = systemMessage()
            close(descriptor)
            throw Failure(kind: .cannotConnect, message: "cannot connect to [::1]:\(port): \(message)")
        }
        do {
            try wait(descriptor, for: Int16(POLLOUT), deadline: deadline)
        } catch {
            close(descriptor)
            throw error
        }
        var problem: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &problem, &length)
        guard problem == 0 else {
            close(descriptor)
            throw Failure(kind: .cannotConnect, message: "cannot connect to [::1]:\(port): \(String(cString: strerror(problem)))")
        }
        return descriptor
    }

    private static func write(_ data: Data, to socket: Int32, deadline: Date) throws(Failure) {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            try wait(socket, for: Int16(POLLOUT), deadline: deadline)
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, flags) }
            if sent < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw Failure(kind: .connectionLost, message: "the connection to [::1] was lost: \(systemMessage())")
            }
            offset += sent
        }
    }

    /// Waits until `socket` is ready for `events` or the deadline passes.
    fileprivate static func wait(_ socket: Int32, for events: Int16, deadline: Date) throws(Failure) {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(kind: .timedOut, message: "[::1] did not answer in time") }
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 3600) * 1000) + 1)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw Failure(kind: .other, message: "poll failed: \(systemMessage())") }
        }
    }

    fileprivate static func systemMessage() -> String { String(cString: strerror(errno)) }
}

/// Reads one response from the socket, never more than `limit` body bytes.
private struct Reader {
    let socket: Int32
    let deadline: Date
    let limit: Int
    var buffer: [UInt8] = []
    var closed = false

    init(socket: Int32, deadline: Date, limit: Int) {
        self.socket = socket
        self.deadline = deadline
        self.limit = limit
    }

    typealias Failure = LoopbackSocketExchange.Failure

    mutating func response() throws(Failure) -> HTTPResponse {
        let head = try readHead()
        var lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw Failure(kind: .other, message: "[::1] did not answer with HTTP")
        }
        let headers: [(String, String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let value = { (name: String) in headers.first { $0.0.lowercased() == name }?.1 }
        let body: [UInt8]
        if value("transfer-encoding")?.lowercased().contains("chunked") == true {
            body = try readChunked()
        } else if let length = value("content-length").flatMap(Int.init) {
            guard length <= limit else { throw tooLarge() }
            body = try readExactly(length)
        } else {
            body = try readToEnd()
        }
        return HTTPResponse(status: status, headers: headers, body: Data(body))
    }

    private mutating func readHead() throws(Failure) -> [UInt8] {
        let separator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let end = buffer.firstRange(of: separator) {
                let head = Array(buffer[..<end.lowerBound])
                buffer.removeSubrange(..<end.upperBound)
                return head
            }
            guard buffer.count < LoopbackSocketExchange.maximumHeadBytes else {
                throw Failure(kind: .other, message: "[::1] sent response headers longer than \(LoopbackSocketExchange.maximumHeadBytes) bytes")
            }
            guard try fill() else { throw Failure(kind: .connectionLost, message: "the connection to [::1] closed before an answer") }
        }
    }

    private mutating func readChunked() throws(Failure) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine()
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw Failure(kind: .other, message: "[::1] sent a malformed chunked body")
            }
            if size == 0 { return body }
            guard body.count + size <= limit else { throw tooLarge() }
            body += try readExactly(size)
            _ = try readLine()
        }
    }

    private mutating func readLine() throws(Failure) -> String {
        while true {
            if let end = buffer.firstRange(of: [13, 10]) {
                let line = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<end.upperBound)
                return line
            }
            guard buffer.count < 4096 else { throw Failure(kind: .other, message: "[::1] sent a malformed chunked body") }
            guard try fill() else { throw Failure(kind: .connectionLost, message: "the connection to [::1] closed mid-answer") }
        }
    }

    private mutating func readExactly(_ count: Int) throws(Failure) -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw Failure(kind: .connectionLost, message: "the connection to [::1] closed mid-answer") }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeSubrange(..<count)
        return bytes
    }

    private mutating func readToEnd() throws(Failure) -> [UInt8] {
        while try fill() {
            guard buffer.count <= limit else { throw tooLarge() }
        }
        return buffer
    }

    /// Reads what is there; false at the end of the stream.
    private mutating func fill() throws(Failure) -> Bool {
        guard !closed else { return false }
        try LoopbackSocketExchange.wait(socket, for: Int16(POLLIN), deadline: deadline)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer += chunk[..<count]
            return true
        }
        if count < 0, errno == EAGAIN || errno == EINTR { return true }
        closed = true
        return false
    }

    private func tooLarge() -> Failure {
        Failure(kind: .other, message: "[::1] sent a response larger than \(limit) bytes, far beyond any IAM or STS answer; it was cut off")
    }
}
