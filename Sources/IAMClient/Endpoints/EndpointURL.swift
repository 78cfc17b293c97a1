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
        var checked = components
        // URLSession on Linux refuses `HTTP://`; the scheme is case-blind.
        checked.scheme = scheme
        if scheme == "http" {
            guard let loopback = LoopbackAddress(host: host) else {
                throw ClientConfigurationError(
                    "The endpoint '\(text)' (from \(origin)) uses plain http://, which rolewiz allows only for loopback addresses (127.0.0.1, [::1], or localhost, which means 127.0.0.1). Use https://.")
            }
            // The address itself, so nothing is looked up.
            checked.percentEncodedHost = loopback.urlHost
        }
        guard let url = checked.url else {
            throw ClientConfigurationError("The endpoint '\(text)' (from \(origin)) is not a valid URL.")
        }
        return url
    }

    /// True when `host` is a loopback address (see `LoopbackAddress`).
    public static func isLoopback(host: String) -> Bool {
        LoopbackAddress(host: host) != nil
    }
}
