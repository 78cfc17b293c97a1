#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback address, decided from the address itself, never from how a
/// host name is spelled: `127.0.0.0/8`, `::1` and `::ffff:127.x.x.x`.
/// Names are not looked up (`localhost.` or `127.0.0.1.nip.io` could
/// resolve anywhere); the one name taken is `localhost`, which RFC 6761
/// reserves for loopback and which rolewiz sends to 127.0.0.1 itself.
public enum LoopbackAddress: Sendable, Hashable {
    case ipv4([UInt8])
    case ipv6

    /// The loopback address `host` names (brackets allowed around IPv6), or nil.
    public init?(host: String) {
        var text = host
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.lowercased() == "localhost" {
            self = .ipv4([127, 0, 0, 1])
            return
        }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            let bytes = withUnsafeBytes(of: v4) { Array($0) }
            guard bytes[0] == 127 else { return nil }
            self = .ipv4(bytes)
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }), bytes[15] == 1 {
            self = .ipv6
        } else if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF, bytes[12] == 127 {
            self = .ipv4(Array(bytes[12..<16]))
        } else {
            return nil
        }
    }

    /// The host as a URL writes it: `127.0.0.1`, `[::1]`.
    public var urlHost: String {
        switch self {
        case .ipv4(let bytes): bytes.map(String.init).joined(separator: ".")
        case .ipv6: "[::1]"
        }
    }
}
