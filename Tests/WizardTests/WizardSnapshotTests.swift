import Foundation
import IAMClient
import Provisioning
import TerminalUI
import Testing
import TestSupport
@testable import Wizard

/// Golden text snapshots of screens at 80x24 on the in-memory surface.
/// Set RECORD_GOLDEN=1 to rewrite them after a deliberate change (and review the diff).
@Suite(.timeLimit(.minutes(10)))
@MainActor
struct WizardSnapshotTests {
    static let goldens = GoldenFiles(beside: #filePath, endsWithNewline: false)

    func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        Self.goldens.check(text, named: name, sourceLocation: sourceLocation)
    }

    @Test func offlineStart() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try expectSnapshot(harness.screen, named: "offline-start")
    }

    @Test func trustedEntityWithThePreset() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter)
        try expectSnapshot(harness.screen, named: "trusted-entity")
    }

    @Test func trustPolicyWithThePreset() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter, .enter)
        try expectSnapshot(harness.screen, named: "trust-policy")
    }

    @Test func offlineReview() async throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try await harness.enterThroughToReview()
        try expectSnapshot(harness.screen, named: "offline-review")
    }

    @Test func offlinePermissionsWithThePreset() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter)
        try expectSnapshot(harness.screen, named: "offline-permissions")
    }

    @Test func detailsWithThePreset() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter, .enter, .enter)
        try expectSnapshot(harness.screen, named: "details")
    }

    @Test func offlineExport() async throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil),
                                    directory: URL(fileURLWithPath: "/work/exports"))
        try await harness.enterThroughToReview()
        try harness.press(.enter)
        try expectSnapshot(harness.screen, named: "offline-export")
    }

    @Test func saveSpecPrompt() async throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil),
                                    directory: URL(fileURLWithPath: "/work/specs"))
        try await harness.enterThroughToReview()
        try harness.press(.character("s"))
        try expectSnapshot(harness.screen, named: "save-spec")
    }

    @Test func done() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter)
        harness.stack.apply(.push(DoneScreen(context: harness.context, roleArn: "arn:aws:iam::123456789012:role/l4e-role")))
        try expectSnapshot(harness.screen, named: "done")
    }

    @Test func reviewHelp() async throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try await harness.enterThroughToReview()
        try harness.press(.function(1))
        try expectSnapshot(harness.screen, named: "review-help")
    }

    @Test func trustedEntityHelp() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .character("?"))
        try expectSnapshot(harness.screen, named: "trusted-entity-help")
    }

    /// The role editor against moto at 100x30 (the size the issue asks it to fit) and at 80x24.
    @Test func editRole() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let service = try motoService(moto)
        var spec = RolePreset.lookoutEquipment.spec
        spec.name = "golden-edit-role"  // one moto per test run, and only this test makes this role
        spec.tags = [RoleTag(key: "team", value: "ml")]
        _ = try await service.apply(try await service.plan(try await service.resolve(spec)), cancellation: ApplyCancellation()) { _ in }
        for size in [Size(columns: 100, rows: 30), Size(columns: 80, rows: 24)] {
            let harness = WizardHarness(service: service, start: .edit(roleName: spec.name), size: size)
            try await harness.deliver { $0.isRole }
            try expectSnapshot(harness.screen, named: "edit-role-\(size.columns)x\(size.rows)")
        }
    }
}
