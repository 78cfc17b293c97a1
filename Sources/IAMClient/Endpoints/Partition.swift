import Foundation

/// An AWS partition: a separate copy of AWS with its own DNS suffix, its own
/// ARN prefix and its own global IAM endpoint. Regions belong to exactly one.
public struct Partition: Sendable, Hashable, CustomStringConvertible {
    /// The ARN prefix: `aws`, `aws-cn`, `aws-us-gov`, ...
    public let name: String
    /// The suffix of every endpoint host: `amazonaws.com`, `amazonaws.com.cn`, ...
    public let dnsSuffix: String
    /// IAM is global within a partition: one endpoint...
    public let iamEndpoint: URL
    /// ...signed for one region.
    public let iamSigningRegion: String
    /// The region rolewiz uses when none is configured in this partition.
    public let defaultRegion: String
    /// Region name prefixes that belong to this partition (the commercial
    /// partition is the fallback and lists none).
    let regionPrefixes: [String]

    public var description: String { name }

    /// The regional STS endpoint, `https://sts.REGION.DNS-SUFFIX`.
    public func stsEndpoint(region: String) -> URL {
        URL(string: "https://sts.\(region).\(dnsSuffix)")!
    }

    /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`; IAM ARNs leave the region empty.
    public func arn(service: String, region: String = "", account: String, resource: String) -> String {
        "arn:\(name):\(service):\(region):\(account):\(resource)"
    }

    /// The partition a region belongs to; unknown regions are commercial, as in the SDKs.
    public static func forRegion(_ region: String) -> Partition {
        let lowered = region.lowercased()
        return all.first { partition in
            partition.regionPrefixes.contains { lowered.hasPrefix($0) }
        } ?? .aws
    }

    /// Looks a partition up by its ARN name (`aws-cn`).
    public static func named(_ name: String) -> Partition? {
        all.first { $0.name == name }
    }

    /// Every partition rolewiz knows, most specific first.
    public static let all: [Partition] = [.awsCN, .awsUSGov, .awsISOB, .awsISOE, .awsISOF, .awsISO, .aws]

    public static let aws = Partition(
        name: "aws", dnsSuffix: "amazonaws.com",
        iamEndpoint: URL(string: "https://iam.amazonaws.com")!, iamSigningRegion: "us-east-1",
        defaultRegion: "us-east-1", regionPrefixes: [])

    public static let awsCN = Partition(
        name: "aws-cn", dnsSuffix: "amazonaws.com.cn",
        iamEndpoint: URL(string: "https://iam.cn-north-1.amazonaws.com.cn")!, iamSigningRegion: "cn-north-1",
        defaultRegion: "cn-north-1", regionPrefixes: ["cn-"])

    public static let awsUSGov = Partition(
        name: "aws-us-gov", dnsSuffix: "amazonaws.com",
        iamEndpoint: URL(string: "https://iam.us-gov.amazonaws.com")!, iamSigningRegion: "us-gov-west-1",
        defaultRegion: "us-gov-west-1", regionPrefixes: ["us-gov-"])

    public static let awsISO = Partition(
        name: "aws-iso", dnsSuffix: "c2s.ic.gov",
        iamEndpoint: URL(string: "https://iam.us-iso-east-1.c2s.ic.gov")!, iamSigningRegion: "us-iso-east-1",
        defaultRegion: "us-iso-east-1", regionPrefixes: ["us-iso-"])

    public static let awsISOB = Partition(
        name: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov",
        iamEndpoint: URL(string: "https://iam.us-isob-east-1.sc2s.sgov.gov")!, iamSigningRegion: "us-isob-east-1",
        defaultRegion: "us-isob-east-1", regionPrefixes: ["us-isob-"])

    public static let awsISOE = Partition(
        name: "aws-iso-e", dnsSuffix: "cloud.adc-e.uk",
        iamEndpoint: URL(string: "https://iam.eu-isoe-west-1.cloud.adc-e.uk")!, iamSigningRegion: "eu-isoe-west-1",
        defaultRegion: "eu-isoe-west-1", regionPrefixes: ["eu-isoe-"])

    public static let awsISOF = Partition(
        name: "aws-iso-f", dnsSuffix: "csp.hci.ic.gov",
        iamEndpoint: URL(string: "https://iam.us-isof-south-1.csp.hci.ic.gov")!, iamSigningRegion: "us-isof-south-1",
        defaultRegion: "us-isof-south-1", regionPrefixes: ["us-isof-"])
}
