import Foundation

/// An AWS partition: a separate copy of AWS with its own DNS suffix, its own
/// ARN prefix and its own global IAM and Organizations endpoints. Regions belong to exactly one.
///
/// The table (`Partitions+Generated.swift`) is generated from botocore's
/// published partition data by `generate-partitions.py`, so new partitions
/// such as `aws-eusc` arrive with a botocore upgrade, not by hand.
public struct Partition: Sendable, Hashable, CustomStringConvertible {
    /// A host of its own for one (pseudo-)region, such as `aws-global` -> `sts.amazonaws.com`.
    public struct StaticHost: Sendable, Hashable {
        /// The host name only, such as `sts.amazonaws.com`; https is implied.
        public var host: String
        /// The region calls to `host` are signed for (`us-east-1` for the global STS host).
        public var signingRegion: String
    }

    /// The ARN prefix: `aws`, `aws-cn`, `aws-us-gov`, ...
    public let name: String
    /// The suffix of every endpoint host: `amazonaws.com`, `amazonaws.com.cn`, ...
    public let dnsSuffix: String
    /// IAM is global within a partition: one endpoint...
    public let iamEndpoint: URL
    /// ...signed for one region.
    public let iamSigningRegion: String
    /// Organizations' one global host where botocore's rules have one
    /// (nil: regional, `organizations.REGION.DNS-SUFFIX`).
    let organizationsHost: StaticHost?
    /// The region rolewiz uses when none is configured in this partition.
    public let defaultRegion: String
    /// botocore's `regionRegex`, such as `^cn\-\w+\-\d+$`.
    let regionPattern: String
    /// The regions and pseudo-regions (`aws-global`) botocore lists by name.
    let regions: Set<String>
    /// STS endpoints with a host of their own, by region.
    let stsHosts: [String: StaticHost]

    init(
        name: String, dnsSuffix: String, iamHost: String, iamSigningRegion: String, defaultRegion: String,
        organizations: StaticHost?, regionPattern: String, regions: Set<String>, stsHosts: [String: StaticHost]
    ) {
        self.name = name
        self.dnsSuffix = dnsSuffix
        self.iamEndpoint = URL(string: "https://\(iamHost)")!
        self.iamSigningRegion = iamSigningRegion
        self.defaultRegion = defaultRegion
        self.organizationsHost = organizations
        self.regionPattern = regionPattern
        self.regions = regions
        self.stsHosts = stsHosts
    }

    /// The partition's name, as ARNs have it.
    public var description: String { name }

    /// The regional STS endpoint, `https://sts.REGION.DNS-SUFFIX`, or the host
    /// botocore's data names for the region (`aws-global` -> `sts.amazonaws.com`).
    public func stsEndpoint(region: String) -> URL {
        URL(string: "https://\(stsHosts[region]?.host ?? "sts.\(region).\(dnsSuffix)")")!
    }

    /// The region STS requests to `stsEndpoint(region:)` are signed for.
    public func stsSigningRegion(region: String) -> String {
        stsHosts[region]?.signingRegion ?? region
    }

    /// The Organizations endpoint: the partition's global host, or the region's.
    public func organizationsEndpoint(region: String) -> URL {
        URL(string: "https://\(organizationsHost?.host ?? "organizations.\(region).\(dnsSuffix)")")!
    }

    /// The region Organizations requests to `organizationsEndpoint(region:)` are signed for.
    public func organizationsSigningRegion(region: String) -> String {
        organizationsHost?.signingRegion ?? region
    }

    /// Another regional service's endpoint, `https://PREFIX.REGION.DNS-SUFFIX`
    /// (`portal.sso`, `oidc`).
    public func endpoint(prefix: String, region: String) -> URL {
        URL(string: "https://\(prefix).\(region).\(dnsSuffix)")!
    }

    /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`; IAM ARNs leave the region empty.
    public func arn(service: String, region: String = "", account: String, resource: String) -> String {
        "arn:\(name):\(service):\(region):\(account):\(resource)"
    }

    /// The partition a region belongs to, as botocore's `aws.partition` rule
    /// decides: a region listed by name, else one matching a partition's
    /// pattern, else the commercial partition.
    public static func forRegion(_ region: String) -> Partition {
        let lowered = region.lowercased()
        if let listed = all.first(where: { $0.regions.contains(lowered) }) { return listed }
        return all.first { $0.matches(lowered) } ?? .aws
    }

    /// Looks a partition up by its ARN name (`aws-cn`).
    public static func named(_ name: String) -> Partition? {
        all.first { $0.name == name }
    }

    /// Whether `region` is one of this partition's, by name or by its pattern
    /// (so a region botocore does not list yet still counts).
    public func hasRegion(_ region: String) -> Bool {
        let lowered = region.lowercased()
        return regions.contains(lowered) || matches(lowered)
    }

    private func matches(_ region: String) -> Bool {
        guard let pattern = try? Regex(regionPattern) else { return false }
        return region.firstMatch(of: pattern) != nil
    }
}
