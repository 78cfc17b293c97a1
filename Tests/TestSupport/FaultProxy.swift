import Foundation
import IAMClient

/// `python/fault_proxy.py` in front of a moto server: a loopback proxy that
/// forwards to moto and misbehaves on purpose for chosen actions (throttling,
/// 5xx, dropped connections, stalls, broken XML, clock skew, expired tokens)
/// or adds latency to every request. One proxy per test, on its own port.
///
/// The proxy exits when its standard input closes, so it cannot outlive the
/// test process; `stop()` ends it earlier.
public final class FaultProxy: Sendable {
    /// `http://127.0.0.1:PORT`: point `--endpoint-url` here.
    public let endpoint: URL
    private let helper: HelperProcess

    private init(endpoint: URL, helper: HelperProcess) {
        self.endpoint = endpoint
        self.helper = helper
    }

    /// Starts a proxy in front of `upstream` with `rules` from the start.
    public static func start(
        upstream: MotoServer, rules: [FaultRule] = [], latencyMilliseconds: Int = 0
    ) async throws -> FaultProxy {
        let script = Processes.packageRoot().appendingPathComponent("Tests/TestSupport/python/fault_proxy.py")
        let rulesJSON = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
        let arguments = [
            script.path, "--upstream", "127.0.0.1:\(upstream.port)",
            "--latency-ms", String(latencyMilliseconds), "--rules", rulesJSON,
        ]
        return try await launch(arguments: arguments)
    }

    /// Replaces the rules (their counters start again).
    public func setRules(_ rules: [FaultRule]) async throws {
        _ = try await control("POST", "/__proxy/rules", body: try JSONEncoder().encode(rules))
    }

    /// What the proxy has seen so far.
    public func stats() async throws -> FaultProxyStats {
        try JSONDecoder().decode(FaultProxyStats.self, from: try await control("GET", "/__proxy/stats"))
    }

    /// Ends the proxy.
    public func stop() {
        helper.stop()
    }

    private func control(_ method: String, _ path: String, body: Data = Data()) async throws -> Data {
        let transport = URLSessionTransport(environment: ["AWS_EC2_METADATA_DISABLED": "true"])
        let response = try await transport.send(HTTPRequest(
            method: method, url: endpoint.appendingPathComponent(String(path.dropFirst())),
            headers: [("Content-Type", "application/json")], body: body, timeout: 10))
        guard response.status == 200 else {
            throw ProcessLookupError(message: "fault proxy \(path): HTTP \(response.status) \(String(decoding: response.body, as: UTF8.self))")
        }
        return response.body
    }

    private static func launch(arguments: [String]) async throws -> FaultProxy {
        guard let python = Processes.which("python3") else {
            throw ProcessLookupError(message: "python3 is not on PATH")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        process.environment = Processes.minimalEnvironment(["PYTHONUNBUFFERED": "1"])
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The proxy's first line is its port; it binds before printing it.
        let text = (await HelperProcess.firstLine(from: output.fileHandleForReading, timeout: 60) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text) else {
            try? input.fileHandleForWriting.close()
            kill(process.processIdentifier, SIGKILL)
            throw ProcessLookupError(message: "fault_proxy.py did not start (said '\(text)')")
        }
        return FaultProxy(
            endpoint: URL(string: "http://127.0.0.1:\(port)")!, helper: HelperProcess(process, input: input.fileHandleForWriting))
    }
}

/// One misbehaviour: `fault` for the requests of `action` ("*": any) after
/// the first `skip`, `times` times (-1: always).
public struct FaultRule: Codable, Sendable {
    public enum Fault: String, Codable, Sendable, CaseIterable {
        case throttle, internalError = "500", unavailable = "503", dropBefore = "drop_before",
            dropAfter = "drop_after", stall, malformedXML = "malformed_xml", truncatedXML = "truncated_xml",
            html, skew, expiredToken = "expired_token", accessDenied = "access_denied"
    }

    public var action: String
    public var fault: Fault
    public var times: Int
    public var skip: Int
    /// For `stall`: how long before the connection is dropped.
    public var seconds: Double?
    /// Only requests signed with this access key id match.
    public var accessKey: String?
    /// Only requests whose (form-decoded) body holds this text match, such as one account's role ARN.
    public var bodyContains: String?

    public init(
        action: String, fault: Fault, times: Int = 1, skip: Int = 0, seconds: Double? = nil, accessKey: String? = nil,
        bodyContains: String? = nil
    ) {
        self.bodyContains = bodyContains
        self.action = action
        self.fault = fault
        self.times = times
        self.skip = skip
        self.seconds = seconds
        self.accessKey = accessKey
    }

    enum CodingKeys: String, CodingKey {
        case action, fault, times, skip, seconds, accessKey = "access_key", bodyContains = "body_contains"
    }
}

/// The proxy's counters.
public struct FaultProxyStats: Decodable, Sendable {
    /// Requests seen per action.
    public var seen: [String: Int]
    /// Requests seen per signing access key id.
    public var keys: [String: Int]
    /// Requests forwarded to moto that can change IAM (not Get*/List*).
    public var writes: Int
    /// Every request in order: `[action, "forward" or the fault]`.
    public var log: [[String]]

    /// The faults that were actually injected, in order.
    public var injected: [String] { log.filter { $0.last != "forward" }.compactMap(\.last) }
}
