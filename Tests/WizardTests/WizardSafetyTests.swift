import Foundation
import IAMClient
import Provisioning
import TerminalUI
import Testing
import TestSupport
@testable import Wizard

/// The wizard never plans what the person did not ask for.
@Suite(.timeLimit(.minutes(10)))
@MainActor
struct WizardSafetyTests {
    /// Create with the name of a role that exists: Details says so as soon
    /// as IAM answers, Review refuses to write over it and offers another
    /// name or a comparison; IAM is unchanged.
    @Test func createNeverTakesOverAnExistingRole() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let service = try motoService(moto)
        let name = MotoServer.uniqueName("prod-app")
        let ec2Trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let iam = try motoSession(moto).iam
        _ = try await iam.createRole(CreateRoleInput(roleName: name, assumeRolePolicyDocument: ec2Trust, description: "theirs"))

        let harness = WizardHarness(service: service, start: .create(preset: .lambdaBasic, roleName: name))
        try harness.press(.enter, .enter, .enter, .enter)
        #expect(harness.topTitle == "Details")
        try await harness.deliver { $0.isRoleNameCheck }
        #expect(harness.screen.contains("already exists"), "\(harness.screen)")

        try harness.press(.enter)
        try await harness.deliver { $0.isReview }
        #expect(harness.screen.contains("Role \(name) already exists"), "\(harness.screen)")
        try harness.press(.enter)
        #expect(harness.topTitle == "Review", "Enter must not start an apply over an existing role")

        // o: the same answers as changes to that role, asked before writing.
        try harness.press(.character("o"))
        try await harness.deliver { $0.isReview }
        #expect(harness.screen.contains("review changes"))
        try harness.press(.enter)
        #expect(harness.stack.presentedDialog != nil, "an existing role is changed only after a yes")
        try harness.press(.escape)

        let untouched = try await iam.getRole(name: name)
        #expect(untouched.description == "theirs")
        #expect(untouched.assumeRolePolicyDocument.contains("ec2.amazonaws.com"))
    }

    @Test func anotherNameGoesBackToDetails() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let name = MotoServer.uniqueName("taken")
        let iam = try motoSession(moto).iam
        _ = try await iam.createRole(CreateRoleInput(roleName: name, assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[]}"#))
        let harness = WizardHarness(service: try motoService(moto), start: .create(preset: .lookoutEquipment, roleName: name))
        try await harness.enterThroughToReview()
        try harness.press(.character("n"))
        #expect(harness.topTitle == "Details")
    }

    /// Editing a role with a permissions boundary kept the boundary out of
    /// the model, so a description change planned its removal.
    @Test func editingAnotherFieldKeepsThePermissionsBoundary() throws {
        let boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
        let role = ExistingRole(
            roleName: "bounded", roleId: "AROA1", arn: "arn:aws:iam::123456789012:role/bounded",
            assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            description: "before", permissionsBoundaryArn: boundary)
        let current = RoleDetails(role: role, attachedPolicies: [], tags: [])
        let model = WizardModel()
        model.load(RoleSpec(existing: role, attachedPolicyArns: [], accountId: "123456789012"))
        model.roleDescription = "after"
        let desired = try model.spec().resolve(accountId: "123456789012")
        let plan = Planner.plan(for: desired, current: current, prune: true)
        #expect(plan.changes == [.updateDescription(from: "before", to: "after")], "\(plan.changes)")
    }

    /// The edit screen plans with prune: inline policies left out of the
    /// model would be planned for deletion by a description change.
    @Test func editingAnotherFieldKeepsTheInlinePolicies() throws {
        let role = ExistingRole(
            roleName: "inline", roleId: "AROA2", arn: "arn:aws:iam::123456789012:role/inline",
            assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            description: "before")
        let inline = [RoleInlinePolicy(name: "S3Read", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)]
        let current = RoleDetails(role: role, attachedPolicies: [], inlinePolicies: inline, tags: [])
        let model = WizardModel()
        model.load(RoleSpec(existing: current, accountId: "123456789012"))
        #expect(model.spec().inlinePolicies == inline)
        model.roleDescription = "after"
        let desired = try model.spec().resolve(accountId: "123456789012")
        let plan = Planner.plan(for: desired, current: current, prune: true)
        #expect(plan.changes == [.updateDescription(from: "before", to: "after")], "\(plan.changes)")
    }

    /// Quit (q, F10, Ctrl-C) asks once the answers hold work, and the
    /// dialog's default keeps it; untouched or saved answers quit at once.
    @Test(arguments: [Key.character("q"), .function(10), .control("c")])
    func quittingWithWorkAsksAndStaysByDefault(_ quit: Key) throws {
        let untouched = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try untouched.press(.enter, quit)
        #expect(untouched.stack.isFinished, "nothing typed: nothing to lose")

        let harness = WizardHarness(service: offlineService(), start: .create(preset: nil, roleName: nil))
        try harness.press(.down, .enter)  // "Create a custom role"
        try harness.type("/lambda")
        try harness.press(.enter, .space)
        try harness.press(quit)
        #expect(!harness.stack.isFinished)
        #expect(harness.stack.presentedDialog != nil, "quitting with a service chosen must ask")
        try harness.press(.enter)
        #expect(!harness.stack.isFinished, "Enter on the quit dialog keeps the work")
        #expect(harness.stack.presentedDialog == nil)
    }

    /// After an apply, Esc from Done reaches a Review planned again: the
    /// role exists and matches, so nothing is offered and nothing is sent.
    @Test func reviewAfterAnApplyIsPlannedAgainAndDoesNotCreateTwice() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let service = try motoService(moto)
        let name = MotoServer.uniqueName("once")
        let harness = WizardHarness(service: service, start: .create(preset: .lookoutEquipment, roleName: name))
        try await harness.enterThroughToReview()
        try harness.press(.enter)
        #expect(harness.topTitle == "Apply")
        // Ctrl-C asks to stop; the apply finishing closes that question.
        try harness.press(.control("c"))
        #expect(harness.stack.presentedDialog != nil)
        try await harness.deliver { $0.isApplyFinished }
        #expect(harness.stack.presentedDialog == nil, "a Stop dialog stayed open after the apply finished")
        try harness.press(.enter)
        #expect(harness.topTitle == "Done")

        try harness.press(.escape)
        #expect(harness.topTitle == "Review")
        _ = harness.screen  // shown again: planned again
        try await harness.deliver { $0.isReview }
        #expect(harness.screen.contains("Nothing to change."), "\(harness.screen)")
        #expect(!harness.screen.contains("Enter Confirm"), "the bar must not offer an Enter that does nothing")
        try harness.press(.enter)
        #expect(harness.topTitle == "Review")
    }

    static let editedWithSid = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "TypedByHand",
                    "Effect": "Allow",
                    "Principal": {"Service": ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]},
                    "Action": "sts:AssumeRole"
                }
            ]
        }
        """

    /// A Sid typed in step 3 survives Esc back to step 1 and Enter forward.
    @Test func handEditsSurviveGoingBackAndForth() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter, .enter)
        #expect(harness.topTitle == "Trust policy")
        harness.context.model.editedTrustPolicy = Self.editedWithSid
        try harness.press(.escape, .escape)
        #expect(harness.topTitle == "Trusted entity")
        try harness.press(.enter, .enter)
        #expect(harness.topTitle == "Trust policy")
        #expect(harness.context.model.editedTrustPolicy?.contains("TypedByHand") == true)
        #expect(harness.screen.contains("TypedByHand"))
    }

    /// Choosing another service in step 1 adds exactly that principal to
    /// the hand-edited policy; the Sid stays.
    @Test func aServiceChosenLaterIsMergedIntoTheEditedPolicy() throws {
        let model = WizardModel(preset: .lookoutEquipment)
        model.editedTrustPolicy = Self.editedWithSid
        model.setServices(model.services + ["glue.amazonaws.com"])
        let document = try PolicyDocument.parse(try #require(model.editedTrustPolicy))
        #expect(document.statements.first?.sid == "TypedByHand")
        #expect(document.trustedServices == ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com", "glue.amazonaws.com"])
        model.setServices(["glue.amazonaws.com"])
        #expect(try PolicyDocument.parse(try #require(model.editedTrustPolicy)).trustedServices == ["glue.amazonaws.com"])
        #expect(!model.trustAnswersDivergedFromEdit)
    }

    /// In the editor, the service picker shows the services the policy
    /// trusts; opening and closing it changes nothing; checking one keeps
    /// the AWS-account statement.
    @Test func theServicePickerOfTheEditorMergesAndKeepsOtherPrincipals() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let model = WizardModel()
        model.load(RoleSpec(name: "r", trust: .customPolicy(policy)))
        let context = WizardContext(service: offlineService(), model: model, outputDirectory: FileManager.default.temporaryDirectory) { _ in }
        model.entityKind = .awsService  // what `v` does
        let picker = TrustedEntityScreen(context: context, flow: .edit)
        #expect(picker.services.checked == ["ec2.amazonaws.com"])
        let before = model.editedTrustPolicy
        _ = picker.handle(.enter)
        #expect(model.editedTrustPolicy == before, "opening and closing the picker changed the policy")

        model.setServices(["ec2.amazonaws.com", "lambda.amazonaws.com"])
        let document = try PolicyDocument.parse(try #require(model.editedTrustPolicy))
        #expect(document.statements.contains { $0.principal?.values(of: .aws) == ["arn:aws:iam::444455556666:root"] })
        #expect(document.trustedServices == ["ec2.amazonaws.com", "lambda.amazonaws.com"])
    }

    /// An answer that cannot be merged keeps the edit and says so in step 3.
    @Test func anUnmergeableChangeKeepsTheEditAndSaysSo() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter)
        harness.context.model.editedTrustPolicy = Self.editedWithSid
        try harness.press(.function(4))  // restrict to my account: a condition, not a principal
        try harness.press(.enter, .enter)
        #expect(harness.topTitle == "Trust policy")
        #expect(harness.context.model.editedTrustPolicy == Self.editedWithSid)
        #expect(harness.screen.contains("your text is kept"), "\(harness.screen)")
    }

    /// The editor's role list is sorted by name, the same on every run.
    @Test func theRoleListIsSortedByName() throws {
        let context = WizardContext(service: offlineService(), outputDirectory: FileManager.default.temporaryDirectory) { _ in }
        let screen = RoleListScreen(context: context)
        let stack = ScreenStack(root: screen, model: { context.absorb($0) })
        let role = { (name: String) in RoleSummary(roleName: name, arn: "arn:aws:iam::1:role/\(name)", assumeRolePolicyDocument: "{}") }
        try stack.receive(.roles(.success([role("zeta"), role("Alpha"), role("beta")])))
        #expect(screen.list.items.map(\.id) == ["Alpha", "beta", "zeta"])
        #expect(context.roles?.value?.map(\.roleName) == ["Alpha", "beta", "zeta"], "the model holds them sorted too")
    }

    /// The role list shows who may assume each role, as the console's
    /// "Trusted entities" column does.
    @Test func theRoleListShowsTrustedEntities() {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com","AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#
        let role = RoleSummary(roleName: "r", arn: "arn:aws:iam::1:role/r", assumeRolePolicyDocument: trust)
        #expect(RoleListScreen.trustedEntities(of: role)
            == "lambda.amazonaws.com, account 444455556666, token.actions.githubusercontent.com")
    }

    /// The start screen names where the credentials came from, not only
    /// the profile setting (keys from the environment are not "Profile default").
    @Test func theStartScreenNamesTheRealCredentialSource() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let service = await RoleService.connect(session: try motoSession(moto))
        let harness = WizardHarness(service: service, start: .create(preset: nil, roleName: nil))
        #expect(harness.screen.contains("Credentials") && harness.screen.contains("environment"), "\(harness.screen)")
    }

    /// The wizard at Review of a spec file opened from the start menu.
    private func reviewOfAnOpenedL4ESpec() async throws -> WizardHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try RoleSpecFile.encode(RolePreset.lookoutEquipment.spec, format: .yaml)
            .write(to: directory.appendingPathComponent("l4e.yaml"), atomically: true, encoding: .utf8)
        let harness = WizardHarness(service: offlineService(), start: .create(preset: nil, roleName: nil), directory: directory)
        try harness.press(.down, .down, .down, .enter)
        try harness.type("l4e.yaml")
        try harness.press(.enter)
        try await harness.deliver { $0.isReview }
        return harness
    }

    /// From "Open a spec file", Review's digit keys reach the steps its help lists.
    @Test func reviewOfAnOpenedSpecReachesEveryStep() async throws {
        let harness = try await reviewOfAnOpenedL4ESpec()
        try harness.press(.character("2"))
        #expect(harness.topTitle == "Permissions")
        #expect(harness.context.model.policyArns.count == 3, "the spec's answers are kept")
        #expect(!harness.context.hasUnkeptAnswers, "opening the steps changed no answer")
        // Esc walks the same steps back as a flow gone through by hand.
        try harness.press(.escape)
        #expect(harness.topTitle == "Trusted entity")
        try harness.press(.escape)
        #expect(harness.topTitle == "Open spec")
    }

    /// Review's Esc after an opened spec is the step before Review, as in a flow walked through.
    @Test func escFromTheReviewOfAnOpenedSpecGoesToDetails() async throws {
        let harness = try await reviewOfAnOpenedL4ESpec()
        try harness.press(.escape)
        #expect(harness.topTitle == "Details")
        #expect(harness.screen.contains("l4e-role"))
    }

    /// One table says the order, the titles and each step's screen; every
    /// step screen's number in the indicator comes from it.
    @Test func theCreateFlowTableDrivesEveryStep() throws {
        let context = WizardContext(service: offlineService(), model: WizardModel(preset: .lookoutEquipment),
                                    outputDirectory: FileManager.default.temporaryDirectory) { _ in }
        for step in CreateFlow.Step.allCases where step != .finish {
            let screen = try #require(CreateFlow.screen(for: step, context: context) as? any WizardScreen)
            #expect(screen.step == step.rawValue, "\(step)")
            #expect(CreateFlow.titles(offline: false)[step.rawValue] == step.title(offline: false))
        }
        #expect(CreateFlow.Step.permissions.next == .trustPolicy)
        #expect(CreateFlow.Step.finish.next == nil)
        #expect(CreateFlow.titles(offline: true) == ["Trusted entity", "Permissions", "Trust policy", "Details", "Review", "Export"])
    }

    /// Save spec asks before replacing a file, and keeps it by default.
    @Test func savingOverAnExistingFileAsksFirst() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let existing = directory.appendingPathComponent("l4e-role.rolewiz.yaml")
        try "mine\n".write(to: existing, atomically: true, encoding: .utf8)
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil), directory: directory)
        try harness.press(.enter, .enter, .enter, .enter, .enter)
        try harness.press(.character("s"))
        #expect(harness.topTitle == "Save spec")
        try harness.press(.enter)
        #expect(harness.stack.presentedDialog?.title == "Replace the file?")
        try harness.press(.enter)  // Keep it: the default
        #expect(try String(contentsOf: existing, encoding: .utf8) == "mine\n")
        try harness.press(.enter, .left, .enter)  // ask again, then Replace
        #expect(try String(contentsOf: existing, encoding: .utf8).contains("name: l4e-role"))
    }

    /// With the account's policies loaded, the list opens at its top, and
    /// unchecking a policy leaves the cursor where it was.
    @Test func thePermissionsListOpensAtTheTopAndKeepsItsOrder() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let harness = WizardHarness(service: try motoService(moto), start: .create(preset: .lookoutEquipment, roleName: nil))
        try harness.press(.enter, .enter)
        #expect(harness.topTitle == "Permissions")
        try await harness.deliver { $0.isPolicies }
        let permissions = try #require(harness.stack.top as? PermissionsScreen)
        #expect(permissions.list.cursorPosition == 0)
        let chosen = "arn:aws:iam::aws:policy/IAMFullAccess"
        permissions.list.moveCursor(to: chosen)
        let position = permissions.list.cursorPosition
        try harness.press(.space)
        #expect(!harness.context.model.policyArns.contains(chosen))
        #expect(permissions.list.cursorPosition == position && permissions.list.currentItem?.id == chosen)
    }

    /// A string left open in the trust policy is reported at its opening
    /// quote, in words that fit the editor's finding line at 100 columns.
    @Test func anUnclosedStringIsSaidPlainlyAndFits() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil),
                                    size: Size(columns: 100, rows: 30))
        try harness.press(.enter, .enter, .enter)
        harness.context.model.editedTrustPolicy = "{\n  \"Version\": \"2012-10-17,\n  \"Statement\": []\n}"
        try harness.press(.escape)
        try harness.press(.enter)
        #expect(harness.topTitle == "Trust policy")
        let line = try #require(harness.screen.split(separator: "\n").first { $0.contains("not closed on its line") })
        #expect(line.contains("2:14") && line.contains("write a line break in it as \\n)"), "\(line)")
    }

    /// Typing a name asks IAM about at most the name being checked and the
    /// latest one typed since, not once per key.
    @Test func typingANameIsNotAGetRolePerKey() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let name = MotoServer.uniqueName("typed")
        let iam = try motoSession(moto).iam
        _ = try await iam.createRole(CreateRoleInput(roleName: name, assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[]}"#))
        let harness = WizardHarness(service: try motoService(moto), start: .create(preset: .lookoutEquipment, roleName: "x"))
        try harness.press(.enter, .enter, .enter, .enter)
        #expect(harness.topTitle == "Details")
        try harness.press(.control("u"))
        try harness.type(name)
        try await harness.deliver { if case .roleNameTaken(let checked, _) = $0 { checked == name } else { false } }
        #expect(harness.context.takenRoleNames.count <= 3, "checked: \(harness.context.takenRoleNames.keys.sorted())")
        #expect(harness.context.takenRoleNames[name] == true)
        #expect(harness.screen.contains("already exists"))
    }
}

/// The role list's Last activity column: read lazily, only for the rows on
/// screen or a page away, since ListRoles leaves it out and an account may
/// hold thousands of roles.
@MainActor @Suite(.heavy) struct RoleListLastActivityTests {
    @Test func lastActivityIsReadForTheRowsNearTheCursorOnly() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let service = try motoService(moto)
        let iam = try motoSession(moto).iam
        let prefix = "0000-activity-\(UUID().uuidString.prefix(6).lowercased())"
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        for index in 0..<80 {
            _ = try await iam.createRole(CreateRoleInput(roleName: "\(prefix)-\(String(format: "%02d", index))", assumeRolePolicyDocument: trust))
        }
        let harness = WizardHarness(service: service, start: .create(preset: nil, roleName: nil))
        let screen = RoleListScreen(context: harness.context)
        harness.stack.apply(.push(screen))
        try await harness.deliver { if case .roles = $0 { true } else { false } }
        let total = try #require(harness.context.roles?.value?.count)
        #expect(total >= 80)
        _ = harness.screen  // drawn once, as the loop does: the page size is known
        var mostInFlight = 0
        func readAllNearTheCursor() async throws {
            _ = harness.screen
            harness.stack.tick()  // as the loop does while the screen animates
            let near = screen.list.itemIDsNearCursor
            guard !near.allSatisfy({ harness.context.rolesLastUsed[$0] != nil }) else { return }
            try await harness.deliver { _ in
                mostInFlight = max(mostInFlight, harness.context.lastUsedInFlight)
                return near.allSatisfy { harness.context.rolesLastUsed[$0] != nil }
            }
        }
        try await readAllNearTheCursor()
        let first = harness.context.rolesLastUsed.count
        #expect(first > 0 && first <= 2 * 24 + 1, "a page either side of the cursor, not all \(total) roles: \(first)")
        #expect(harness.screen.contains("ec2.amazonaws.com  ·  not used recently"), "\(harness.screen)")

        // Keys faster than the reads: still at most four in flight, and the
        // rows that come into view are read, not every row passed.
        for _ in 0..<6 { try harness.press(.down) }
        try harness.press(.pageDown, .pageDown)
        #expect(harness.context.lastUsedInFlight <= WizardContext.lastUsedReadsAtOnce)
        try await readAllNearTheCursor()
        let second = harness.context.rolesLastUsed.count
        #expect(second > first && second < total, "\(first) then \(second) of \(total)")
        #expect(harness.context.rolesLastUsed["\(prefix)-40"] != nil, "the rows now on screen are read")
        #expect(mostInFlight <= WizardContext.lastUsedReadsAtOnce, "\(mostInFlight) reads at once")
        #expect(RoleListScreen.lastActivity(.success(Date(timeIntervalSince1970: 1_764_000_000))) == "last used 2025-11-24")
        #expect(RoleListScreen.lastActivity(nil) == "last used …")
        #expect(RoleListScreen.lastActivity(.failure("denied")) == "last use unknown")
    }
}

/// Deleting from the editor: what goes is listed, the name must be typed,
/// a service-linked role is refused, and nothing is left half-said.
@MainActor @Suite(.heavy) struct EditorDeleteTests {
    private static let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#

    @Sendable nonisolated private static func roleName(_ result: ResponseElement) -> String {
        result.child("Role")?.text("RoleName") ?? ""
    }

    @Test func theNameMustBeTypedThenEverythingGoes() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try motoSession(moto).iam
        let name = MotoServer.uniqueName("tui-delete")
        _ = try await iam.createRole(CreateRoleInput(roleName: name, assumeRolePolicyDocument: Self.trust))
        try await iam.attachRolePolicy(roleName: name, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess")
        try await iam.putRolePolicy(roleName: name, policy: InlinePolicy(name: "inline", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#))

        let harness = WizardHarness(service: try motoService(moto), start: .edit(roleName: name), size: Size(columns: 100, rows: 30))
        try await harness.deliver { if case .role = $0 { true } else { false } }
        #expect(harness.screen.contains("Inline policies (1):"), "\(harness.screen)")
        try harness.press(.character("D"))
        try await harness.deliver { if case .deletion = $0 { true } else { false } }
        let listed = harness.screen
        #expect(listed.contains("- detach arn:aws:iam::aws:policy/ReadOnlyAccess"), "\(listed)")
        #expect(listed.contains("- delete inline policy inline"))
        #expect(listed.contains("Type the role's name to delete it"))

        try harness.type("not-the-name")
        try harness.press(.enter)
        #expect(harness.screen.contains("type \(name) exactly to delete it"), "\(harness.screen)")
        #expect(try await iam.getRole(name: name).roleName == name, "a wrong name deletes nothing")

        for _ in 0..<12 { try harness.press(.backspace) }
        try harness.type(name)
        try harness.press(.enter)
        try harness.press(.escape)
        #expect(harness.topTitle == "Delete role", "while the calls run, Esc waits for their end")
        try await harness.deliver { if case .deleteFinished = $0 { true } else { false } }
        #expect(harness.screen.contains("Deleted role \(name)."), "\(harness.screen)")
        await #expect(throws: AWSError.self) { try await iam.getRole(name: name) }
        try harness.press(.enter)
        #expect(harness.stack.isFinished, "opened by name, the editor has nothing left to show")
    }

    @Test func aServiceLinkedRoleIsRefused() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try motoSession(moto).iam
        let role = try await iam.client.call(
            "CreateServiceLinkedRole", [("AWSServiceName", "elasticbeanstalk.amazonaws.com"), ("CustomSuffix", MotoServer.uniqueName("tui"))],
            decode: Self.roleName)
        let harness = WizardHarness(service: try motoService(moto), start: .edit(roleName: role), size: Size(columns: 100, rows: 30))
        try await harness.deliver { if case .role = $0 { true } else { false } }
        try harness.press(.character("D"))
        try await harness.deliver { if case .deletion = $0 { true } else { false } }
        #expect(harness.screen.contains("is a service-linked role"), "\(harness.screen)")
        #expect(!harness.screen.contains("Type the role's name"))
        try harness.type(role)
        try harness.press(.enter)
        #expect(harness.context.deleteResult == nil, "nothing was started")
        #expect(try await iam.getRole(name: role).roleName == role)
    }
}
