import Foundation

/// Checks endpoint URLs given by the user. Plain `http://` would send signed
/// requests (and STS's temporary credentials) in clear text, so it is allowed
/// only for this machine's loopback addresses, where emulators run.
public enum EndpointURL {
    /// Parses and checks an endpoint URL; `origin` names where it came from
    /// (`--endpoint-url`, `AWS_ENDPOINT_URL_IAM`, ...) for the error message.
    public static func validate(_ text: String, origin: String) throws -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else {
            throw ClientConfigurationError("The endpoint '\(text)' (from \(origin)) is not a URL like https://iam.example.com or http://127.0.0.1:5000.")
        }
        guard scheme == "https" || scheme == "http" else {
            throw ClientConfigurationError("The endpoint '\(text)' (from \(origin)) must start with https:// (or http:// for a loopback host).")
        }
        guard components.user == nil, components.password == nil else {
            throw ClientConfigurationError("The endpoint (from \(origin)) must not contain a user name or password.")
        }
        guard components.query == nil, components.fragment == nil else {
            throw ClientConfigurationError("The endpoint '\(text)' (from \(origin)) must not have a query (?...) or fragment (#...).")
        }
        if scheme == "http" && !isLoopback(host: host) {
            throw ClientConfigurationError(
                "The endpoint '\(text)' (from \(origin)) uses plain http://, which rolewiz allows only for loopback hosts (127.0.0.1, ::1, localhost). Use https://.")
        }
        guard let url = components.url else {
            throw ClientConfigurationError("The endpoint '\(text)' (from \(origin)) is not a valid URL.")
        }
        return url
    }

    /// True for `localhost`, `127.0.0.0/8`, `::1` and IPv4-mapped `::ffff:127.x.x.x`.
    public static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name = String(name.dropLast()) }
        if name == "localhost" { return true }
        if name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        if name.hasPrefix("::ffff:") { name = String(name.dropFirst("::ffff:".count)) }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let values = octets.compactMap { $0.count <= 3 && $0.allSatisfy(\.isASCII) ? UInt8($0) : nil }
        return values.count == 4 && values[0] == 127
    }
}
