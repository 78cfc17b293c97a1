import Foundation
import Provisioning
import TerminalUI
@testable import Wizard

/// Drives the wizard like the application loop does, without a terminal:
/// keys into a `ScreenStack`, background results out of an `AsyncStream`
/// (awaited one by one, so tests never sleep), frames onto a `GridSurface`.
@MainActor
final class WizardHarness {
    let stack: ScreenStack<WizardMessage>
    let context: WizardContext
    let surface: GridSurface
    /// Background results, and `.timeUp(n)` when `deliver` number n has waited too long.
    private enum Event: Sendable {
        case message(WizardMessage)
        case timeUp(Int)
    }
    private var messages: AsyncStream<Event>.Iterator
    private let events: AsyncStream<Event>.Continuation
    private var deliveries = 0

    convenience init(service: RoleService, start: WizardApp.Start, size: Size = Size(columns: 80, rows: 24), directory: URL? = nil) {
        self.init(connection: .ready(service), start: start, size: size, directory: directory)
    }

    init(connection: WizardApp.Connection, start: WizardApp.Start, size: Size = Size(columns: 80, rows: 24), directory: URL? = nil) {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        events = continuation
        let outputDirectory = directory ?? FileManager.default.temporaryDirectory
        context = WizardContext(connection: connection, outputDirectory: outputDirectory) { continuation.yield(.message($0)) }
        let context = context
        stack = ScreenStack(root: WizardApp.rootScreen(start, context: context), model: { context.absorb($0) })
        surface = GridSurface(size: size)
        messages = stream.makeAsyncIterator()
    }

    var topTitle: String { stack.top.title }

    func press(_ keys: Key...) throws {
        for key in keys { try stack.handle(key) }
    }

    func type(_ text: String) throws {
        for character in text { try stack.handle(.character(character)) }
    }

    /// Delivers background results until one matching `matches` has been
    /// delivered; waiting longer than `seconds` is a failure, not a hang.
    func deliver(within seconds: Double = 60, through matches: (WizardMessage) -> Bool) async throws {
        deliveries += 1
        let delivery = deliveries
        let events = events
        let timer = Task {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            events.yield(.timeUp(delivery))
        }
        defer { timer.cancel() }
        var iterator = messages
        defer { messages = iterator }
        while let event = await iterator.next(isolation: #isolation) {
            switch event {
            case .message(let message):
                try stack.receive(message)
                if matches(message) { return }
            case .timeUp(let number) where number == delivery:
                throw HarnessTimeout(seconds: seconds, screen: screen)
            case .timeUp:
                continue
            }
        }
    }

    /// From the start screen of a preset, Enter on every step up to Review, and the plan delivered.
    func enterThroughToReview() async throws {
        try press(.enter, .enter, .enter, .enter, .enter)
        try await deliver { $0.isReview }
    }

    var screen: String {
        stack.draw(on: surface)
        return surface.text
    }
}

/// The awaited result did not come: the screen at that moment, for the report.
struct HarnessTimeout: Error, CustomStringConvertible {
    var seconds: Double
    var screen: String
    var description: String { "no matching message within \(seconds) s; the screen:\n\(screen)" }
}

extension WizardMessage {
    var isReview: Bool { if case .review = self { true } else { false } }
    var isApplyFinished: Bool { if case .applyFinished = self { true } else { false } }
    var isRole: Bool { if case .role = self { true } else { false } }
    var isRoles: Bool { if case .roles = self { true } else { false } }
    var isPolicies: Bool { if case .policies = self { true } else { false } }
    var isRoleNameCheck: Bool { if case .roleNameTaken = self { true } else { false } }
    var isConnected: Bool { if case .connected = self { true } else { false } }
    var isSignInQuestion: Bool { if case .signInQuestion = self { true } else { false } }
}

/// A service with no credentials, as a machine without any AWS setup has.
func offlineService() -> RoleService {
    RoleService(connection: .offline(OfflineReason(
        message: "No AWS credentials were found, so rolewiz cannot read or change IAM.",
        attempts: [
            .init(source: "environment", outcome: .notConfigured("AWS_ACCESS_KEY_ID is not set")),
            .init(source: "profile default", outcome: .notConfigured("no such profile")),
            .init(source: "instance metadata", outcome: .disabled("AWS_EC2_METADATA_DISABLED=true")),
        ])))
}
