/// Task 1 of SigV4: the canonical request, built from the parts of an HTTP
/// request exactly as they go on the wire.
public struct CanonicalRequest: Sendable, Hashable {
    /// The HTTP method, upper case as sent.
    public var method: String
    /// The path normalized and encoded as SigV4 requires (twice for all but S3).
    public var canonicalURI: String
    /// The query's pairs encoded and sorted, so parameter order does not change the signature.
    public var canonicalQuery: String
    /// `name:value\n` lines, names lower-cased and sorted.
    public var canonicalHeaders: String
    /// `name;name;...`
    public var signedHeaders: String
    /// The body's hex SHA-256, which binds the body to the signature.
    public var payloadHash: String

    /// - Parameters:
    ///   - path: the path as it appears in the request line (already percent-encoded
    ///     once for a real request); it is normalized and encoded again unless `isS3`.
    ///   - query: the raw query string, without `?`.
    ///   - headers: all headers to sign; `User-Agent` is never signed.
    public init(method: String, path: String, query: String, headers: [(String, String)], payloadHash: String, isS3: Bool = false) {
        self.method = method.uppercased()
        self.canonicalURI = Self.canonicalURI(path, isS3: isS3)
        self.canonicalQuery = Self.canonicalQuery(query)
        let (lines, names) = Self.canonicalHeaders(headers)
        self.canonicalHeaders = lines
        self.signedHeaders = names
        self.payloadHash = payloadHash
    }

    /// The text that is hashed into the string to sign.
    public var text: String {
        [method, canonicalURI, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].joined(separator: "\n")
    }

    /// Headers that must never be signed: clients, proxies and load balancers
    /// add or rewrite them (botocore's list: hop-by-hop headers, `User-Agent`,
    /// the trace id), and `Authorization` carries the signature itself.
    static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    static func canonicalURI(_ path: String, isS3: Bool) -> String {
        let raw = path.isEmpty ? "/" : path
        if isS3 { return PercentEncoding.uri(bytes: PercentEncoding.decodedBytes(raw), keepSlash: true) }
        return PercentEncoding.uri(normalize(raw), keepSlash: true)
    }

    /// RFC 3986 dot-segment removal plus collapsing of empty segments, as the
    /// suite's normalize-path cases expect for non-S3 services.
    static func normalize(_ path: String) -> String {
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !output.isEmpty { output.removeLast() }
            default: output.append(segment)
            }
        }
        var result = "/" + output.joined(separator: "/")
        let endsWithSlash = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        if endsWithSlash && !output.isEmpty { result += "/" }
        return result
    }

    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(String, String)] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let key: Substring
            let value: Substring
            if let eq = item.firstIndex(of: "=") {
                key = item[..<eq]
                value = item[item.index(after: eq)...]
            } else {
                key = item
                value = ""
            }
            // Decode then encode: the query may arrive raw or encoded, with
            // lower-case escapes; the canonical form is one strict encoding.
            pairs.append((
                PercentEncoding.uri(bytes: PercentEncoding.decodedBytes(key)),
                PercentEncoding.uri(bytes: PercentEncoding.decodedBytes(value))
            ))
        }
        pairs.sort { $0.0 == $1.0 ? Array($0.1.utf8).lexicographicallyPrecedes($1.1.utf8) : Array($0.0.utf8).lexicographicallyPrecedes($1.0.utf8) }
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    static func canonicalHeaders(_ headers: [(String, String)]) -> (lines: String, names: String) {
        var values: [String: [String]] = [:]
        var order: [String] = []
        for (name, value) in headers {
            let key = name.lowercased()
            if unsignedHeaders.contains(key) { continue }
            if values[key] == nil { order.append(key) }
            values[key, default: []].append(trimAll(value))
        }
        let sorted = order.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        let lines = sorted.map { "\($0):\(values[$0]!.joined(separator: ","))\n" }.joined()
        return (lines, sorted.joined(separator: ";"))
    }

    /// Trims both ends and collapses every run of whitespace (line breaks of
    /// folded headers included) to one space.
    static func trimAll(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for ch in value {
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" || ch == "\r\n" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }
}
