import Foundation
import Testing
import TestSupport
@testable import IAMClient

/// The generated partition table against botocore's own endpoint rules: for
/// every region botocore knows (pseudo-regions such as `aws-global` included)
/// and a few it does not, the same IAM, STS and Organizations endpoints and signing regions.
@Suite("Partitions: generated from botocore and resolved as botocore resolves them", .timeLimit(.minutes(10)))
struct PartitionDifferentialTests {
    struct Resolved: Codable, Equatable {
        var iam: String
        var iamRegion: String
        var sts: String
        var stsRegion: String
        var organizations: String
        var organizationsRegion: String
    }

    static let script = #"""
        import json, os, sys
        import botocore.session
        os.environ.update({"AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b", "AWS_EC2_METADATA_DISABLED": "true"})
        session = botocore.session.Session()
        def resolve(service, region):
            client = session.create_client(service, region_name=region)
            model = client.meta.service_model
            endpoint = client._ruleset_resolver.construct_endpoint(
                operation_model=model.operation_model(model.operation_names[0]), call_args={}, request_context={})
            scheme = (endpoint.properties.get("authSchemes") or [{}])[0]
            return endpoint.url, scheme.get("signingRegion") or region
        out = []
        for region in json.load(sys.stdin):
            iam, iam_region = resolve("iam", region)
            sts, sts_region = resolve("sts", region)
            organizations, organizations_region = resolve("organizations", region)
            out.append({"iam": iam, "iamRegion": iam_region, "sts": sts, "stsRegion": sts_region,
                        "organizations": organizations, "organizationsRegion": organizations_region})
        json.dump(out, sys.stdout)
        """#

    static var regions: [String] {
        let listed = Partition.all.flatMap { $0.regions }.filter { !$0.hasSuffix("-fips") }.sorted()
        return listed + ["xx-new-1", "us-gov-south-9", "cn-south-7", "eusc-de-west-2", "eu-isoe-north-3"]
    }

    @Test func endpointsMatchBotocore() async throws {
        let regions = Self.regions
        let expected = try await PythonOracle.answer(Self.script, for: regions, as: [Resolved].self)
        for (region, botocore) in zip(regions, expected) {
            let resolved = try EndpointResolver.resolve(
                regionOption: region, endpointURLOption: nil, environment: [:], profile: [:], profileName: "default")
            let rolewiz = Resolved(
                iam: resolved.iam.url.absoluteString, iamRegion: resolved.iam.signingRegion,
                sts: resolved.sts.url.absoluteString, stsRegion: resolved.sts.signingRegion,
                organizations: resolved.organizations.url.absoluteString, organizationsRegion: resolved.organizations.signingRegion)
            #expect(rolewiz == botocore, "\(region)")
        }
    }

    @Test("aws-eusc: its own partition, ARN prefix and regional IAM endpoint")
    func europeanSovereignCloud() throws {
        let resolved = try EndpointResolver.resolve(
            regionOption: "eusc-de-east-1", endpointURLOption: nil, environment: [:], profile: [:], profileName: "default")
        #expect(resolved.partition == .awsEUSC)
        #expect(resolved.partition.name == "aws-eusc")
        #expect(resolved.iam.url.absoluteString == "https://iam.eusc-de-east-1.amazonaws.eu")
        #expect(resolved.iam.signingRegion == "eusc-de-east-1")
        #expect(resolved.partition.arn(service: "iam", account: "123456789012", resource: "role/x") == "arn:aws-eusc:iam::123456789012:role/x")
    }

    @Test("pseudo-regions belong to their partition by name")
    func pseudoRegions() {
        #expect(Partition.forRegion("aws-global") == .aws)
        #expect(Partition.forRegion("aws-cn-global") == .awsCN)
        #expect(Partition.forRegion("aws-us-gov-global") == .awsUSGov)
        #expect(Partition.aws.stsEndpoint(region: "aws-global").absoluteString == "https://sts.amazonaws.com")
        #expect(Partition.aws.stsSigningRegion(region: "aws-global") == "us-east-1")
    }

    /// The committed table is what the script writes from the installed botocore
    /// (the date line aside); a botocore upgrade shows up here as a failure to regenerate.
    @Test func generatedFileIsCurrent() async throws {
        let root = Processes.packageRoot()
        let script = root.appendingPathComponent("Sources/IAMClient/Endpoints/generate-partitions.py")
        let committed = root.appendingPathComponent("Sources/IAMClient/Endpoints/Partitions+Generated.swift")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("partitions-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: output) }
        let runner = """
            import contextlib, io, runpy, sys
            sys.argv = [sys.argv[0], \(CLICacheFileName.quoted(output.path))]
            with contextlib.redirect_stdout(io.StringIO()):
                runpy.run_path(\(CLICacheFileName.quoted(script.path)), run_name="__main__")
            print("{}")
            """
        _ = try await PythonOracle.answer(runner, for: [String](), as: [String: String].self)
        let dropDate = { (text: String) in text.split(separator: "\n").dropFirst().joined(separator: "\n") }
        let fresh = try String(contentsOf: output, encoding: .utf8)
        let current = try String(contentsOf: committed, encoding: .utf8)
        #expect(dropDate(fresh) == dropDate(current))
    }
}
