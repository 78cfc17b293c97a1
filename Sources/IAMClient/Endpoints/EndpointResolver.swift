import Foundation

/// The region, partition and IAM, STS and Organizations endpoints for one run.
public struct ResolvedEndpoints: Sendable, Hashable {
    /// Such as `us-east-1`; already checked to be a valid region name.
    public var region: String
    /// Where the region came from: `--region`, `AWS_REGION`, `profile dev`, `default`.
    public var regionOrigin: String
    /// The partition `region` belongs to, which decides the default hosts and ARN prefix.
    public var partition: Partition
    /// Global within the partition, unless overridden.
    public var iam: ServiceEndpoint
    /// Regional unless the partition's data names a host of its own, or overridden.
    public var sts: ServiceEndpoint
    /// Global in most partitions, like IAM; only multi-account runs call it.
    public var organizations: ServiceEndpoint
}

/// Resolves the region and endpoints with the AWS CLI's precedence.
///
/// Region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, `us-east-1`.
/// Endpoint overrides: `--endpoint-url`, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`,
/// the profile's `endpoint_url`; `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or the
/// profile's `ignore_configured_endpoint_urls`) leaves only `--endpoint-url`.
public enum EndpointResolver {
    /// Fails with `ClientConfigurationError` naming the setting when a region or endpoint URL cannot work.
    public static func resolve(
        regionOption: String?, endpointURLOption: String?,
        environment: [String: String], profile: [String: String], profileName: String
    ) throws -> ResolvedEndpoints {
        let (region, regionOrigin) = try resolveRegion(
            option: regionOption, environment: environment, profile: profile, profileName: profileName)
        let partition = Partition.forRegion(region)

        let iamOverride = try override(
            service: "IAM", option: endpointURLOption, environment: environment, profile: profile, profileName: profileName)
        let stsOverride = try override(
            service: "STS", option: endpointURLOption, environment: environment, profile: profile, profileName: profileName)
        let organizationsOverride = try override(
            service: "ORGANIZATIONS", option: endpointURLOption, environment: environment, profile: profile, profileName: profileName)

        let iam = ServiceEndpoint(
            url: iamOverride?.url ?? partition.iamEndpoint, signingName: "iam",
            signingRegion: partition.iamSigningRegion, origin: iamOverride?.origin ?? "default")
        let sts = ServiceEndpoint(
            url: stsOverride?.url ?? partition.stsEndpoint(region: region), signingName: "sts",
            signingRegion: partition.stsSigningRegion(region: region), origin: stsOverride?.origin ?? "default")
        let organizations = ServiceEndpoint(
            url: organizationsOverride?.url ?? partition.organizationsEndpoint(region: region), signingName: "organizations",
            signingRegion: partition.organizationsSigningRegion(region: region), origin: organizationsOverride?.origin ?? "default")
        return ResolvedEndpoints(
            region: region, regionOrigin: regionOrigin, partition: partition, iam: iam, sts: sts, organizations: organizations)
    }

    static func resolveRegion(
        option: String?, environment: [String: String], profile: [String: String], profileName: String
    ) throws -> (String, String) {
        let candidates: [(String?, String)] = [
            (option, "--region"),
            (environment["AWS_REGION"], "AWS_REGION"),
            (environment["AWS_DEFAULT_REGION"], "AWS_DEFAULT_REGION"),
            (profile["region"], "profile \(profileName)"),
        ]
        for (value, origin) in candidates {
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
            guard isValidRegionName(value) else {
                throw ClientConfigurationError(
                    "The region '\(value)' (from \(origin)) is not a region name like us-east-1: use lower-case letters, digits and dashes.")
            }
            return (value, origin)
        }
        return (Partition.aws.defaultRegion, "default")
    }

    /// Regions become part of host names, so only `[a-z0-9-]` is allowed.
    static func isValidRegionName(_ region: String) -> Bool {
        !region.hasPrefix("-") && !region.hasSuffix("-")
            && region.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func override(
        service: String, option: String?, environment: [String: String],
        profile: [String: String], profileName: String
    ) throws -> (url: URL, origin: String)? {
        if let option, !option.isEmpty {
            return (try EndpointURL.validate(option, origin: "--endpoint-url"), "--endpoint-url")
        }
        let ignoreConfigured = isTrue(environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"])
            || isTrue(profile["ignore_configured_endpoint_urls"])
        if ignoreConfigured { return nil }
        let candidates: [(String?, String)] = [
            (environment["AWS_ENDPOINT_URL_\(service)"], "AWS_ENDPOINT_URL_\(service)"),
            (environment["AWS_ENDPOINT_URL"], "AWS_ENDPOINT_URL"),
            (profile["endpoint_url"], "endpoint_url in profile \(profileName)"),
        ]
        for (value, origin) in candidates {
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            return (try EndpointURL.validate(value, origin: origin), origin)
        }
        return nil
    }

    private static func isTrue(_ value: String?) -> Bool {
        value?.trimmingCharacters(in: .whitespaces).lowercased() == "true"
    }
}
