import Foundation
import SigV4
import Testing

@Suite("SigV4Signer.amzDate", .timeLimit(.minutes(10)))
struct AmzDateTests {
    @Test("Known instants", arguments: [
        (0.0, "19700101T000000Z"),
        (1_440_938_160, "20150830T123600Z"),
        // 2000 is a leap year (divisible by 400).
        (951_782_399, "20000228T235959Z"),
        (951_782_400, "20000229T000000Z"),
        (951_868_799, "20000229T235959Z"),
        (951_868_800, "20000301T000000Z"),
        // 1900 and 2100 are not (divisible by 100).
        (-2_203_891_201, "19000228T235959Z"),
        (-2_203_891_200, "19000301T000000Z"),
        (4_107_542_399, "21000228T235959Z"),
        (4_107_542_400, "21000301T000000Z"),
        // 2024 is (divisible by 4).
        (1_709_251_199, "20240229T235959Z"),
        (1_709_251_200, "20240301T000000Z"),
        (1_735_689_599, "20241231T235959Z"),
        (1_735_689_600, "20250101T000000Z"),
        // Far future: 32-bit overflow, the last second of year 9999.
        (2_147_483_648, "20380119T031408Z"),
        (253_402_300_799, "99991231T235959Z"),
    ] as [(TimeInterval, String)])
    func knownInstants(seconds: TimeInterval, expected: String) {
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("Fractions of a second are dropped, also before 1970")
    func fractions() {
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: 0.999)) == "19700101T000000Z")
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: -0.5)) == "19691231T235959Z")
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: -86_400)) == "19691231T000000Z")
    }

    @Test("Foundation's far-future date is 4001-01-01")
    func distantFuture() {
        #expect(SigV4Signer.amzDate(.distantFuture) == "40010101T000000Z")
    }

    /// Checked against Foundation's Gregorian calendar from 1601 (after the
    /// Julian switch Foundation applies in 1582) to 2500, at a time of day that
    /// drifts so every hour, minute and second shows up.
    @Test("Agrees with Foundation's Gregorian calendar, 1601 to 2500")
    func agreesWithCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = -11_644_473_600.0  // 1601-01-01T00:00:00Z
        let end = 16_725_225_600.0  // 2500-01-01T00:00:00Z
        var mismatches: [String] = []
        for seconds in stride(from: start, to: end, by: 5 * 86_400 + 3_607) {
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            let actual = SigV4Signer.amzDate(date)
            if actual != expected { mismatches.append("\(seconds): \(actual) != \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
