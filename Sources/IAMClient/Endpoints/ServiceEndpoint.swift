import Foundation

/// Where one service's calls go and how they are signed.
public struct ServiceEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The scheme, host, port and path calls go to; the signature covers the host and path.
    public var url: URL
    /// The SigV4 service name: `iam`, `sts` or `organizations`.
    public var signingName: String
    /// The region in the credential scope; for a global service (IAM) it may differ from the session's.
    public var signingRegion: String
    /// Where `url` came from: `default`, `--endpoint-url`, `AWS_ENDPOINT_URL_IAM`, ...
    public var origin: String

    /// `origin` names the setting the URL came from, for messages.
    public init(url: URL, signingName: String, signingRegion: String, origin: String = "default") {
        self.url = url
        self.signingName = signingName
        self.signingRegion = signingRegion
        self.origin = origin
    }

    /// The URL, how it is signed and where it came from, for `--debug` and messages.
    public var description: String { "\(url.absoluteString) (\(signingName) signed for \(signingRegion), from \(origin))" }

    /// The `Host` header: the host, with the port when it is not the scheme's default.
    var hostHeader: String {
        let host = url.host ?? ""
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        guard let port = url.port else { return bracketed }
        let isDefault = (url.scheme == "https" && port == 443) || (url.scheme == "http" && port == 80)
        return isDefault ? bracketed : "\(bracketed):\(port)"
    }

    /// The request path: the URL's path, or `/`.
    var requestPath: String {
        let path = url.path(percentEncoded: true)
        return path.isEmpty ? "/" : path
    }
}
