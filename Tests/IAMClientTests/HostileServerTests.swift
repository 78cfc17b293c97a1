import Foundation
import Testing
import TestSupport

@testable import IAMClient

/// A server at the endpoint that means harm, or is broken: every answer is
/// bounded in size, time and depth, and the process never crashes.
// No suite time limit: it would count the wait for a heavy-test permit; each wait inside has its own bound.
@Suite("A hostile endpoint", .heavy)
struct HostileServerTests {
    /// The real transport, test keys, one attempt unless given.
    func session(_ server: FakeHTTPServer, attempts: Int = 1, timeout: TimeInterval = 30, deadline: Date? = nil) throws -> AWSSession {
        try AWSSession.resolve(ClientOptions(
            endpointURL: server.baseURL.absoluteString, maxAttempts: attempts,
            environment: ["AWS_ACCESS_KEY_ID": "AKIAHOSTILETEST", "AWS_SECRET_ACCESS_KEY": "hostile-test-secret", "AWS_EC2_METADATA_DISABLED": "true"],
            timeout: timeout, profiles: ProfileStore(), deadline: deadline))
    }

    static let body = "<GetRoleResponse><GetRoleResult>"

    @Test func aBodyBeyondTheLimitIsCutOff() async throws {
        let huge = Data(Self.body.utf8) + Data(repeating: 0x41, count: HTTPRequest.defaultMaximumResponseBytes + 1)
        let server = try FakeHTTPServer { _ in .respond(status: 200, headers: [("Content-Type", "text/xml")], body: huge) }
        defer { server.stop() }
        let error = await #expect(throws: TransportError.self) { try await session(server).iam.getRole(name: "r") }
        #expect(error?.message.contains("larger than 8388608 bytes") == true, "\(String(describing: error))")
    }

    @Test func anEndlessChunkedBodyIsCutOff() async throws {
        let chunk = Data(repeating: 0x41, count: 64 * 1024)
        let server = try FakeHTTPServer { _ in .stream(status: 200, interval: 0) { index in index == 0 ? Data(Self.body.utf8) : chunk } }
        defer { server.stop() }
        let error = await #expect(throws: TransportError.self) { try await session(server).iam.getRole(name: "r") }
        #expect(error?.message.contains("larger than") == true, "\(String(describing: error))")
    }

    /// A byte every 0.2 s never trips an idle time-out; the attempt's
    /// deadline covers the whole exchange.
    @Test func aTricklingServerMeetsTheAttemptDeadline() async throws {
        let server = try FakeHTTPServer { _ in .stream(status: 200, interval: 0.2) { _ in Data("<".utf8) } }
        defer { server.stop() }
        let error = await #expect(throws: TransportError.self) { try await session(server, timeout: 1.5).iam.getRole(name: "r") }
        #expect(error?.kind == .timedOut, "\(String(describing: error))")
    }

    /// A server that accepts and never answers costs the command its time
    /// limit, not attempts × time-out.
    @Test func theCommandTimeLimitBoundsEveryRetry() async throws {
        let server = try FakeHTTPServer { _ in .noAnswer }
        defer { server.stop() }
        let started = Date()
        let error = await #expect(throws: TimeLimitError.self) {
            try await session(server, attempts: 5, timeout: 30, deadline: Date().addingTimeInterval(2)).iam.getRole(name: "r")
        }
        #expect(error?.action == "GetRole")
        #expect(server.requests.count == 1, "the one attempt was cut to the time left, and no retry started after it")
        // A bound on the hang, not a performance claim: 5 × 30 s without the limit.
        #expect(Date().timeIntervalSince(started) < 30)
    }

    /// A server that closes without answering (libcurl's "Empty reply from
    /// server") is a lost connection, retried as botocore retries it.
    @Test func aServerThatHangsUpIsALostConnectionAndRetried() async throws {
        let server = try FakeHTTPServer { _ in .hangUp }
        defer { server.stop() }
        let error = await #expect(throws: TransportError.self) { try await session(server, attempts: 2).iam.getRole(name: "r") }
        #expect(error?.kind == .connectionLost, "\(String(describing: error))")
        #expect(server.requests.count == 2, "a hang-up is retried")
    }

    @Test func aCallAfterTheTimeLimitIsNotSent() async throws {
        let server = try FakeHTTPServer { _ in .text("<GetRoleResponse/>") }
        defer { server.stop() }
        let error = await #expect(throws: TimeLimitError.self) {
            try await session(server, deadline: Date().addingTimeInterval(-1)).iam.getRole(name: "r")
        }
        #expect(error?.attempts == 0)
        #expect(server.requests.isEmpty)
        #expect(error?.description.contains("--timeout") == true)
    }

    // MARK: XML

    /// 60,000 nested elements (420 KB) once overflowed the stack freeing the tree.
    @Test(arguments: [60_000, 33])
    func deepXMLIsRefusedWhileParsing(_ depth: Int) async throws {
        let xml = "<GetRoleResponse>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</GetRoleResponse>"
        let server = try FakeHTTPServer { _ in .text(xml) }
        defer { server.stop() }
        let error = await #expect(throws: UnexpectedResponseError.self) { try await session(server).iam.getRole(name: "r") }
        #expect(error?.reason.contains("nested more than 32 deep") == true, "\(String(describing: error?.reason))")
    }

    @Test func entityDeclarationsAreRefused() throws {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <GetRoleResponse><GetRoleResult><Role><RoleName>&c;</RoleName></Role></GetRoleResult></GetRoleResponse>
            """
        #expect(throws: ResponseXMLError.self) { try QueryResponseParser.root(of: Data(bomb.utf8)) }
    }

    /// FoundationXML crashed on an element name that is not UTF-8 (found by
    /// fuzzing); such bodies are refused before it sees them. Generated:
    /// invalid bytes anywhere in a real response.
    @Test func bytesThatAreNotUTF8AreRefusedAnywhere() throws {
        let response = Array("<GetRoleResponse><GetRoleResult><Role><RoleName>r</RoleName><Message>x</Message></Role></GetRoleResult></GetRoleResponse>".utf8)
        var random = SeededRandom(seed: 0xD2)
        for _ in 0..<500 {
            var bytes = response
            bytes.insert([0xD2, 0xFF, 0x80, 0xC0, 0xED].randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            #expect(throws: ResponseXMLError.self) { try QueryResponseParser.root(of: Data(bytes)) }
        }
    }

    /// FoundationXML crashed on a processing instruction without data (found
    /// by fuzzing); only the XML declaration is let through.
    @Test(arguments: ["<r><?pi?></r>", "<?xm?><r/>", "<r/><?x y?>", "<?xml version=\"1.0\"?><r/><?pi?>"])
    func processingInstructionsAreRefused(_ body: String) {
        #expect(throws: ResponseXMLError.self) { try QueryResponseParser.root(of: Data(body.utf8)) }
    }

    @Test func theXMLDeclarationIsAccepted() throws {
        #expect(try QueryResponseParser.root(of: Data("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>x</r>".utf8)).text == "x")
    }

    /// Generated shapes at and around the bounds: depth up to the limit
    /// parses, one more is refused, and nothing crashes on the way.
    @Test func generatedDepthsAndWidthsStayWithinTheBounds() throws {
        var random = SeededRandom(seed: 321)
        for _ in 0..<200 {
            let depth = Int.random(in: 2...40, using: &random)  // where the <m> elements sit
            let width = Int.random(in: 1...20, using: &random)
            let inner = String(repeating: "<m>x</m>", count: width)
            let document = String(repeating: "<a>", count: depth - 1) + inner + String(repeating: "</a>", count: depth - 1)
            if depth <= QueryResponseParser.maximumDepth {
                #expect(throws: Never.self) { try QueryResponseParser.root(of: Data(document.utf8)) }
            } else {
                #expect(throws: ResponseXMLError.self) { try QueryResponseParser.root(of: Data(document.utf8)) }
            }
        }
    }
}
