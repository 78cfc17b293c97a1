import Foundation
import IAMClient
import Provisioning
import Testing
import TestSupport

/// A fault on the wire during an apply of the seed preset.
struct WireFaultCase: Sendable, CustomTestStringConvertible {
    var fault: FaultRule.Fault
    var action: String
    /// -1: the fault answers every attempt, so retries run out.
    var times: Int
    var timeout: TimeInterval = 10

    var testDescription: String { "\(fault.rawValue) on \(action) \(times < 0 ? "every time" : "once")" }
    var rule: FaultRule { FaultRule(action: action, fault: fault, times: times, seconds: fault == .stall ? 3 : nil) }
}

/// `apply` of the seed preset with fault_proxy.py between the client and
/// moto: it converges to exactly the right role, or fails naming the step and
/// the AWS error and a plain re-run converges. Secrets never reach the
/// `--debug` log or the messages.
@Suite("Apply through a faulty network", .serialized, .heavy)
struct FaultApplyTests {
    static let transient: [WireFaultCase] = [
        WireFaultCase(fault: .throttle, action: "CreateRole", times: 1),
        WireFaultCase(fault: .internalError, action: "AttachRolePolicy", times: 1),
        WireFaultCase(fault: .unavailable, action: "GetRole", times: 1),
        WireFaultCase(fault: .dropBefore, action: "AttachRolePolicy", times: 1),
        WireFaultCase(fault: .dropAfter, action: "CreateRole", times: 1),
        WireFaultCase(fault: .dropAfter, action: "AttachRolePolicy", times: 1),
        WireFaultCase(fault: .stall, action: "AttachRolePolicy", times: 1, timeout: 1.5),
        WireFaultCase(fault: .html, action: "AttachRolePolicy", times: 1),
    ]

    @Test(arguments: transient)
    func aFaultThatPassesIsRetriedAndTheRoleConverges(_ wire: WireFaultCase) async throws {
        let world = try await FaultHarness.start(rules: [wire.rule], timeout: wire.timeout)
        defer { world.proxy.stop() }
        let outcome = await world.apply()
        #expect(outcome.succeeded, "\(outcome.text)")
        #expect(try await world.isConverged())
        let stats = try await world.proxy.stats()
        #expect(stats.injected == [wire.fault.rawValue], "log: \(stats.log)")
        #expect(FakeSecrets.leaks(in: world.debugLog.text + outcome.text).isEmpty)
    }

    static let persistent: [WireFaultCase] = [
        WireFaultCase(fault: .throttle, action: "AttachRolePolicy", times: -1),
        WireFaultCase(fault: .internalError, action: "AttachRolePolicy", times: -1),
        WireFaultCase(fault: .unavailable, action: "CreateRole", times: -1),
        WireFaultCase(fault: .dropBefore, action: "CreateRole", times: -1),
        WireFaultCase(fault: .dropAfter, action: "AttachRolePolicy", times: -1),
        WireFaultCase(fault: .stall, action: "CreateRole", times: -1, timeout: 1),
    ]

    @Test(arguments: persistent)
    func whenRetriesRunOutTheFailureNamesTheStepAndARerunConverges(_ wire: WireFaultCase) async throws {
        let world = try await FaultHarness.start(rules: [wire.rule], timeout: wire.timeout, maxAttempts: 3)
        defer { world.proxy.stop() }
        let outcome = await world.apply()
        #expect(!outcome.succeeded)
        let failures = outcome.failures
        #expect(!failures.isEmpty, "\(outcome.text)")
        for failure in failures {
            #expect(failure.step.action == wire.action)
            #expect(failure.description.contains(wire.action) && failure.description.contains(failure.code))
            #expect(!failure.code.isEmpty && !failure.message.isEmpty)
        }
        if wire.fault == .throttle { #expect(failures.allSatisfy { $0.code == "Throttling" }) }
        if wire.fault == .unavailable { #expect(failures.allSatisfy { $0.code == "ServiceUnavailable" }) }

        let rerun = try await world.rerunWithoutFaults()
        #expect(rerun.succeeded, "\(rerun.text)")
        #expect(try await world.isConverged())
        #expect(FakeSecrets.leaks(in: world.debugLog.text + outcome.text + rerun.text).isEmpty)
    }

    @Test func clockSkewAnsweredByTheServerIsLearnedAndTheCallRetried() async throws {
        let world = try await FaultHarness.start(rules: [FaultRule(action: "CreateRole", fault: .skew)])
        defer { world.proxy.stop() }
        let outcome = await world.apply()
        #expect(outcome.succeeded, "\(outcome.text)")
        #expect(try await world.isConverged())
        // The proxy's Date header was an hour ahead.
        #expect(abs(world.session.clock.offset - 3600) < 120)
        #expect(try await world.proxy.stats().injected == ["skew"])
    }

    @Test(arguments: ["GetRole", "CreateRole"])
    func malformedXMLIsAClearErrorAndARerunConverges(_ action: String) async throws {
        let world = try await FaultHarness.start(rules: [FaultRule(action: action, fault: .malformedXML, times: -1)])
        defer { world.proxy.stop() }
        let outcome = await world.apply()
        #expect(!outcome.succeeded)
        #expect(outcome.text.contains(action), "\(outcome.text)")
        #expect(outcome.text.contains("not a valid AWS response") || outcome.text.contains("XML"), "\(outcome.text)")
        let rerun = try await world.rerunWithoutFaults()
        #expect(rerun.succeeded, "\(rerun.text)")
        #expect(try await world.isConverged())
    }

    @Test(arguments: ["CreateRole", "AttachRolePolicy"])
    func truncatedXMLIsAClearErrorAndARerunConverges(_ action: String) async throws {
        let world = try await FaultHarness.start(rules: [FaultRule(action: action, fault: .truncatedXML, times: -1)])
        defer { world.proxy.stop() }
        let outcome = await world.apply()
        #expect(!outcome.succeeded)
        #expect(outcome.text.contains(action), "\(outcome.text)")
        let rerun = try await world.rerunWithoutFaults()
        #expect(rerun.succeeded, "\(rerun.text)")
        #expect(try await world.isConverged())
    }

    @Test func anHTMLErrorPageFromAProxyIsReportedAsSuch() async throws {
        let world = try await FaultHarness.start(
            rules: [FaultRule(action: "AttachRolePolicy", fault: .html, times: -1)], maxAttempts: 2)
        defer { world.proxy.stop() }
        let outcome = await world.apply()
        #expect(!outcome.succeeded)
        for failure in outcome.failures {
            #expect(failure.description.contains("AttachRolePolicy"))
            #expect(failure.description.contains("502"), "\(failure)")
        }
        let rerun = try await world.rerunWithoutFaults()
        #expect(rerun.succeeded, "\(rerun.text)")
        #expect(try await world.isConverged())
    }

    @Test func anExpiredTokenAnswerStopsTheStepWithTheAWSErrorAndARerunConverges() async throws {
        let world = try await FaultHarness.start(rules: [FaultRule(action: "AttachRolePolicy", fault: .expiredToken, times: -1)])
        defer { world.proxy.stop() }
        let outcome = await world.apply()
        #expect(!outcome.succeeded)
        #expect(!outcome.failures.isEmpty && outcome.failures.allSatisfy { $0.code == "ExpiredToken" }, "\(outcome.text)")
        let rerun = try await world.rerunWithoutFaults()
        #expect(rerun.succeeded, "\(rerun.text)")
        #expect(try await world.isConverged())
        #expect(FakeSecrets.leaks(in: world.debugLog.text + outcome.text).isEmpty)
    }
}
