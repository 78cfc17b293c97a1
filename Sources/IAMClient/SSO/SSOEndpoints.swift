import Foundation

/// Where the IAM Identity Center portal and OIDC APIs are for a region:
/// `AWS_ENDPOINT_URL_SSO` / `AWS_ENDPOINT_URL_SSO_OIDC` first (botocore's
/// service-specific variables for the `SSO` and `SSO OIDC` services), then
/// `AWS_ENDPOINT_URL` and the profile's `endpoint_url`, as for every service;
/// else `portal.sso.REGION.DNS-SUFFIX` and `oidc.REGION.DNS-SUFFIX` in the
/// region's partition. Plain http:// only for loopback, as everywhere.
public enum SSOEndpoints {
    /// The portal (GetRoleCredentials) for `sso_region`.
    public static func portal(region: String, environment: [String: String], profile: [String: String], profileName: String) throws -> URL {
        try endpoint(service: "SSO", prefix: "portal.sso", region: region, environment: environment, profile: profile, profileName: profileName)
    }

    /// SSO OIDC (RegisterClient, StartDeviceAuthorization, CreateToken) for `sso_region`.
    public static func oidc(region: String, environment: [String: String], profile: [String: String], profileName: String) throws -> URL {
        try endpoint(service: "SSO_OIDC", prefix: "oidc", region: region, environment: environment, profile: profile, profileName: profileName)
    }

    private static func endpoint(
        service: String, prefix: String, region: String, environment: [String: String], profile: [String: String], profileName: String
    ) throws -> URL {
        if let configured = try EndpointResolver.override(
            service: service, option: nil, environment: environment, profile: profile, profileName: profileName) {
            return configured.url
        }
        guard EndpointResolver.isValidRegionName(region) else {
            throw ClientConfigurationError("The sso_region '\(region)' of profile \(profileName) is not a region name like us-east-1.")
        }
        return Partition.forRegion(region).endpoint(prefix: prefix, region: region)
    }
}
