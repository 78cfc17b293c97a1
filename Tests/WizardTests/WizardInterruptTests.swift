import Foundation
import Provisioning
import TerminalUI
import Testing
import TestSupport
@testable import Wizard

/// Leaving in the middle: Ctrl-C while applying asks whether to stop after
/// the current call and reports what was done; quitting the editor with
/// unsaved edits asks first.
@Suite(.timeLimit(.minutes(10)))
@MainActor
struct WizardInterruptTests {
    @Test func ctrlCDuringApplyAsksAndReportsWhatWasDone() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let service = try motoService(moto)
        let name = MotoServer.uniqueName("stop")
        let harness = WizardHarness(service: service, start: .create(preset: .lookoutEquipment, roleName: name))
        try await harness.enterThroughToReview()
        try harness.press(.enter)
        #expect(harness.topTitle == "Apply")
        // The apply's results are not delivered yet, so the screen is still applying.
        try harness.press(.control("c"))
        #expect(harness.stack.presentedDialog?.title == "Stop applying?")
        #expect(!harness.stack.isFinished)
        try harness.press(.enter)  // Stop
        try await harness.deliver { $0.isApplyFinished }
        let screen = harness.screen
        // Stopped after some call, or every call had already finished: either way the outcome is reported.
        #expect(screen.contains("Stopped: ") || screen.contains("Done: arn:aws:iam::"), "\(screen)")
        if screen.contains("Stopped: ") {
            try harness.press(.character("r"))  // plan again and finish the job
            try await harness.deliver { $0.isReview }
            try harness.press(.enter)
            try await harness.deliver { $0.isApplyFinished }
            #expect(harness.screen.contains("Done: arn:aws:iam::"))
        }
        #expect(try await service.loadRole(name: name).attachedPolicies.count == 3)
    }

    @Test func quittingTheEditorWithUnsavedEditsAsksFirst() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let service = try motoService(moto)
        let name = MotoServer.uniqueName("unsaved")
        var spec = RolePreset.lookoutEquipment.spec
        spec.name = name
        _ = try await service.apply(try await service.plan(try await service.resolve(spec)), cancellation: ApplyCancellation()) { _ in }
        let harness = WizardHarness(service: service, start: .edit(roleName: name))
        try await harness.deliver { $0.isRole }
        try harness.press(.character("q"))
        #expect(harness.stack.isFinished, "nothing edited: q quits at once")

        let edited = WizardHarness(service: service, start: .edit(roleName: name))
        try await edited.deliver { $0.isRole }
        try edited.press(.character("d"))  // the description field has the focus
        try edited.type(" (edited)")
        try edited.press(.enter)
        #expect(edited.stack.top.hasUnsavedWork)
        try edited.press(.character("q"))
        #expect(edited.stack.presentedDialog != nil && !edited.stack.isFinished)
        try edited.press(.escape)
        #expect(edited.stack.presentedDialog == nil && !edited.stack.isFinished)
        #expect(edited.topTitle == "Edit role")
    }
}
