import Foundation

/// Where one service's calls go and how they are signed.
public struct ServiceEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var url: URL
    /// The SigV4 service name: `iam` or `sts`.
    public var signingName: String
    public var signingRegion: String
    /// Where `url` came from: `default`, `--endpoint-url`, `AWS_ENDPOINT_URL_IAM`, ...
    public var origin: String

    public init(url: URL, signingName: String, signingRegion: String, origin: String = "default") {
        self.url = url
        self.signingName = signingName
        self.signingRegion = signingRegion
        self.origin = origin
    }

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
