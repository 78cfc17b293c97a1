import Foundation
import Testing
import TestSupport

@testable import IAMClient

/// rolewiz's own ISO 8601 arithmetic against Foundation's, which it replaces
/// to keep ICU's time-zone database out of memory.
@Suite("AWS timestamps", .timeLimit(.minutes(10)))
struct AWSTimestampTests {
    @Test("agrees with Foundation on 20,000 instants from 1601 to 2400, both ways")
    func agreesWithFoundation() throws {
        var random = SeededRandom(seed: 8_601)
        for _ in 0..<20_000 {
            let seconds = Int.random(in: -11_644_473_600...13_569_465_600, using: &random)
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let foundation = date.formatted(.iso8601)
            #expect(AWSTimestamp.format(date) == foundation)
            #expect(AWSTimestamp.parse(foundation) == date, "\(foundation)")
            #expect(AWSTimestamp.day(date) == String(foundation.prefix(10)))
        }
    }

    @Test("reads what AWS and emulators send")
    func forms() throws {
        let instant = Date(timeIntervalSince1970: 1_795_930_558)
        #expect(AWSTimestamp.parse("2026-11-29T05:35:58Z") == instant)
        #expect(AWSTimestamp.parse(" 2026-11-29t05:35:58z ") == instant)
        #expect(AWSTimestamp.parse("2026-11-29T05:35:58+00:00") == instant)
        #expect(AWSTimestamp.parse("2026-11-29T11:05:58+05:30") == instant)
        #expect(AWSTimestamp.parse("2026-11-29T00:35:58-0500") == instant)
        #expect(AWSTimestamp.parse("2026-11-29T06:35:58+01") == instant)
        let micro = try #require(AWSTimestamp.parse("2026-11-29T05:35:58.877202Z"))
        #expect(abs(micro.timeIntervalSince1970 - 1_795_930_558.877202) < 1e-6)
        #expect(AWSTimestamp.parse("2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(AWSTimestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(AWSTimestamp.format(Date(timeIntervalSince1970: 0.999)) == "1970-01-01T00:00:00Z")
    }

    @Test("rejects what is not a timestamp", arguments: [
        "", "yesterday", "2026-11-29", "2026-11-29T05:35:58", "2026-11-29T05:35Z", "2026-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-29T24:00:00Z",
        "2026-11-29T05:60:00Z", "2026-11-29T05:35:60Z", "2026-11-29T05:35:58.Z", "2026-11-29T05:35:58+5:00",
        "2026-11-29T05:35:58Zjunk", "26-11-29T05:35:58Z", "2026-11-29 05:35:58Z", "２０２６-11-29T05:35:58Z",
    ])
    func rejects(_ text: String) {
        #expect(AWSTimestamp.parse(text) == nil)
    }
}
