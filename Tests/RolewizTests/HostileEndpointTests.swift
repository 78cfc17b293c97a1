import Foundation
import SafeText
import Testing
import TestSupport

/// An endpoint that attacks the person running rolewiz: it answers with
/// role descriptions, tags and trust policies full of terminal controls (a
/// clipboard write, a screen clear, single-byte CSI, bidi overrides), and
/// error messages that echo the caller's session token. Whatever it sends,
/// the output holds nothing a terminal would act on, JSON output stays JSON
/// meaning exactly what the server sent, and the token is never printed.
@Suite("A hostile endpoint cannot reach the terminal or the secrets", .heavy)
struct HostileEndpointTests {
    /// ESC ] 52 writes the clipboard, ESC [ 2 J clears the screen.
    static let escapeSequences = "\u{1B}]52;c;aGFja2Vk\u{7}\u{1B}[2J"
    /// What XML 1.0 can carry raw: DEL, C1 (CSI is U+009B), NEL, bidi overrides, zero-width characters.
    static let xmlSafeHostile = "ok\u{7F}\u{9B}2J\u{9D}52;c;eA==\u{9C}\u{85}\u{202E}gnp.exe\u{200B}\u{2066}"

    static let token = "HostileEndpointSessionToken/NeverPrintMe+0123456789abcdef=="
    static let secret = "HostileEndpointSecretKeyNeverPrintMe0123456789"

    static func environment(_ home: URL) -> [String: String] {
        Processes.minimalEnvironment([
            "HOME": home.path, "AWS_CONFIG_FILE": home.path + "/config", "AWS_SHARED_CREDENTIALS_FILE": home.path + "/credentials",
            "AWS_ACCESS_KEY_ID": "AKIAHOSTILEENDPOINT1", "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": token,
            "AWS_MAX_ATTEMPTS": "1", "AWS_EC2_METADATA_DISABLED": "true",
        ])
    }

    /// Nothing unsafe but the line breaks rolewiz writes itself.
    static func expectInert(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let unsafe = text.unicodeScalars.filter { InertText.isUnsafe($0) && $0 != "\n" }
        #expect(unsafe.isEmpty, "\(what) reached the terminal raw: \(unsafe.map { "U+" + String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        #expect(!text.contains(token) && !text.contains(secret), "\(what) printed a secret", sourceLocation: sourceLocation)
        #expect(!text.contains(String(token.prefix(20))), "\(what) printed part of the token", sourceLocation: sourceLocation)
    }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func role(description: String, trustPolicy: String, tagValue: String) -> String {
        let encoded = trustPolicy.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return """
            <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role>\
            <Path>/</Path><RoleName>victim</RoleName><RoleId>AROAHOSTILE</RoleId>\
            <Arn>arn:aws:iam::123456789012:role/victim</Arn><CreateDate>2024-03-01T12:30:45Z</CreateDate>\
            <AssumeRolePolicyDocument>\(encoded)</AssumeRolePolicyDocument>\
            <Description>\(xml(description))</Description><MaxSessionDuration>3600</MaxSessionDuration>\
            <Tags><member><Key>team</Key><Value>\(xml(tagValue))</Value></member></Tags>\
            </Role></GetRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetRoleResponse>
            """
    }

    static let emptyLists = """
        <ListAttachedRolePoliciesResponse><ListAttachedRolePoliciesResult><AttachedPolicies/><IsTruncated>false</IsTruncated>\
        </ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>
        """
    static let tagList = """
        <ListRoleTagsResponse><ListRoleTagsResult><Tags><member><Key>team</Key><Value>\(xml(xmlSafeHostile))</Value></member></Tags>\
        <IsTruncated>false</IsTruncated></ListRoleTagsResult></ListRoleTagsResponse>
        """

    /// One inline policy whose name and document carry the same controls.
    static let inlineNames = """
        <ListRolePoliciesResponse><ListRolePoliciesResult><PolicyNames><member>\(xml(xmlSafeHostile))</member></PolicyNames>\
        <IsTruncated>false</IsTruncated></ListRolePoliciesResult></ListRolePoliciesResponse>
        """
    static func inlinePolicy(document: String) -> String {
        """
        <GetRolePolicyResponse><GetRolePolicyResult><RoleName>victim</RoleName><PolicyName>\(xml(xmlSafeHostile))</PolicyName>\
        <PolicyDocument>\(document.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)</PolicyDocument>\
        </GetRolePolicyResult></GetRolePolicyResponse>
        """
    }

    /// An instance profile whose name carries the same controls.
    static let instanceProfiles = """
        <ListInstanceProfilesForRoleResponse><ListInstanceProfilesForRoleResult><InstanceProfiles><member>\
        <InstanceProfileName>\(xml(xmlSafeHostile))</InstanceProfileName><Path>/</Path><InstanceProfileId>AIPAHOSTILE</InstanceProfileId>\
        <Arn>arn:aws:iam::123456789012:instance-profile/victim</Arn><CreateDate>2024-03-01T12:30:45Z</CreateDate>\
        <Roles><member><RoleName>victim</RoleName></member></Roles></member></InstanceProfiles>\
        <IsTruncated>false</IsTruncated></ListInstanceProfilesForRoleResult></ListInstanceProfilesForRoleResponse>
        """

    static func server(trustPolicy: String) throws -> FakeHTTPServer {
        try FakeHTTPServer { request in
            let body = String(decoding: request.body, as: UTF8.self)
            let xmlReply = { (text: String) in FakeHTTPServer.Reply.respond(status: 200, headers: [("Content-Type", "text/xml")], body: Data(text.utf8)) }
            if body.contains("Action=GetRole&") || body.hasSuffix("Action=GetRole") {
                return xmlReply(role(description: xmlSafeHostile, trustPolicy: trustPolicy, tagValue: xmlSafeHostile))
            }
            if body.contains("Action=ListAttachedRolePolicies") { return xmlReply(emptyLists) }
            if body.contains("Action=ListRoleTags") { return xmlReply(tagList) }
            if body.contains("Action=ListRolePolicies") { return xmlReply(inlineNames) }
            if body.contains("Action=GetRolePolicy") { return xmlReply(inlinePolicy(document: trustPolicy)) }
            if body.contains("Action=ListInstanceProfilesForRole") { return xmlReply(instanceProfiles) }
            return .status(400, "unexpected")
        }
    }

    /// A trust policy that is not JSON (shown as IAM holds it), and one that
    /// is JSON with controls inside its strings (re-printed).
    static let trustPolicies = [
        "not json \(escapeSequences) \u{9B}31m",
        #"{"Version":"2012-10-17","Statement":[{"Sid":"\#(xmlSafeHostile)","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
    ]

    @Test(arguments: trustPolicies)
    func showPrintsNothingRaw(_ trustPolicy: String) async throws {
        let server = try Self.server(trustPolicy: trustPolicy)
        defer { server.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let executable = try Processes.rolewizExecutable()
        let endpoint = ["--endpoint-url", server.baseURL.absoluteString]

        let text = try await Processes.run(executable, arguments: ["show", "victim"] + endpoint, environment: Self.environment(home), timeout: 60)
        #expect(text.exitCode == 0, "\(text.stderr)")
        Self.expectInert(text.stdout + text.stderr, "show")
        #expect(text.stdout.contains(#"ok\x7f\x9b2J\x9d52;c;eA==\x9c\x85\u202egnp.exe\u200b\u2066"#), "\(text.stdout)")

        let json = try await Processes.run(executable, arguments: ["show", "victim", "--output", "json"] + endpoint, environment: Self.environment(home), timeout: 60)
        #expect(json.exitCode == 0, "\(json.stderr)")
        Self.expectInert(json.stdout + json.stderr, "show --output json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["Description"] as? String == Self.xmlSafeHostile, "JSON output must mean exactly what IAM holds")
        #expect((object["Tags"] as? [[String: String]])?.first?["Value"] == Self.xmlSafeHostile)
        #expect((object["RolePolicyList"] as? [[String: Any]])?.first?["PolicyName"] as? String == Self.xmlSafeHostile)
        #expect((object["InstanceProfileList"] as? [[String: Any]])?.first?["InstanceProfileName"] as? String == Self.xmlSafeHostile)
    }

    /// AWS-shaped and other error answers that repeat the session token the
    /// request carried (whole, percent-encoded, cut short) and controls.
    @Test(arguments: ["aws", "html", "percent", "truncated"])
    func errorsThatEchoTheTokenAreRedactedAndInert(_ shape: String) async throws {
        let server = try FakeHTTPServer { request in
            let token = request.header("X-Amz-Security-Token") ?? "none"
            switch shape {
            case "aws":
                return .respond(status: 403, headers: [("Content-Type", "text/xml")], body: Data("""
                    <ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>\
                    <Message>The token \(Self.xml(token)) is invalid \(Self.xml(Self.xmlSafeHostile))</Message></Error>\
                    <RequestId>r-2</RequestId></ErrorResponse>
                    """.utf8))
            case "html":
                return .respond(status: 502, headers: [("Content-Type", "text/html")], body: Data("<html>\(Self.escapeSequences) bad gateway for \(token)</html>".utf8))
            case "percent":
                return .text("upstream said: " + token.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + Self.escapeSequences, status: 500)
            default:
                return .text("{\"message\":\"\(String(token.prefix(24)))\u{1B}[2J\"}", status: 400)
            }
        }
        defer { server.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        for arguments in [["whoami"], ["whoami", "--debug"], ["show", "victim", "--output", "json"]] {
            let result = try await Processes.run(
                try Processes.rolewizExecutable(), arguments: arguments + ["--endpoint-url", server.baseURL.absoluteString],
                environment: Self.environment(home), timeout: 60)
            #expect(result.exitCode == 1, "\(arguments): \(result.stderr)")
            Self.expectInert(result.stdout + result.stderr, "\(shape) error for \(arguments)")
            #expect(result.stderr.contains("error: "), "\(result.stderr)")
        }
    }

    /// A container credential endpoint's error body is shown inert, and
    /// credentials that have already expired are refused, not used.
    @Test func containerEndpointErrorsAreInert() async throws {
        let server = try FakeHTTPServer { _ in .text("denied \(Self.escapeSequences)\u{9B}2J", status: 403) }
        defer { server.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rolewiz-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try await Processes.run(
            try Processes.rolewizExecutable(), arguments: ["whoami", "--endpoint-url", server.baseURL.absoluteString],
            environment: Processes.minimalEnvironment([
                "HOME": home.path, "AWS_CONFIG_FILE": home.path + "/config", "AWS_SHARED_CREDENTIALS_FILE": home.path + "/credentials",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL.absoluteString + "/creds", "AWS_EC2_METADATA_DISABLED": "true",
            ]), timeout: 60)
        #expect(result.exitCode != 0)
        Self.expectInert(result.stdout + result.stderr, "container error")
    }
}
