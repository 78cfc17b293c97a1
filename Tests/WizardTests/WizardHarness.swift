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
    private var messages: AsyncStream<WizardMessage>.Iterator

    init(service: RoleService, start: WizardApp.Start, size: Size = Size(columns: 80, rows: 24), directory: URL? = nil) {
        let (stream, continuation) = AsyncStream.makeStream(of: WizardMessage.self)
        let outputDirectory = directory ?? FileManager.default.temporaryDirectory
        context = WizardContext(service: service, outputDirectory: outputDirectory) { continuation.yield($0) }
        stack = ScreenStack(root: WizardApp.rootScreen(start, context: context))
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

    /// Delivers background results until one matching `matches` has been delivered.
    func deliver(through matches: (WizardMessage) -> Bool) async throws {
        var iterator = messages
        defer { messages = iterator }
        while let message = await iterator.next(isolation: #isolation) {
            try stack.receive(message)
            if matches(message) { return }
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

extension WizardMessage {
    var isReview: Bool { if case .review = self { true } else { false } }
    var isApplyFinished: Bool { if case .applyFinished = self { true } else { false } }
    var isRole: Bool { if case .role = self { true } else { false } }
    var isRoles: Bool { if case .roles = self { true } else { false } }
    var isPolicies: Bool { if case .policies = self { true } else { false } }
    var isRoleNameCheck: Bool { if case .roleNameTaken = self { true } else { false } }
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
