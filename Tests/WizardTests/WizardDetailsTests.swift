import Foundation
import Provisioning
import Testing
import TerminalUI
@testable import Wizard

/// Step 4's console fields beyond name, description and tags: the path, the
/// maximum session duration (as hours and minutes, checked as typed) and the
/// permissions boundary chosen from the policy list (or typed, or none).
@MainActor
@Suite(.timeLimit(.minutes(10))) struct WizardDetailsTests {
    /// The preset's flow up to Details, offline.
    static func details(size: Size = Size(columns: 80, rows: 24)) throws -> WizardHarness {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .lookoutEquipment, roleName: nil), size: size)
        try harness.press(.enter, .enter, .enter, .enter)
        #expect(harness.topTitle == "Details")
        return harness
    }

    /// Tab from the name to `field` (name, description, path, session, tags, boundary).
    static func focus(_ harness: WizardHarness, steps: Int) throws {
        for _ in 0..<steps { try harness.press(.tab) }
    }

    @Test func thePathAndTheSessionDurationAreCheckedAsTyped() throws {
        let harness = try Self.details()
        var screen = harness.screen
        #expect(screen.contains("Path") && screen.contains("Max session") && screen.contains("Boundary"), "\(screen)")
        try Self.focus(harness, steps: 2)
        try harness.press(.control("u"))
        try harness.type("service-roles")
        #expect(harness.screen.contains("must start and end with \"/\""))
        try harness.press(.control("u"))
        try harness.type("/service-roles/")
        #expect(harness.context.model.path == "/service-roles/")
        try harness.press(.tab)
        for (typed, seconds, message) in [("13h", nil as Int?, "outside IAM's range of 1 to 12 hours"), ("soon", nil, "expected seconds"),
                                          ("1h30m", 5400, nil as String?), ("12h", 43200, nil), ("", nil, nil)] {
            try harness.press(.control("u"))
            try harness.type(typed)
            screen = harness.screen
            if let message { #expect(screen.contains(message), "\(typed): \(screen)") }
            if let seconds { #expect(harness.context.model.maxSessionDuration == seconds, "\(typed)") }
            if typed.isEmpty { #expect(harness.context.model.maxSessionDuration == nil) }
        }
        try harness.type("90m")
        #expect(harness.context.model.spec().maxSessionDuration == 5400)
        // An unreadable duration keeps Enter on the field.
        try harness.press(.control("u"))
        try harness.type("1x")
        try harness.press(.enter)
        #expect(harness.topTitle == "Details")
    }

    @Test func theBoundaryIsChosenFromThePolicyListOrNone() throws {
        let harness = try Self.details()
        try Self.focus(harness, steps: 5)
        #expect(harness.screen.contains("Enter Choose boundary"))
        try harness.press(.enter)
        #expect(harness.topTitle == "Permissions boundary")
        #expect(harness.screen.contains("No permissions boundary"))
        try harness.type("/PowerUserAccess")
        try harness.press(.enter)  // ends the filter
        try harness.press(.enter)  // chooses
        #expect(harness.topTitle == "Details")
        #expect(harness.context.model.permissionsBoundary?.name == "PowerUserAccess")
        #expect(harness.screen.contains("Boundary   : PowerUserAccess"))
        #expect(harness.context.model.spec().permissionsBoundary?.arn(partition: "aws") == "arn:aws:iam::aws:policy/PowerUserAccess")
        // Again: the current one is marked and the cursor is on it; "No permissions boundary" takes it away.
        try harness.press(.enter)
        #expect(harness.screen.contains("current"))
        try harness.press(.home, .enter)
        #expect(harness.context.model.permissionsBoundary == nil)
        #expect(harness.screen.contains("Boundary   : none"))
    }

    @Test func anyPolicyCanBeTypedAsTheBoundaryAndIsChecked() throws {
        let harness = try Self.details()
        try Self.focus(harness, steps: 5)
        try harness.press(.enter, .character("+"))
        try harness.type("arn:aws:iam::123456789012:user/not-a-policy")
        #expect(harness.screen.contains("!"), "a user ARN is not a policy")
        try harness.press(.enter)
        #expect(harness.topTitle == "Permissions boundary")
        try harness.press(.control("u"))
        try harness.type("arn:aws:iam::123456789012:policy/DevBoundary")
        try harness.press(.enter)
        #expect(harness.topTitle == "Details")
        #expect(harness.context.model.permissionsBoundary?.text == "arn:aws:iam::123456789012:policy/DevBoundary")
    }

    @Test func editingShowsThePathWithoutAField() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: nil, roleName: nil))
        let spec = RoleSpec(name: "app", path: "/apps/", trust: .services(["lambda.amazonaws.com"]), maxSessionDuration: 7200,
                            permissionsBoundary: "PowerUserAccess")
        harness.context.model.load(spec)
        harness.stack.apply(.push(DetailsScreen(context: harness.context, flow: .edit)))
        let screen = harness.screen
        #expect(screen.contains("Path        /apps/"), "\(screen)")
        #expect(screen.contains("Max session: 2h"))
        #expect(screen.contains("Boundary   : PowerUserAccess"))
        try harness.press(.tab)  // description -> session
        try harness.press(.control("u"))
        try harness.type("3h")
        #expect(harness.context.model.maxSessionDuration == 10800)
        #expect(harness.context.model.path == "/apps/")
    }
}

/// The trusted-entity step offers every service principal of the generated
/// list, by its service's name, after the hand-kept catalogue.
@MainActor
@Suite(.timeLimit(.minutes(10))) struct WizardServicePickerTests {
    @Test func everyGeneratedServiceIsOfferedOnceAfterTheCatalogue() {
        let every = ServiceCatalogue.everyService.services
        let curated = ServiceCatalogue.standard.services
        #expect(Array(every.prefix(curated.count)) == curated, "the catalogue comes first, as it was")
        let stems = every.map { ServicePrincipal.stem($0.principal) }
        #expect(Set(stems).count == stems.count, "each principal once")
        for (principal, _) in ServicePrincipal.generatedServices {
            #expect(stems.contains(ServicePrincipal.stem(principal)), "\(principal) is not offered")
        }
        #expect(every.first { $0.principal == "rolesanywhere.amazonaws.com" }?.displayName == "AWS Identity and Access Management Roles Anywhere")
    }

    @Test func aServiceOutsideTheCatalogueIsFoundByNameAndTrusted() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: nil, roleName: nil))
        try harness.press(.down, .enter)  // a custom role
        #expect(harness.topTitle == "Trusted entity")
        try harness.type("/EventBridge Scheduler")
        try harness.press(.enter)
        #expect(harness.screen.contains("scheduler.amazonaws.com"), "\(harness.screen)")
        try harness.press(.space)
        #expect(harness.context.model.services == ["scheduler.amazonaws.com"])
        let findings = TrustPolicyLinter().lint(trustPolicy: try harness.context.model.generatedTrustPolicy(partition: "aws", accountId: nil).get())
        #expect(!findings.contains { $0.code == .servicePrincipalUnknown }, "\(findings.map(\.message))")
    }

    /// As the console: a role EC2 may assume gets an instance profile of its
    /// name unless the toggle (Space) says not; Review says which.
    @Test func anEC2RoleOffersTheInstanceProfileToggleOnByDefault() throws {
        let harness = WizardHarness(service: offlineService(), start: .create(preset: .ec2Instance, roleName: nil))
        try harness.press(.enter, .enter, .enter, .enter)
        #expect(harness.topTitle == "Details")
        #expect(harness.screen.contains("[x] Create an instance profile with the same name"), "\(harness.screen)")
        #expect(harness.context.model.spec().wantsInstanceProfile)
        try WizardDetailsTests.focus(harness, steps: 6)
        #expect(harness.screen.contains("Space Toggle"), "\(harness.screen)")
        try harness.press(.space)
        #expect(harness.screen.contains("[ ] Create an instance profile with the same name"))
        #expect(harness.context.model.spec().instanceProfile == false)
        try harness.press(.space)
        #expect(harness.context.model.spec().instanceProfile == nil, "on is the default, so the spec does not say it")
        try harness.press(.enter)
        #expect(harness.topTitle == "Review")
        #expect(harness.screen.contains("instance profile of the same name, for EC2"), "\(harness.screen)")
    }

    @Test func aRoleEC2CannotAssumeHasNoToggle() throws {
        let harness = try WizardDetailsTests.details()
        #expect(!harness.screen.contains("instance profile"))
        try WizardDetailsTests.focus(harness, steps: 6)
        #expect(harness.screen.contains("Role name"), "the focus wraps from the boundary to the name")
        #expect(harness.context.model.spec().instanceProfile == nil)
    }
}
