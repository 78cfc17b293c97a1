import Foundation
import Testing
@testable import IAMClient

@Suite("Regions, partitions and endpoints", .timeLimit(.minutes(10)))
struct EndpointResolutionTests {
    func resolve(
        region: String? = nil, endpointURL: String? = nil, environment: [String: String] = [:], profile: [String: String] = [:]
    ) throws -> ResolvedEndpoints {
        try EndpointResolver.resolve(
            regionOption: region, endpointURLOption: endpointURL, environment: environment, profile: profile, profileName: "dev")
    }

    @Test(arguments: [
        ("us-east-1", "aws", "https://iam.amazonaws.com", "us-east-1", "https://sts.us-east-1.amazonaws.com"),
        ("eu-west-3", "aws", "https://iam.amazonaws.com", "us-east-1", "https://sts.eu-west-3.amazonaws.com"),
        ("cn-north-1", "aws-cn", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "https://sts.cn-north-1.amazonaws.com.cn"),
        ("cn-northwest-1", "aws-cn", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "https://sts.cn-northwest-1.amazonaws.com.cn"),
        ("us-gov-west-1", "aws-us-gov", "https://iam.us-gov.amazonaws.com", "us-gov-west-1", "https://sts.us-gov-west-1.amazonaws.com"),
        ("us-gov-east-1", "aws-us-gov", "https://iam.us-gov.amazonaws.com", "us-gov-west-1", "https://sts.us-gov-east-1.amazonaws.com"),
        ("us-iso-east-1", "aws-iso", "https://iam.us-iso-east-1.c2s.ic.gov", "us-iso-east-1", "https://sts.us-iso-east-1.c2s.ic.gov"),
        ("us-isob-east-1", "aws-iso-b", "https://iam.us-isob-east-1.sc2s.sgov.gov", "us-isob-east-1", "https://sts.us-isob-east-1.sc2s.sgov.gov"),
        ("eu-isoe-west-1", "aws-iso-e", "https://iam.eu-isoe-west-1.cloud.adc-e.uk", "eu-isoe-west-1", "https://sts.eu-isoe-west-1.cloud.adc-e.uk"),
        ("us-isof-south-1", "aws-iso-f", "https://iam.us-isof-south-1.csp.hci.ic.gov", "us-isof-south-1", "https://sts.us-isof-south-1.csp.hci.ic.gov"),
        ("mars-north-7", "aws", "https://iam.amazonaws.com", "us-east-1", "https://sts.mars-north-7.amazonaws.com"),
    ])
    func partitionEndpoints(region: String, partition: String, iam: String, iamRegion: String, sts: String) throws {
        let resolved = try resolve(region: region)
        #expect(resolved.partition.name == partition)
        #expect(resolved.iam.url.absoluteString == iam)
        #expect(resolved.iam.signingRegion == iamRegion)
        #expect(resolved.iam.signingName == "iam")
        #expect(resolved.sts.url.absoluteString == sts)
        #expect(resolved.sts.signingRegion == region)
        #expect(resolved.sts.signingName == "sts")
    }

    @Test func partitionsBuildARNs() {
        #expect(Partition.awsCN.arn(service: "iam", account: "123456789012", resource: "role/x") == "arn:aws-cn:iam::123456789012:role/x")
        #expect(Partition.named("aws-us-gov") == .awsUSGov)
        #expect(Partition.forRegion("CN-NORTH-1") == .awsCN)
    }

    @Test func regionPrecedence() throws {
        let everything = ["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "eu-west-2"]
        let profile = ["region": "ap-south-1"]
        #expect(try resolve(region: "us-west-2", environment: everything, profile: profile).region == "us-west-2")
        let fromEnvironment = try resolve(environment: everything, profile: profile)
        #expect(fromEnvironment.region == "eu-west-1")
        #expect(fromEnvironment.regionOrigin == "AWS_REGION")
        #expect(try resolve(environment: ["AWS_DEFAULT_REGION": "eu-west-2"], profile: profile).region == "eu-west-2")
        let fromProfile = try resolve(environment: ["AWS_REGION": ""], profile: profile)
        #expect(fromProfile.region == "ap-south-1")
        #expect(fromProfile.regionOrigin == "profile dev")
        let fallback = try resolve()
        #expect(fallback.region == "us-east-1")
        #expect(fallback.regionOrigin == "default")
    }

    @Test(arguments: ["us east 1", "us-east-1.evil.com", "US_EAST_1", "-bad"])
    func badRegionNamesAreRefused(region: String) {
        #expect(throws: ClientConfigurationError.self) { try resolve(region: region) }
    }

    @Test func serviceSpecificOverridesWinOverTheGeneralOne() throws {
        let environment = [
            "AWS_ENDPOINT_URL": "https://general.example.com",
            "AWS_ENDPOINT_URL_IAM": "https://iam.example.com",
        ]
        let resolved = try resolve(region: "eu-central-1", environment: environment, profile: ["endpoint_url": "https://profile.example.com"])
        #expect(resolved.iam.url.absoluteString == "https://iam.example.com")
        #expect(resolved.iam.origin == "AWS_ENDPOINT_URL_IAM")
        #expect(resolved.iam.signingRegion == "us-east-1")
        #expect(resolved.sts.url.absoluteString == "https://general.example.com")
        #expect(resolved.sts.origin == "AWS_ENDPOINT_URL")
        #expect(resolved.sts.signingRegion == "eu-central-1")

        let stsOnly = try resolve(environment: ["AWS_ENDPOINT_URL_STS": "https://sts.example.com"], profile: ["endpoint_url": "https://profile.example.com"])
        #expect(stsOnly.sts.url.absoluteString == "https://sts.example.com")
        #expect(stsOnly.iam.url.absoluteString == "https://profile.example.com")
        #expect(stsOnly.iam.origin == "endpoint_url in profile dev")
    }

    @Test func theCommandLineWinsOverEverything() throws {
        let environment = ["AWS_ENDPOINT_URL": "https://general.example.com", "AWS_ENDPOINT_URL_IAM": "https://iam.example.com"]
        let resolved = try resolve(endpointURL: "http://127.0.0.1:5000", environment: environment)
        #expect(resolved.iam.url.absoluteString == "http://127.0.0.1:5000")
        #expect(resolved.sts.url.absoluteString == "http://127.0.0.1:5000")
        #expect(resolved.iam.origin == "--endpoint-url")
    }

    @Test func configuredEndpointsCanBeIgnored() throws {
        let environment = ["AWS_ENDPOINT_URL": "https://general.example.com", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]
        let resolved = try resolve(environment: environment)
        #expect(resolved.iam.url == Partition.aws.iamEndpoint)
        #expect(resolved.iam.origin == "default")
    }

    @Test(arguments: [
        "http://127.0.0.1:5000", "http://127.1.2.3", "http://localhost:4566", "http://[::1]:5000", "https://iam.example.com",
        "https://10.0.0.1:8443/prefix",
    ])
    func acceptedEndpoints(url: String) throws {
        _ = try EndpointURL.validate(url, origin: "--endpoint-url")
    }

    @Test(arguments: [
        "http://example.com", "http://10.0.0.1:5000", "http://169.254.169.254", "http://128.0.0.1", "http://localhost.example.com",
        "ftp://127.0.0.1", "127.0.0.1:5000", "https://user:pass@iam.example.com", "https://iam.example.com/?x=1", "",
    ])
    func refusedEndpoints(url: String) {
        #expect(throws: ClientConfigurationError.self) { try EndpointURL.validate(url, origin: "AWS_ENDPOINT_URL") }
    }

    @Test func refusalMessageNamesTheSettingAndTheFix() {
        let error = #expect(throws: ClientConfigurationError.self) {
            try resolve(environment: ["AWS_ENDPOINT_URL_STS": "http://example.com"])
        }
        #expect(error?.message.contains("AWS_ENDPOINT_URL_STS") == true)
        #expect(error?.message.contains("https://") == true)
    }

    @Test func sessionRefusesPlainHTTPBeforeAnyConnection() {
        let transport = FakeTransport([])
        #expect(throws: ClientConfigurationError.self) {
            try AWSSession.resolve(ClientOptions(
                endpointURL: "http://example.com", environment: [:], transport: transport, profiles: ProfileStore(),
                credentialProvider: FixedTestCredentials.moto))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func sessionResolvesProfileRegionAndAttempts() throws {
        let profiles = ProfileStore(profiles: ["dev": ["region": "cn-north-1", "max_attempts": "7"]])
        let session = try AWSSession.resolve(ClientOptions(
            profile: "dev", environment: [:], transport: FakeTransport([]), profiles: profiles,
            credentialProvider: FixedTestCredentials.moto))
        #expect(session.profileName == "dev")
        #expect(session.region == "cn-north-1")
        #expect(session.partition == .awsCN)
        #expect(session.iamEndpoint.url.absoluteString == "https://iam.cn-north-1.amazonaws.com.cn")
        #expect(session.stsEndpoint.url.absoluteString == "https://sts.cn-north-1.amazonaws.com.cn")
        #expect(session.retry.maxAttempts == 7)

        let fromEnvironment = try AWSSession.resolve(ClientOptions(
            maxAttempts: 2, environment: ["AWS_PROFILE": "dev", "AWS_MAX_ATTEMPTS": "9"], transport: FakeTransport([]),
            profiles: profiles, credentialProvider: FixedTestCredentials.moto))
        #expect(fromEnvironment.profileName == "dev")
        #expect(fromEnvironment.retry.maxAttempts == 2)
    }

    @Test func missingProfileAndBadAttemptsAreConfigurationErrors() {
        #expect(throws: ClientConfigurationError.self) {
            try AWSSession.resolve(ClientOptions(profile: "nope", environment: [:], transport: FakeTransport([]), profiles: ProfileStore()))
        }
        #expect(throws: ClientConfigurationError.self) {
            try AWSSession.resolve(ClientOptions(maxAttempts: 0, environment: [:], transport: FakeTransport([]), profiles: ProfileStore()))
        }
        #expect(throws: ClientConfigurationError.self) {
            try AWSSession.resolve(ClientOptions(environment: ["AWS_MAX_ATTEMPTS": "many"], transport: FakeTransport([]), profiles: ProfileStore()))
        }
    }

    @Test func hostHeaderKeepsNonDefaultPorts() {
        func host(_ url: String) -> String {
            ServiceEndpoint(url: URL(string: url)!, signingName: "iam", signingRegion: "us-east-1").hostHeader
        }
        #expect(host("https://iam.amazonaws.com") == "iam.amazonaws.com")
        #expect(host("https://iam.amazonaws.com:443") == "iam.amazonaws.com")
        #expect(host("http://127.0.0.1:5000") == "127.0.0.1:5000")
        #expect(host("http://[::1]:5000") == "[::1]:5000")
    }
}
