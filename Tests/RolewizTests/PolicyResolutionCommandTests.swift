import Foundation
import IAMClient
import Testing
import TestSupport

/// Policies resolve before any write: the console's name works, and one
/// that cannot be attached stops plan and apply with its place.
@Suite("rolewiz resolves policies before planning", .heavy)
struct PolicyResolutionCommandTests {
    static func spec(_ name: String, policies: [String]) -> String {
        "name: \(name)\ntrust: {services: [lambda.amazonaws.com]}\npolicies:\n" + policies.map { "  - \($0)\n" }.joined()
    }

    @Test func theConsoleNameOfAServiceRolePolicyIsAttached() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("fn")
        let path = try rolewiz.write(Self.spec(name, policies: ["AWSLambdaBasicExecutionRole"]), to: "fn.yaml")
        let lint = try await rolewiz.run(["lint", path], endpoint: false, credentials: false)
        #expect(!lint.stdout.contains(" error "), "\(lint.stdout)")
        let apply = try await rolewiz.run(["apply", "--spec", path, "--yes"])
        #expect(apply.exitCode == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
        let attached = try await rolewiz.iam().listAttachedRolePolicies(roleName: name)
        #expect(attached.map(\.policyArn) == ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])
    }

    @Test(arguments: ["lint", "plan", "apply"])
    func anUnknownNameIsAnErrorAtItsLine(_ command: String) async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("nope")
        let path = try rolewiz.write(Self.spec(name, policies: ["AmazonS3ReadOnlyAccess", "NoSuchPolicyXYZ"]), to: "nope.yaml")
        let arguments = command == "lint" ? ["lint", path] : [command, "--spec", path] + (command == "apply" ? ["--yes"] : [])
        let result = try await rolewiz.run(arguments, endpoint: command != "lint", credentials: command != "lint")
        #expect(result.exitCode == (command == "lint" ? 1 : 2), "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("\(path):5:5"), "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains(#"no AWS managed policy named "NoSuchPolicyXYZ""#))
        if command == "apply" {
            await #expect(throws: AWSError.self) { _ = try await rolewiz.iam().getRole(name: name) }
        }
    }

    /// A customer managed policy that does not exist is found online,
    /// before the role is created.
    @Test func applyRefusesAMissingCustomerPolicyBeforeTheFirstWrite() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("gone")
        let missing = "arn:aws:iam::123456789012:policy/RolewizNeverCreated"
        let path = try rolewiz.write(Self.spec(name, policies: ["AmazonS3ReadOnlyAccess", missing]), to: "gone.yaml")
        let result = try await rolewiz.run(["apply", "--spec", path, "--yes", "--debug"])
        #expect(result.exitCode == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("does not exist") && result.stderr.contains(missing), "\(result.stderr)")
        #expect(result.writeActions.isEmpty, "wrote: \(result.writeActions)")
    }
}
