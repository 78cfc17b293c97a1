#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// IPv4 and IPv6 addresses and CIDR ranges, as IpAddress compares them. The
/// address is read by the C library's `inet_pton` (as `LoopbackAddress` does),
/// so every form it takes, `::ffff:192.0.2.1` included, is one.
enum IPRange {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let address = String(parts[0])
        let isV6 = address.contains(":")
        guard isV6 ? isIPv6(address) : isIPv4(address) else { return false }
        guard parts.count == 2 else { return true }
        guard !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy(\.isASCIIDigit), let bits = Int(parts[1]) else { return false }
        return (0...(isV6 ? 128 : 32)).contains(bits)
    }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}
