import Foundation
import SigV4
import Testing
import TestSupport
@testable import IAMClient

/// Seeded random and broken IAM responses through the real Query client
/// (status, XML root, error and result decoding), and random parameters
/// through the form encoder: no crash, and every answer is either a value or
/// an error that says what went wrong.
@Suite("Property: response decoding and form encoding", .timeLimit(.minutes(10)))
struct PropertyResponseAndFormTests {
    static let seed: UInt64 = 0x1A3_0C11_E475
    static let responses = [
        """
        <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role>\
        <Path>/</Path><RoleName>l4e-role</RoleName><RoleId>AROAEXAMPLE</RoleId>\
        <Arn>arn:aws:iam::123456789012:role/l4e-role</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate>\
        <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>\
        <MaxSessionDuration>3600</MaxSessionDuration><Tags><member><Key>a</Key><Value>b</Value></member></Tags>\
        </Role></GetRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetRoleResponse>
        """,
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>\
        <Code>NoSuchEntity</Code><Message>The role with name l4e-role cannot be found.</Message></Error>\
        <RequestId>r-2</RequestId></ErrorResponse>
        """,
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
    ]
    static let statuses = [200, 200, 400, 403, 404, 409, 500, 502, 503]

    @Test func everyResponseDecodesOrFailsWithAMessage() async {
        var random = SeededRandom(seed: Self.seed)
        let bodies = PropertyInputs.cases(from: Self.responses, count: 2000, seed: Self.seed)
        for (index, body) in bodies.enumerated() {
            let status = Self.statuses.randomElement(using: &random)!
            let fixture = FakeClientFixture([FakeTransport.xml(status, body)], maxAttempts: 1, service: "iam")
            do {
                let role = try await fixture.iam.getRole(name: "l4e-role")
                #expect(status == 200, "case \(index): HTTP \(status) decoded as a role \(role.roleName)")
            } catch let error as AWSError {
                #expect(!error.code.rawValue.isEmpty && error.httpStatus == status, "case \(index) of seed \(Self.seed)")
            } catch {
                let message = String(describing: error)
                #expect(!message.isEmpty, "case \(index) of seed \(Self.seed)")
                #expect(message.contains("GetRole"), "case \(index): the error does not name the call: \(message)")
            }
        }
    }

    @Test func formBodiesDecodeBackToTheirParameters() {
        var random = SeededRandom(seed: Self.seed &+ 1)
        for index in 0..<3000 {
            let parameters = (0..<Int.random(in: 0...5, using: &random)).map { _ in
                (PropertyInputs.text(maxLength: 20, using: &random), PropertyInputs.text(maxLength: 60, using: &random))
            }
            let body = PercentEncoding.formBody(parameters)
            #expect(body.allSatisfy { $0.isASCII && !$0.isWhitespace }, "case \(index): \(body)")
            guard !parameters.isEmpty else {
                #expect(body.isEmpty)
                continue
            }
            let decoded = body.split(separator: "&", omittingEmptySubsequences: false).map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (PercentEncoding.decode(String(parts[0]), plusAsSpace: true),
                        PercentEncoding.decode(String(parts.count > 1 ? parts[1] : ""), plusAsSpace: true))
            }
            #expect(decoded.map(\.0) == parameters.map(\.0), "case \(index) of seed \(Self.seed &+ 1)")
            #expect(decoded.map(\.1) == parameters.map(\.1), "case \(index) of seed \(Self.seed &+ 1)")
        }
    }

    @Test func decodingArbitraryTextNeverCrashes() {
        let inputs = PropertyInputs.cases(from: ["a%20b+c%2", "%E6%97%A5%ZZ%", "%F0%9F%98"], count: 3000, seed: Self.seed &+ 2)
        for text in inputs {
            let decoded = PercentEncoding.decode(text, plusAsSpace: true)
            // Whatever decoding gives back survives another trip through the encoder.
            #expect(PercentEncoding.decode(PercentEncoding.form(decoded), plusAsSpace: true) == decoded, "\(text.debugDescription)")
        }
    }
}
