import Foundation
import IAMClient
import Provisioning
import TerminalUI
import Testing
import TestSupport
@testable import Wizard

/// Keys in, state out: each screen of the create flow, offline and against moto.
@Suite(.timeLimit(.minutes(10)))
@MainActor
struct WizardFlowTests {
    @Test func enterThroughThePresetOfflineReachesExportWithTheSeedAnswers() async throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        #expect(harness.topTitle == "Start")
        try harness.press(.enter)
        #expect(harness.topTitle == "Trusted entity")
        #expect(harness.context.model.services == ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"])
        try harness.press(.enter)
        #expect(harness.topTitle == "Permissions")
        #expect(harness.context.model.policyArns.count == 3)
        try harness.press(.enter)
        #expect(harness.topTitle == "Trust policy")
        try harness.press(.enter)
        #expect(harness.topTitle == "Details")
        #expect(harness.context.model.roleName == "l4e-role")
        try harness.press(.enter)
        #expect(harness.topTitle == "Review")
        try await harness.deliver { $0.isReview }
        #expect(harness.screen.contains("Role l4e-role does not exist (planned offline, IAM not read): 4 changes."))
        try harness.press(.enter)
        #expect(harness.topTitle == "Export")
    }

    @Test func escapeGoesBackWithoutLosingInput() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: nil, roleName: nil))
        try harness.press(.down, .enter)  // "Create a custom role" (after "from a preset")
        #expect(harness.topTitle == "Trusted entity")
        try harness.press(.enter)
        #expect(harness.screen.contains("! Choose at least one service"))
        try harness.type("/lambda")
        try harness.press(.enter, .space, .enter)
        #expect(harness.context.model.services == ["lambda.amazonaws.com"])
        try harness.press(.enter, .enter)
        #expect(harness.topTitle == "Details")
        try harness.type("my-role")
        try harness.press(.escape, .escape, .escape)
        #expect(harness.topTitle == "Trusted entity")
        try harness.press(.enter, .enter, .enter)
        #expect(harness.topTitle == "Details")
        #expect(harness.screen.contains("my-role"))
        #expect(harness.context.model.services == ["lambda.amazonaws.com"])
    }

    @Test func filteringTheServicesKeepsAnEditedTrustPolicy() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter, .enter)
        #expect(harness.topTitle == "Trust policy")
        try harness.type("e")
        try harness.press(.end)
        try harness.type(" ")
        let edited = try #require(harness.context.model.editedTrustPolicy)
        while harness.topTitle != "Trusted entity" { try harness.press(.escape) }
        try harness.type("/lambda")
        try harness.press(.backspace, .escape)
        #expect(harness.context.model.editedTrustPolicy == edited, "a filter is not a change of the chosen services")
        try harness.press(.space)
        // Choosing another service merges it into the edit instead of throwing the edit away.
        let merged = try PolicyDocument.parse(try #require(harness.context.model.editedTrustPolicy))
        #expect(merged.trustedServices == harness.context.model.services)
    }

    @Test func detailsAreValidatedAsTyped() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter, .enter, .enter)
        try harness.type(" bad")
        #expect(harness.screen.contains("!"))
        try harness.type("")
        try harness.press(.tab, .tab, .tab, .tab)  // description, path, max session, tags
        try harness.type("team")
        try harness.press(.enter)
        #expect(harness.topTitle == "Details")
        #expect(harness.screen.contains("needs the form key=value"))
    }

    @Test func aBrokenTrustPolicyBlocksGoingOnAndPointsAtTheSpot() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter, .enter)
        #expect(harness.topTitle == "Trust policy")
        try harness.press(.character("e"), .controlHome)
        try harness.type("x")
        try harness.press(.escape, .enter)
        #expect(harness.topTitle == "Trust policy")
        #expect(harness.screen.contains("! Line 1, column 1"))
        try harness.press(.function(6), .enter)
        #expect(harness.topTitle == "Details")
    }

    @Test func offlineStartSaysWhichSourcesWereTried() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: nil, roleName: nil))
        let screen = harness.screen
        #expect(screen.contains("environment (AWS_ACCESS_KEY_ID is not set)"))
        #expect(screen.contains("instance metadata (disabled: AWS_EC2_METADATA_DISABLED=true)"))
        #expect(!screen.contains("Edit an existing role"))
    }

    @Test func offlineExportWritesTheFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("export"))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: "seed"), directory: directory)
        try await harness.enterThroughToReview()
        try harness.press(.character("s"), .enter)  // save at the proposed path
        try harness.press(.enter, .enter, .down, .enter)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == ["seed.rolewiz.json", "seed.rolewiz.yaml", "seed.sh"])
        let spec = try RoleSpecFile.load(from: directory.appendingPathComponent("seed.rolewiz.yaml")).spec
        #expect(spec.name == "seed" && spec.managedPolicies.count == 3)
    }

    @Test func thePresetIsCreatedInMotoAndTheEditorDetachesAPolicy() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let service = try motoService(moto)
        let name = MotoServer.uniqueName("wiz")
        let harness = WizardHarness(service: service, start: .create(preset: .lookoutEquipment, roleName: name))
        try await harness.enterThroughToReview()
        try harness.press(.enter)
        #expect(harness.topTitle == "Apply")
        try await harness.deliver { $0.isApplyFinished }
        try harness.press(.enter)
        #expect(harness.topTitle == "Done")
        #expect(harness.screen.contains("arn:aws:iam::"))
        let created = try await service.loadRole(name: name)
        #expect(created.attachedPolicies.count == 3)

        try harness.press(.character("e"))
        #expect(harness.topTitle == "Edit role")
        try await harness.deliver { $0.isRole }
        try harness.press(.character("p"), .character("/"))
        try harness.type("IAMFull")
        try harness.press(.enter, .space, .escape, .enter)
        #expect(harness.topTitle == "Edit role")
        #expect(harness.stack.top.hasUnsavedWork)
        try harness.press(.enter)
        try await harness.deliver { $0.isReview }
        #expect(harness.screen.contains("detach"))
        try harness.press(.enter)
        #expect(harness.stack.presentedDialog != nil)
        try harness.press(.enter)
        try await harness.deliver { $0.isApplyFinished }
        try harness.press(.enter)
        try await harness.deliver { $0.isRole }
        #expect(try await service.loadRole(name: name).attachedPolicies.count == 2)
        #expect(!harness.stack.top.hasUnsavedWork)
    }
}

/// A session at moto, with test credentials.
func motoSession(_ moto: MotoServer) throws -> AWSSession {
    let environment = ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"]
    return try AWSSession.resolve(ClientOptions(
        endpointURL: moto.endpoint.absoluteString, environment: environment, profiles: ProfileStore()))
}

/// A live service against moto, with test credentials.
func motoService(_ moto: MotoServer) throws -> RoleService {
    let session = try motoSession(moto)
    return RoleService(connection: .live(LiveConnection(iam: session.iam, sts: session.sts, partition: session.partition.name)))
}
