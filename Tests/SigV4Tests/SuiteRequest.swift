/// A request as the SigV4 suite writes it in `.req` and `.sreq` files: a request
/// line, headers (repeats kept, folded continuation lines joined to the header
/// above with their line break), a blank line, then the body.
struct SuiteRequest {
    var method: String
    /// The path exactly as on the request line: not decoded, may hold raw spaces or UTF-8.
    var path: String
    var query: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var column: Int
        var message: String
        var description: String { "line \(line):\(column): \(message)" }
    }

    init(parsing bytes: [UInt8]) throws {
        var lines: [String] = []
        var body: [UInt8] = []
        var lineStart = 0
        var index = 0
        while index <= bytes.count {
            guard index == bytes.count || bytes[index] == UInt8(ascii: "\n") else {
                index += 1
                continue
            }
            var line = bytes[lineStart..<index]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty && !lines.isEmpty {
                body = Array(bytes[min(index + 1, bytes.count)...])
                break
            }
            lines.append(String(decoding: line, as: UTF8.self))
            index += 1
            lineStart = index
        }
        guard let requestLine = lines.first, !requestLine.isEmpty else {
            throw ParseError(line: 1, column: 1, message: "expected a request line 'METHOD target HTTP/1.1'")
        }
        (method, path, query) = try Self.parseRequestLine(requestLine)
        headers = try Self.parseHeaders(lines.dropFirst())
        self.body = body
    }

    /// The target sits between the first and the last space: the suite's
    /// `get-space` case has a raw space inside its path.
    private static func parseRequestLine(_ line: String) throws -> (String, String, String) {
        guard let firstSpace = line.firstIndex(of: " "), let lastSpace = line.lastIndex(of: " "), firstSpace < lastSpace else {
            throw ParseError(line: 1, column: 1, message: "expected 'METHOD target HTTP/1.1', got '\(line)'")
        }
        let version = line[line.index(after: lastSpace)...]
        guard version.hasPrefix("HTTP/") else {
            let column = line.distance(from: line.startIndex, to: lastSpace) + 2
            throw ParseError(line: 1, column: column, message: "expected an HTTP version, got '\(version)'")
        }
        let target = line[line.index(after: firstSpace)..<lastSpace]
        let path = target.prefix { $0 != "?" }
        let query = target.dropFirst(path.count + 1)
        return (String(line[..<firstSpace]), String(path), String(query))
    }

    private static func parseHeaders(_ lines: ArraySlice<String>) throws -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 2
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else {
                    throw ParseError(line: lineNumber, column: 1, message: "continuation line before any header")
                }
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw ParseError(line: lineNumber, column: 1, message: "expected 'Name:value', got '\(line)'")
            }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        return headers
    }

    /// The values of every header called `name`, in order, ignoring case.
    func values(of name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}
