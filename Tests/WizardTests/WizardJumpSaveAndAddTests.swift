import Foundation
import Provisioning
import TerminalUI
import Testing
@testable import Wizard

/// Review's digit keys, saving the spec and exporting to a chosen path, and
/// adding a policy by name where the list does not hold it (offline).
@Suite(.timeLimit(.minutes(10)))
@MainActor
struct WizardJumpSaveAndAddTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func reviewDigitJumpsBackToThatStepKeepingAnswers() async throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter, .enter, .enter, .enter)
        #expect(harness.topTitle == "Review")
        try harness.press(.character("2"))  // one key: Details and Trust policy pop at once, nothing posted
        #expect(harness.topTitle == "Permissions")
        #expect(harness.stack.screens.count == 3, "start, Trusted entity, Permissions")
        #expect(harness.context.model.policyArns.count == 3)
        try harness.press(.enter, .enter)
        #expect(harness.topTitle == "Details")
        #expect(harness.screen.contains("l4e-role"))
    }

    @Test func saveSpecAsksForThePathAndShowsTheFullPathWritten() async throws {
        let directory = try temporaryDirectory()
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil),
                                    directory: directory)
        try await harness.enterThroughToReview()
        try harness.press(.character("s"))
        #expect(harness.topTitle == "Save spec")
        #expect(harness.screen.contains("l4e-role.rolewiz.yaml"))
        try harness.press(.control("u"))
        try harness.type("specs-out.yaml")
        try harness.press(.enter)
        #expect(harness.topTitle == "Review")
        let path = directory.appendingPathComponent("specs-out.yaml").standardizedFileURL.path
        #expect(harness.screen.contains("Saved the spec to"), "\(harness.screen)")
        let saved = try RoleSpecFile.load(from: URL(fileURLWithPath: path))
        #expect(saved.spec.name == "l4e-role")
    }

    /// In `edit` the role name comes from the server; the default save path
    /// is one file in the output directory whatever the name holds.
    @Test(arguments: ["../../../tmp/x", "/etc/cron.d/job", "..", ".bashrc", "-rf"])
    func theDefaultSavePathFromARoleNameStaysInTheOutputDirectory(_ roleName: String) throws {
        let directory = try temporaryDirectory()
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil),
                                    directory: directory)
        harness.context.model.roleName = roleName
        let path = URL(fileURLWithPath: harness.context.defaultSpecPath)
        #expect(path.deletingLastPathComponent().standardizedFileURL.path == directory.standardizedFileURL.path)
        #expect(path.lastPathComponent.hasSuffix(".rolewiz.yaml") && !path.lastPathComponent.hasPrefix("."))
    }

    @Test func exportWritesIntoTheChosenDirectory() async throws {
        let directory = try temporaryDirectory()
        let target = directory.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil),
                                    directory: directory)
        try await harness.enterThroughToReview()
        try harness.press(.enter)
        #expect(harness.topTitle == "Export")
        try harness.press(.tab)
        try harness.type("/exports")
        try harness.press(.tab, .down, .enter)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("l4e-role.sh").path))
        #expect(harness.screen.contains("Wrote "))
    }

    @Test func offlineAPolicyCanBeAddedByName() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: nil, roleName: nil))
        try harness.press(.down, .enter)  // "Create a custom role"
        try harness.type("/lambda")
        try harness.press(.enter, .space, .enter)
        #expect(harness.topTitle == "Permissions")
        try harness.press(.character("+"))
        try harness.type("bad name!")
        try harness.press(.enter)
        #expect(harness.screen.contains("! "))
        // A name no AWS managed policy has is refused, with the near miss.
        try harness.press(.control("u"))
        try harness.type("NoSuchPolicyXYZ")
        try harness.press(.enter)
        #expect(harness.screen.contains("no AWS managed policy named"), "\(harness.screen)")
        #expect(harness.context.model.policyArns.isEmpty)
        try harness.press(.control("u"))
        try harness.type("AmazonSQSReadOnlyAccess")
        try harness.press(.enter)
        #expect(harness.context.model.policyArns == ["arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess"])
        #expect(harness.screen.contains("[x] AmazonSQSReadOnlyAccess"))
        // The console's name of a service-role policy gets its real path.
        try harness.press(.character("+"))
        try harness.type("AWSLambdaBasicExecutionRole")
        try harness.press(.enter)
        #expect(harness.context.model.policyArns.last == "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
    }
}
