import Foundation
import IAMClient
import Provisioning
import TerminalUI
import Testing
import TestSupport
@testable import Wizard

/// Inline policies in the wizard: F3 on step 2 (and `i` in the editor) opens
/// their list; each is edited in the JSON editor with identity-policy
/// findings as typed; removing asks; Review plans PutRolePolicy and
/// DeleteRolePolicy, and nothing typed is lost on Esc.
@MainActor
@Suite(.timeLimit(.minutes(10))) struct WizardInlinePolicyTests {
    /// The preset's flow at step 2, offline, on the inline policies list.
    static func inlineList(size: Size = Size(columns: 100, rows: 30)) throws -> WizardHarness {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil), size: size)
        // The start screen first (Enter takes the preset), then step 1, then step 2.
        try harness.press(.enter, .enter)
        #expect(harness.topTitle == "Permissions")
        #expect(harness.screen.contains("0 inline (F3)"), "\(harness.screen)")
        try harness.press(.function(3))
        #expect(harness.topTitle == "Inline policies")
        return harness
    }

    static let passRole = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#

    @Test func anAddedPolicyIsEditedWithFindingsAsTypedAndKeptOnEsc() throws {
        let harness = try Self.inlineList()
        #expect(harness.screen.contains("No inline policies: a adds one."))
        try harness.press(.character("a"))
        #expect(harness.topTitle == "Inline policy")
        #expect(harness.context.model.inlinePolicies.map(\.name) == ["inline-policy-1"])
        #expect(harness.screen.contains("0 errors, 0 other findings"), "the template is clean: \(harness.screen)")

        // The document: replaced by a PassRole on every role, which lint flags where it is.
        try harness.press(.control("a"))
        for _ in 0..<40 { try harness.press(.control("k"), .delete) }
        try harness.press(.paste(Self.passRole))
        var screen = harness.screen
        #expect(screen.contains("1 other finding"), "\(screen)")
        #expect(screen.contains("iam:PassRole on \"*\""), "\(screen)")
        #expect(harness.context.model.inlinePolicies.first?.document == Self.passRole, "typed text is the policy at once")

        // A typo in an action is an error with the nearest real one.
        try harness.press(.control("a"))
        for _ in 0..<40 { try harness.press(.control("k"), .delete) }
        try harness.press(.paste(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjcet", "Resource": "*"}]}"#))
        screen = harness.screen
        #expect(screen.contains("1 error"), "\(screen)")
        #expect(screen.contains("did you mean s3:GetObject?"), "\(screen)")

        // The name: checked as typed, against IAM's rules and the role's other policies.
        try harness.press(.tab, .control("u"))
        try harness.type("read objects")
        #expect(harness.screen.contains("The name"), "\(harness.screen)")
        try harness.press(.control("u"))
        try harness.type("read-objects")
        #expect(harness.context.model.inlinePolicies.first?.name == "read-objects")

        try harness.press(.escape)
        #expect(harness.topTitle == "Inline policies")
        screen = harness.screen
        #expect(screen.contains("! read-objects"), "an error marks the row: \(screen)")
        #expect(screen.contains("1 inline policy"), "\(screen)")
        try harness.press(.escape)
        #expect(harness.screen.contains("1 inline (F3)"))
        #expect(harness.context.model.spec().inlinePolicies.map(\.name) == ["read-objects"])
    }

    @Test func aSecondPolicyCannotTakeTheFirstOnesName() throws {
        let harness = try Self.inlineList()
        try harness.press(.character("a"), .escape, .character("a"))
        #expect(harness.context.model.inlinePolicies.map(\.name) == ["inline-policy-1", "inline-policy-2"])
        try harness.press(.tab, .control("u"))
        try harness.type("inline-policy-1")
        #expect(harness.screen.contains("already has an inline policy named inline-policy-1"), "\(harness.screen)")
    }

    @Test func removingAsksAndKeepMeansKeep() throws {
        let harness = try Self.inlineList()
        try harness.press(.character("a"), .escape)
        try harness.press(.character("x"))
        #expect(harness.stack.presentedDialog?.title == "Remove inline policy?")
        try harness.press(.escape)
        #expect(harness.context.model.inlinePolicies.count == 1, "Esc keeps it")
        try harness.press(.character("x"), .enter)
        #expect(harness.context.model.inlinePolicies.isEmpty)
        #expect(harness.screen.contains("No inline policies"))
    }

    @Test func theMeterShowsTheRolesTotalAndReviewRefusesTooMuch() async throws {
        let harness = try Self.inlineList()
        let statement = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket-with-a-long-name/"# + String(repeating: "k", count: 60) + #"/*"}"#
        let big = #"{"Version": "2012-10-17", "Statement": ["# + Array(repeating: statement, count: 80).joined(separator: ",") + "]}"
        harness.context.model.inlinePolicies = [RoleInlinePolicy(name: "big", document: big)]
        let size = PolicyDocument.iamSize(of: big)
        #expect(size > 10_240)
        #expect(harness.screen.contains("size \(size)/10240"), "\(harness.screen)")
        try harness.press(.escape, .enter, .enter, .enter)
        #expect(harness.topTitle == "Review")
        try await harness.deliver { $0.isReview }
        guard case .failure(let message)? = harness.context.review else {
            Issue.record("an inline total over the quota must not plan")
            return
        }
        #expect(message.contains("IAM allows at most 10240 in all for one role"), "\(message)")
    }

    @Test func reviewListsThemAndTheirFindings() async throws {
        let harness = try Self.inlineList()
        harness.context.model.inlinePolicies = [RoleInlinePolicy(name: "pass", document: Self.passRole)]
        try harness.press(.escape, .enter, .enter, .enter)
        try await harness.deliver { $0.isReview }
        let screen = harness.screen
        #expect(screen.contains("Inline:       pass"), "\(screen)")
        #expect(screen.contains("add inline policy"), "\(screen)")
        let findings = harness.context.review?.value?.findings ?? []
        #expect(findings.contains { $0.code == .passRoleWildcardResource && $0.message.hasPrefix("inline policy \"pass\"") }, "\(findings)")
    }

    @Test func aCustomerManagedPolicyInThePreviewGetsTheIdentityChecks() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try motoSession(moto).iam
        let name = MotoServer.uniqueName("typo-policy")
        let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjcet","Resource":"*"}]}"#
        // CreatePolicy is not among rolewiz's calls (it never creates policies); made directly.
        try await iam.client.call("CreatePolicy", [("PolicyName", name), ("PolicyDocument", document)]) { @Sendable _ in () }
        let harness = WizardHarness(service: try motoService(moto), start: .create(preset: .lookoutEquipment, roleName: nil),
                                    size: Size(columns: 100, rows: 30))
        try harness.press(.enter, .enter)
        try await harness.deliver { $0.isPolicies }
        try harness.type("/" + name)
        try harness.press(.enter)
        try await harness.deliver { if case .policyDocument(let arn, _) = $0 { arn.hasSuffix("/" + name) } else { false } }
        let screen = try #require(harness.stack.top as? PermissionsScreen)
        #expect(screen.preview.text.contains(#"E 6:23 "s3:GetObjcet" is not an action of its service (did you mean s3:GetObject?)"#),
                "\(screen.preview.text)")
        // An AWS managed policy's preview shows its document only: AWS's to fix.
        #expect(PermissionsScreen.findingLines(for: "{}", arn: "arn:aws:iam::aws:policy/ReadOnlyAccess").isEmpty)
        #expect(!PermissionsScreen.findingLines(for: "{}", arn: "arn:aws:iam::123456789012:policy/Mine").isEmpty)
    }

    @Test func theEditorAddsAndRemovesThemOnTheRole() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try motoSession(moto).iam
        let name = MotoServer.uniqueName("tui-inline")
        _ = try await iam.createRole(CreateRoleInput(
            roleName: name,
            assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#))
        let read = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        try await iam.putRolePolicy(roleName: name, policy: InlinePolicy(name: "keep", document: read))
        try await iam.putRolePolicy(roleName: name, policy: InlinePolicy(name: "drop", document: read))

        let harness = WizardHarness(service: try motoService(moto), start: .edit(roleName: name), size: Size(columns: 100, rows: 30))
        try await harness.deliver { $0.isRole }
        #expect(harness.screen.contains("Inline policies (2):"), "\(harness.screen)")
        try harness.press(.character("i"))
        #expect(harness.topTitle == "Inline policies")
        let dropIndex = try #require(harness.context.model.inlinePolicies.firstIndex { $0.name == "drop" })
        try harness.press(.home)
        for _ in 0..<dropIndex { try harness.press(.down) }
        try harness.press(.character("x"), .enter)
        try harness.press(.character("a"), .tab, .control("u"))
        try harness.type("reader")
        try harness.press(.escape, .escape)
        #expect(harness.topTitle == "Edit role")
        #expect(harness.screen.contains("Inline policies (2):") && harness.screen.contains("reader"), "\(harness.screen)")

        try harness.press(.enter)
        try await harness.deliver { $0.isReview }
        let review = harness.screen
        #expect(review.contains("add inline policy \"reader\""), "\(review)")
        #expect(review.contains("delete inline policy \"drop\""), "\(review)")
        try harness.press(.enter)
        #expect(harness.stack.presentedDialog?.title == "Apply changes?")
        try harness.press(.enter)
        try await harness.deliver { $0.isApplyFinished }
        #expect(Set(try await iam.listRolePolicies(roleName: name)) == ["keep", "reader"])
        #expect(try await iam.getRolePolicy(roleName: name, policyName: "reader").document.contains("example-bucket"))
    }
}
