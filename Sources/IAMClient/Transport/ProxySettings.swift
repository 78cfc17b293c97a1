import Foundation

/// Proxy settings from the environment, as curl and the AWS CLI read them:
/// `HTTPS_PROXY`/`https_proxy` for https URLs, `HTTP_PROXY`/`http_proxy` for http
/// URLs, and `NO_PROXY`/`no_proxy` for hosts to reach directly. Loopback hosts are
/// never proxied: an emulator on 127.0.0.1 must not be sent through a corporate proxy.
public struct ProxySettings: Sendable, Hashable {
    /// A proxy to tunnel through; credentials in the proxy URL are not kept.
    public struct Proxy: Sendable, Hashable {
        /// The proxy's host name or address.
        public var host: String
        /// The proxy's port; 80 or 443 by the URL's scheme when not given.
        public var port: Int
    }

    /// `HTTP_PROXY`: for http URLs; nil connects directly.
    public var httpProxy: Proxy?
    /// `HTTPS_PROXY`: for https URLs, which every AWS endpoint uses; nil connects directly.
    public var httpsProxy: Proxy?
    /// NO_PROXY entries, lower-cased, without leading `*` or `.`; `*` alone means every host.
    public var noProxy: [String]

    /// Settings given directly, for tests; `from(environment:)` reads the usual variables.
    public init(httpProxy: Proxy? = nil, httpsProxy: Proxy? = nil, noProxy: [String] = []) {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.noProxy = noProxy
    }

    /// Lower-case names win over upper-case, as in curl; an unparsable proxy is ignored, as if unset.
    public static func from(environment: [String: String]) -> ProxySettings {
        func value(_ name: String) -> String? {
            let found = environment[name.lowercased()] ?? environment[name]
            return found?.trimmingCharacters(in: .whitespaces).isEmpty == false ? found : nil
        }
        let noProxy = (value("NO_PROXY") ?? "")
            .split(separator: ",")
            .map { entry -> String in
                var text = entry.trimmingCharacters(in: .whitespaces).lowercased()
                if text != "*" { while text.hasPrefix("*") || text.hasPrefix(".") { text.removeFirst() } }
                return text
            }
            .filter { !$0.isEmpty }
        return ProxySettings(
            httpProxy: value("HTTP_PROXY").flatMap { parse($0, defaultPort: 80) },
            httpsProxy: value("HTTPS_PROXY").flatMap { parse($0, defaultPort: 443) },
            noProxy: noProxy)
    }

    /// Accepts `host:port`, `http://host:port` and `http://user@host:port/`.
    static func parse(_ text: String, defaultPort: Int) -> Proxy? {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            return nil
        }
        let port = components.port ?? (components.scheme == "https" ? 443 : (components.scheme == "http" ? 80 : defaultPort))
        return Proxy(host: host, port: port)
    }

    /// The proxy to use for `url`, or nil to connect directly.
    public func proxy(for url: URL) -> Proxy? {
        guard let host = url.host?.lowercased(), !EndpointURL.isLoopback(host: host) else { return nil }
        if bypasses(host: host, port: url.port) { return nil }
        return url.scheme?.lowercased() == "https" ? httpsProxy : httpProxy
    }

    func bypasses(host: String, port: Int?) -> Bool {
        noProxy.contains { entry in
            if entry == "*" { return true }
            var name = entry
            if let colon = entry.lastIndex(of: ":"), !entry.contains("]"), entry.filter({ $0 == ":" }).count == 1 {
                guard let entryPort = Int(entry[entry.index(after: colon)...]), entryPort == port else { return false }
                name = String(entry[..<colon])
            }
            return host == name || host.hasSuffix("." + name)
        }
    }

    /// Loopback hosts that bypass any proxy, in the forms proxy exception lists take.
    static let loopbackExceptions = ["localhost", "127.0.0.1", "127.0.0.0/8", "::1"]

    /// The `URLSessionConfiguration.connectionProxyDictionary` for these settings
    /// (the CFNetwork keys; Apple platforms honour it).
    public var connectionProxyDictionary: [AnyHashable: Any] {
        var dictionary: [AnyHashable: Any] = [:]
        for (scheme, proxy) in [("HTTP", httpProxy), ("HTTPS", httpsProxy)] {
            dictionary["\(scheme)Enable"] = proxy == nil ? 0 : 1
            if let proxy {
                dictionary["\(scheme)Proxy"] = proxy.host
                dictionary["\(scheme)Port"] = proxy.port
            }
        }
        dictionary["ExceptionsList"] = Self.loopbackExceptions + noProxy.map { $0 == "*" ? "*" : "*.\($0)" } + noProxy.filter { $0 != "*" }
        return dictionary
    }

    /// The `no_proxy` value that adds the loopback hosts to `existing`.
    static func noProxyValue(addingLoopbackTo existing: String?) -> String {
        let present = Set((existing ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let missing = loopbackExceptions.filter { !present.contains($0) }
        return ([existing].compactMap { $0 }.filter { !$0.isEmpty } + missing).joined(separator: ",")
    }
}
