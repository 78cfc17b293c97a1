import Foundation
import IAMClient
import Testing
import TestSupport

/// Runs the built `rolewiz` as a user would, with an explicit environment
/// (test keys, no instance metadata, an empty HOME), and reads IAM behind
/// its back through the client library.
struct RolewizRunner {
    static let accessKey = "AKIAROLEWIZCMDTEST"
    static let secret = "testing-SECRET-that-must-never-be-printed"

    let moto: MotoServer?
    let home: URL

    init(moto: MotoServer?) throws {
        self.moto = moto
        home = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// Test keys and an empty HOME; `credentials: false` leaves no credentials anywhere.
    func environment(credentials: Bool = true, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": home.path, "AWS_CONFIG_FILE": home.path + "/config",
            "AWS_SHARED_CREDENTIALS_FILE": home.path + "/credentials", "AWS_EC2_METADATA_DISABLED": "true",
        ]
        if credentials {
            environment["AWS_ACCESS_KEY_ID"] = Self.accessKey
            environment["AWS_SECRET_ACCESS_KEY"] = Self.secret
        }
        return Processes.minimalEnvironment(environment.merging(extra) { _, new in new })
    }

    /// `rolewiz ARGS --endpoint-url MOTO` (the endpoint only for commands that take it).
    func run(
        _ arguments: [String], endpoint: Bool = true, credentials: Bool = true, stdin: Data? = nil,
        environment extra: [String: String] = [:]
    ) async throws -> ProcessResult {
        var arguments = arguments
        if endpoint, let moto { arguments += ["--endpoint-url", moto.endpoint.absoluteString] }
        let result = try await Processes.run(
            try Processes.rolewizExecutable(), arguments: arguments,
            environment: environment(credentials: credentials, extra), stdin: stdin ?? Data(), timeout: 120)
        #expect(!result.stdout.contains(Self.secret) && !result.stderr.contains(Self.secret), "a secret was printed")
        return result
    }

    /// A file in this run's HOME.
    func write(_ text: String, to name: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// An IAM client at moto, for setting up drift and checking results.
    func iam() throws -> IAMService {
        let moto = try #require(moto)
        return try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString,
            environment: ["AWS_ACCESS_KEY_ID": Self.accessKey, "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_EC2_METADATA_DISABLED": "true"],
            profiles: ProfileStore())).iam
    }
}

extension ProcessResult {
    /// The IAM calls that wrote (`| write`), each once: an attempt that was
    /// retried (`| retrying in`, as under a loaded moto) is not a call of its own.
    var writeActions: [String] {
        debugLines.filter { $0.contains("| write") && !$0.contains("| retrying in") }.compactMap(Self.action)
    }

    /// Every IAM or STS action `--debug` reported.
    var calledActions: [String] { debugLines.compactMap(Self.action) }

    var debugLines: [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("[rolewiz debug] ") }
    }

    /// `iam CreateRole` from `[rolewiz debug] iam CreateRole | attempt 1 | ...`.
    private static func action(_ line: String) -> String? {
        let fields = line.dropFirst("[rolewiz debug] ".count).split(separator: " ")
        return fields.count > 1 ? String(fields[1]) : nil
    }

    /// Lines of standard output, without colour.
    var outputLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The lines of a plan's section under `heading`, up to the blank line
    /// that ends it; nil when the plan has no such section.
    func section(_ heading: String) -> [String]? {
        let lines = outputLines
        guard let start = lines.firstIndex(of: heading) else { return nil }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }
}

enum Seed {
    static let policyArns: Set<String> = [
        "arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/IAMFullAccess",
        "arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess",
    ]
    static let services: Set<String> = ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]

    /// The service principals a trust policy names.
    static func services(in trustPolicy: String) throws -> Set<String> {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trustPolicy.utf8)) as? [String: Any])
        let statements = try #require(object["Statement"] as? [[String: Any]])
        var services = Set<String>()
        for statement in statements {
            let principal = statement["Principal"] as? [String: Any]
            if let one = principal?["Service"] as? String { services.insert(one) }
            if let many = principal?["Service"] as? [String] { services.formUnion(many) }
        }
        return services
    }
}
