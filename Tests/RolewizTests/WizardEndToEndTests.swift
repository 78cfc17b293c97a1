import Foundation
import IAMClient
import Testing
import TestSupport

/// The wizard under tmux against moto: the keys a person presses, then the
/// role checked through the API, with a resize or Ctrl-C in the middle and
/// the terminal settings unchanged afterwards.
@Suite(.serialized)
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

    @Test func enterThroughThePresetCreatesTheSeedRoleInEightKeys() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let home = try Self.emptyHome()
        let name = MotoServer.uniqueName("l4e")
        let session = try await WizardTmuxSession(
            arguments: ["--preset", "lookout-equipment", "--role-name", name, "--endpoint-url", moto.endpoint.absoluteString],
            environment: Self.environment(moto, home: home))
        defer { Task { await session.close() } }
        try await session.waitFor("from preset lookout-equipment")
        var keys = 0
        for expected in ["Trusted entity type", "of 10 selected", "Size ", "Role name", "Enter to create the role."] {
            try await session.send("Enter"); keys += 1
            try await session.waitFor(expected)
            if expected == "Size " { try await session.resize(columns: 100, rows: 30) }
        }
        try await session.send("Enter"); keys += 1
        try await session.waitFor("Enter to continue")
        try await session.send("Enter"); keys += 1
        try await session.waitFor("The role is ready.")
        try await session.send("Enter"); keys += 1
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
        let session = try await WizardTmuxSession(arguments: ["wizard", "--preset", "lookout-equipment"],
                                                  environment: Self.environment(nil, home: home))
        defer { Task { await session.close() } }
        let start = try await session.waitFor("No AWS credentials were found")
        #expect(start.contains("environment"))
        try await session.send("Enter", "Enter", "Enter", "Enter", "Enter")
        try await session.waitFor("Enter to export.")
        try await session.resize(columns: 90, rows: 28)
        try await session.send("Enter")
        try await session.waitFor("Offline: nothing can be created here.")
        try await session.send("Down", "Enter")
        try await session.waitFor("Wrote ")
        try await session.send("C-c")
        #expect(try await session.waitForExit() == 0)
        let (before, after) = session.sttyBeforeAndAfter
        #expect(before == after)
        let script = try String(contentsOf: session.directory.appendingPathComponent("l4e-role.sh"), encoding: .utf8)
        #expect(script.contains("aws iam create-role"))
    }

    @Test func aCustomRoleWithTwoServicesAFilteredPolicyAndATag() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let home = try Self.emptyHome()
        let name = MotoServer.uniqueName("custom")
        let session = try await WizardTmuxSession(
            arguments: ["wizard", "--role-name", name, "--endpoint-url", moto.endpoint.absoluteString],
            environment: Self.environment(moto, home: home))
        defer { Task { await session.close() } }
        try await session.waitFor("Create a custom role")
        try await session.send("Down", "Enter")
        try await session.waitFor("Trusted entity type")
        try await session.send("/"); try await session.send("lambda", literal: true); try await session.send("Enter", "Space")
        try await session.send("Escape"); try await session.send("/"); try await session.send("ec2", literal: true)
        try await session.send("Enter", "Space", "Enter")
        try await session.waitFor("loading policies")
        try await session.waitFor("of 10 selected · scope: All")
        try await session.send("/"); try await session.send("AmazonSQSReadOnly", literal: true); try await session.send("Enter")
        try await session.waitFor("AmazonSQSReadOnlyAccess")
        try await session.send("Space")
        try await session.waitFor("1 of 10 selected")
        try await session.resize(columns: 100, rows: 30)
        try await session.send("Enter")
        try await session.waitFor("Size ")
        try await session.send("Enter")
        try await session.waitFor("Role name")
        try await session.send("Tab", "Tab"); try await session.send("team=ml", literal: true); try await session.send("Enter")
        try await session.waitFor("Enter to create the role.")
        try await session.send("Enter")
        try await session.waitFor("Enter to continue")
        try await session.send("C-c")
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
        let session = try await WizardTmuxSession(
            arguments: ["edit", name, "--endpoint-url", moto.endpoint.absoluteString],
            environment: Self.environment(moto, home: home))
        defer { Task { await session.close() } }
        try await session.waitFor("Attached policies (2)")
        try await session.send("v")
        try await session.waitFor("Trusted entity type")
        try await session.send("/"); try await session.send("lookoutequipment", literal: true)
        try await session.send("Enter", "Space", "Escape", "Enter")
        try await session.waitFor("Attached policies (2)")
        try await session.send("p")
        try await session.waitFor("2 of 10 selected")
        try await session.send("/"); try await session.send("IAMFullAccess", literal: true); try await session.send("Enter", "Space")
        try await session.waitFor("1 of 10 selected")
        try await session.resize(columns: 100, rows: 30)
        try await session.send("Escape", "Enter")
        try await session.waitFor("Attached policies (1)")
        try await session.send("Enter")
        let review = try await session.waitFor("Enter to apply the changes.")
        #expect(review.contains("Trust policy (- old, + new):") || review.contains("trust"))
        try await session.send("Enter")
        try await session.waitFor("Apply changes?")
        try await session.send("Enter")
        try await session.waitFor("Enter to continue")
        try await session.send("Enter")
        try await session.waitFor("Attached policies (1)")
        try await session.send("C-c")
        #expect(try await session.waitForExit() == 0)
        let (before, after) = session.sttyBeforeAndAfter
        #expect(before == after)

        let role = try await iam.getRole(name: name)
        let trust = role.assumeRolePolicyDocument.removingPercentEncoding ?? role.assumeRolePolicyDocument
        #expect(trust.contains("sagemaker.amazonaws.com") && !trust.contains("lookoutequipment"))
        #expect(try await iam.listAttachedRolePolicies(roleName: name).map(\.policyName) == ["AmazonS3FullAccess"])
    }
}
