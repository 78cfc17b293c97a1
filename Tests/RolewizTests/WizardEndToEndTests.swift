import Foundation
import IAMClient
import Testing
import TestSupport

/// The wizard under tmux against moto: the keys a person presses, then the
/// role checked through the API, with a resize or Ctrl-C in the middle and
/// the terminal settings unchanged afterwards.
@Suite(.serialized, .heavy)
struct WizardEndToEndTests {
    static func environment(_ moto: MotoServer?, home: URL) -> [String: String] {
        var environment = [
            "AWS_EC2_METADATA_DISABLED": "true", "HOME": home.path, "TERM": "xterm-256color", "LANG": "C.UTF-8",
            "PATH": "/usr/bin:/bin",
        ]
        if moto != nil {
            environment["AWS_ACCESS_KEY_ID"] = "testing"
            environment["AWS_SECRET_ACCESS_KEY"] = "testing"
        }
        return environment
    }

    static func emptyHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("home"))
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    static func iam(_ moto: MotoServer) throws -> IAMService {
        try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString,
            environment: ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"],
            profiles: ProfileStore())).iam
    }

    /// What each Enter from the preset's start screen leads to, up to the review.
    static let presetStepsToReview = ["Trusted entity type", "of 10 selected", "Size ", "Role name", "Enter to create the role."]

    @Test func enterThroughThePresetCreatesTheSeedRoleInEightKeys() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let home = try Self.emptyHome()
        let name = MotoServer.uniqueName("l4e")
        let session = try WizardPane.start(
            ["--preset", "lookout-equipment", "--role-name", name, "--endpoint-url", moto.endpoint.absoluteString],
            environment: Self.environment(moto, home: home))
        defer { session.close() }
        try await session.waitFor("from preset lookout-equipment")
        var keys = 0
        for expected in Self.presetStepsToReview {
            session.tmux.send("Enter"); keys += 1
            try await session.waitFor(expected)
            if expected == "Size " { try session.tmux.resize(columns: 100, rows: 30) }
        }
        session.tmux.send("Enter"); keys += 1
        try await session.waitFor("Enter to continue")
        session.tmux.send("Enter"); keys += 1
        try await session.waitFor("The role is ready.")
        session.tmux.send("Enter"); keys += 1
        #expect(try await session.waitForExit() == 0)
        #expect(keys <= 8)
        let (before, after) = session.sttyBeforeAndAfter
        #expect(before == after)

        let iam = try Self.iam(moto)
        let role = try await iam.getRole(name: name)
        let trust = role.assumeRolePolicyDocument.removingPercentEncoding ?? role.assumeRolePolicyDocument
        #expect(trust.contains("sagemaker.amazonaws.com") && trust.contains("lookoutequipment.amazonaws.com"))
        let attached = try await iam.listAttachedRolePolicies(roleName: name).map(\.policyName).sorted()
        #expect(attached == ["AmazonLookoutEquipmentFullAccess", "AmazonS3FullAccess", "IAMFullAccess"])
    }

    @Test func offlineWithoutCredentialsDesignsAndExportsAndCtrlCLeavesTheTerminalAsItWas() async throws {
        let home = try Self.emptyHome()
        let session = try WizardPane.start(["wizard", "--preset", "lookout-equipment"],
                                                  environment: Self.environment(nil, home: home), columns: 100, rows: 30)
        defer { session.close() }
        let start = try await session.waitFor("No AWS credentials were found")
        #expect(start.contains("environment"))
        // The window's real size from the start, not terminfo's 80x24.
        #expect(start.split(separator: "\n").first?.count == 100)
        session.tmux.send("Enter", "Enter", "Enter", "Enter", "Enter")
        try await session.waitFor("Enter to export.")
        try session.tmux.resize(columns: 90, rows: 28)
        session.tmux.send("Enter")
        try await session.waitFor("Offline: nothing can be created here.")
        session.tmux.send("Down", "Enter")
        try await session.waitFor("Wrote ")
        session.tmux.send("C-c")
        #expect(try await session.waitForExit() == 0)
        let (before, after) = session.sttyBeforeAndAfter
        #expect(before == after)
        let script = try String(contentsOf: session.directory.appendingPathComponent("l4e-role.sh"), encoding: .utf8)
        #expect(script.contains("iam create-role"))
    }

    @Test func aCustomRoleWithTwoServicesAFilteredPolicyAndATag() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let home = try Self.emptyHome()
        let name = MotoServer.uniqueName("custom")
        let session = try WizardPane.start(
            ["wizard", "--role-name", name, "--endpoint-url", moto.endpoint.absoluteString],
            environment: Self.environment(moto, home: home))
        defer { session.close() }
        try await session.waitFor("Create a custom role")
        session.tmux.send("Down", "Enter")
        try await session.waitFor("Trusted entity type")
        session.tmux.send("/"); session.tmux.type("lambda"); session.tmux.send("Enter", "Space")
        try await session.waitFor("1 selected")
        // Wait for each Esc to land: an Esc followed at once by a key reads as Alt+key.
        session.tmux.send("Escape")
        try await session.waitFor("/ to filter")
        session.tmux.send("/"); session.tmux.type("ec2"); session.tmux.send("Enter", "Space")
        try await session.waitFor("2 selected")
        session.tmux.send("Enter")
        try await session.waitFor("loading policies")
        try await session.waitFor("inline (F3) · scope: All")
        session.tmux.send("/"); session.tmux.type("AmazonSQSReadOnly"); session.tmux.send("Enter")
        try await session.waitFor("AmazonSQSReadOnlyAccess")
        session.tmux.send("Space")
        try await session.waitFor("1 of 10 selected")
        try session.tmux.resize(columns: 100, rows: 30)
        session.tmux.send("Enter")
        try await session.waitFor("Size ")
        session.tmux.send("Enter")
        try await session.waitFor("Role name")
        // Description, path, max session, then tags.
        session.tmux.send("Tab", "Tab", "Tab", "Tab"); session.tmux.type("team=ml"); session.tmux.send("Enter")
        try await session.waitFor("Enter to create the role.")
        session.tmux.send("Enter")
        try await session.waitFor("Enter to continue")
        session.tmux.send("C-c")
        #expect(try await session.waitForExit() == 0)
        let (before, after) = session.sttyBeforeAndAfter
        #expect(before == after)

        let iam = try Self.iam(moto)
        let role = try await iam.getRole(name: name)
        let trust = role.assumeRolePolicyDocument.removingPercentEncoding ?? role.assumeRolePolicyDocument
        #expect(trust.contains("lambda.amazonaws.com") && trust.contains("ec2.amazonaws.com"))
        #expect(try await iam.listAttachedRolePolicies(roleName: name).map(\.policyName).contains("AmazonSQSReadOnlyAccess"))
        #expect(try await iam.listRoleTags(name: name) == [Tag(key: "team", value: "ml")])
    }

    @Test func editingARoleChangesItsTrustAndDetachesAPolicyAfterTheDiff() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let iam = try Self.iam(moto)
        let name = MotoServer.uniqueName("edit")
        _ = try await iam.createRole(CreateRoleInput(
            roleName: name,
            assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["sagemaker.amazonaws.com","lookoutequipment.amazonaws.com"]},"Action":"sts:AssumeRole"}]}"#))
        for policy in ["AmazonS3FullAccess", "IAMFullAccess"] {
            try await iam.attachRolePolicy(roleName: name, policyArn: "arn:aws:iam::aws:policy/\(policy)")
        }
        let home = try Self.emptyHome()
        let session = try WizardPane.start(
            ["edit", name, "--endpoint-url", moto.endpoint.absoluteString],
            environment: Self.environment(moto, home: home))
        defer { session.close() }
        try await session.waitFor("Attached policies (2)")
        session.tmux.send("v")
        try await session.waitFor("Trusted entity type")
        session.tmux.send("/"); session.tmux.type("lookoutequipment")
        session.tmux.send("Enter", "Space")
        try await session.waitFor("(Esc clears)")
        session.tmux.send("Escape")
        try await session.waitFor("/ to filter")
        session.tmux.send("Enter")
        try await session.waitFor("Attached policies (2)")
        session.tmux.send("p")
        try await session.waitFor("2 of 10 selected")
        session.tmux.send("/"); session.tmux.type("IAMFullAccess"); session.tmux.send("Enter", "Space")
        try await session.waitFor("1 of 10 selected")
        try session.tmux.resize(columns: 100, rows: 30)
        session.tmux.send("Escape")
        try await session.waitFor("/ to filter")
        session.tmux.send("Enter")
        try await session.waitFor("Attached policies (1)")
        session.tmux.send("Enter")
        let review = try await session.waitFor("Enter to apply the changes.")
        #expect(review.contains("Trust policy (- old, + new):") || review.contains("trust"))
        session.tmux.send("Enter")
        try await session.waitFor("Apply changes?")
        session.tmux.send("Enter")
        try await session.waitFor("Enter to continue")
        session.tmux.send("Enter")
        try await session.waitFor("Attached policies (1)")
        session.tmux.send("C-c")
        #expect(try await session.waitForExit() == 0)
        let (before, after) = session.sttyBeforeAndAfter
        #expect(before == after)

        let role = try await iam.getRole(name: name)
        let trust = role.assumeRolePolicyDocument.removingPercentEncoding ?? role.assumeRolePolicyDocument
        #expect(trust.contains("sagemaker.amazonaws.com") && !trust.contains("lookoutequipment"))
        #expect(try await iam.listAttachedRolePolicies(roleName: name).map(\.policyName) == ["AmazonS3FullAccess"])
    }
}
