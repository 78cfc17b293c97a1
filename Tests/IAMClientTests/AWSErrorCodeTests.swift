import Foundation
import Testing
@testable import IAMClient

@Suite("AWS error codes as a type", .timeLimit(.minutes(10)))
struct AWSErrorCodeTests {
    /// A code nobody here names still arrives whole: parsed, compared and printed as its text.
    @Test func anUnknownCodeRoundTripsAsItsText() throws {
        let body = "<ErrorResponse><Error><Code>BrandNewThing</Code><Message>new</Message></Error><RequestId>r1</RequestId></ErrorResponse>"
        let response = HTTPResponse(status: 400, headers: [("Content-Type", "text/xml")], body: Data(body.utf8))
        let error = try #require(QueryResponseParser.error(from: response, action: "GetRole"))
        #expect(error.code == AWSErrorCode(rawValue: "BrandNewThing"))
        #expect(error.code.rawValue == "BrandNewThing")
        #expect(String(describing: error) == "GetRole failed: BrandNewThing (HTTP 400): new [request id r1]")
        #expect(!RetryPolicy.isRetryable(error) && !ClockCorrection.isClockSkewError(error))
    }

    /// The named codes are the text AWS sends, so a parsed code equals its member.
    @Test func aKnownCodeEqualsItsMember() throws {
        let body = "<ErrorResponse><Error><Code>NoSuchEntity</Code><Message>gone</Message></Error></ErrorResponse>"
        let response = HTTPResponse(status: 404, headers: [], body: Data(body.utf8))
        let error = try #require(QueryResponseParser.error(from: response, action: "GetRole"))
        #expect(error.code == .noSuchEntity)
        #expect(AWSErrorCode.throttling.contains("Throttling") && AWSErrorCode.clockSkew.contains(.requestExpired))
    }
}
