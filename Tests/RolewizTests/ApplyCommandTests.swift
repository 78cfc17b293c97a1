import Foundation
import IAMClient
import Testing
import TestSupport

/// `rolewiz apply` against moto, through the built binary.
@Suite("rolewiz apply", .heavy)
struct ApplyCommandTests {
    @Test func seedPresetFromScratchThenASecondApplyWritesNothing() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("l4e")
        let first = try await rolewiz.run(["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes", "--debug"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.outputLines.contains("Role ARN: arn:aws:iam::123456789012:role/\(name)"))
        #expect(first.stdout.contains("done       CreateRole"))
        #expect(first.writeActions.sorted() == ["AttachRolePolicy", "AttachRolePolicy", "AttachRolePolicy", "CreateRole"])

        let iam = try rolewiz.iam()
        let role = try await iam.getRole(name: name)
        #expect(try Seed.services(in: role.assumeRolePolicyDocument) == Seed.services)
        let attached = try await iam.listAttachedRolePolicies(roleName: name)
        #expect(Set(attached.map(\.policyArn)) == Seed.policyArns)

        let second = try await rolewiz.run(["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes", "--debug"])
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.writeActions.isEmpty, "second apply wrote: \(second.writeActions)")
        // Reads only: the role, its policies and tags, and the account's quotas for lint.
        #expect(Set(second.calledActions) == ["GetRole", "ListAttachedRolePolicies", "ListRolePolicies", "ListRoleTags", "ListInstanceProfilesForRole", "GetAccountSummary"])
        #expect(second.stdout.contains("is up to date: nothing to do."))
        #expect(second.outputLines.contains("Role ARN: arn:aws:iam::123456789012:role/\(name)"))
    }

    @Test func repairsDriftInTheTrustPolicyAndAttachments() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("drift")
        let arguments = ["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes", "--debug"]
        #expect(try await rolewiz.run(arguments).exitCode == 0)

        let iam = try rolewiz.iam()
        let sageMakerOnly = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        try await iam.updateAssumeRolePolicy(roleName: name, policyDocument: sageMakerOnly)
        try await iam.detachRolePolicy(roleName: name, policyArn: "arn:aws:iam::aws:policy/IAMFullAccess")

        let plan = try await rolewiz.run(["plan", "--preset", "lookout-equipment", "--role-name", name, "--detailed-exitcode"])
        #expect(plan.exitCode == 2, "\(plan.stderr)")
        #expect(plan.stdout.contains("Role \(name) already exists (arn:aws:iam::123456789012:role/\(name)); it will be changed."), "\(plan.stdout)")
        #expect(plan.outputLines.contains("  + arn:aws:iam::aws:policy/IAMFullAccess"))
        #expect(plan.outputLines.contains { $0.hasPrefix("  - ") && $0.contains("\"sagemaker.amazonaws.com\"") })
        #expect(plan.outputLines.contains { $0.hasPrefix("  + ") && $0.contains("\"lookoutequipment.amazonaws.com\"") })

        let repair = try await rolewiz.run(arguments)
        #expect(repair.exitCode == 0, "\(repair.stderr)")
        #expect(repair.writeActions.sorted() == ["AttachRolePolicy", "UpdateAssumeRolePolicy"])
        #expect(try Seed.services(in: try await iam.getRole(name: name).assumeRolePolicyDocument) == Seed.services)
        #expect(Set(try await iam.listAttachedRolePolicies(roleName: name).map(\.policyArn)) == Seed.policyArns)
    }

    @Test func extraPoliciesAndTagsAreRemovedOnlyWithPrune() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("prune")
        let arguments = ["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes", "--debug"]
        #expect(try await rolewiz.run(arguments).exitCode == 0)
        let iam = try rolewiz.iam()
        let extra = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        try await iam.attachRolePolicy(roleName: name, policyArn: extra)
        try await iam.tagRole(name: name, tags: [Tag(key: "added-by-hand", value: "yes")])

        let without = try await rolewiz.run(arguments)
        #expect(without.exitCode == 0, "\(without.stderr)")
        #expect(without.writeActions.isEmpty)
        #expect(try await iam.listAttachedRolePolicies(roleName: name).map(\.policyArn).contains(extra))

        let plan = try await rolewiz.run(["plan", "--preset", "lookout-equipment", "--role-name", name, "--prune"])
        #expect(plan.outputLines.contains("  - \(extra)"))
        #expect(plan.outputLines.contains("  - added-by-hand (was \"yes\")"))

        let pruned = try await rolewiz.run(arguments + ["--prune"])
        #expect(pruned.exitCode == 0, "\(pruned.stderr)")
        #expect(pruned.writeActions.sorted() == ["DetachRolePolicy", "UntagRole"])
        #expect(Set(try await iam.listAttachedRolePolicies(roleName: name).map(\.policyArn)) == Seed.policyArns)
        #expect(try await iam.listRoleTags(name: name).isEmpty)
    }

    @Test func aMissingPolicyIsRefusedBeforeAnyWriteThenTheFixedSpecApplies() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("badarn")
        let missing = "arn:aws:iam::aws:policy/NoSuchPolicyForRolewiz"
        func spec(_ policies: [String]) -> String {
            """
            name: \(name)
            trust:
              services: [sagemaker.amazonaws.com]
            policies:
            \(policies.map { "  - \($0)" }.joined(separator: "\n"))
            """
        }
        let path = try rolewiz.write(spec(["AmazonS3FullAccess", missing]), to: "role.yaml")
        let failed = try await rolewiz.run(["apply", "--spec", path, "--yes", "--debug"])
        #expect(failed.exitCode == 2)
        #expect(failed.stderr.contains("this policy does not exist") && failed.stderr.contains(missing), "\(failed.stderr)")
        #expect(failed.stderr.contains("Nothing was changed"))
        #expect(failed.writeActions.isEmpty, "a role was half made: \(failed.writeActions)")

        _ = try rolewiz.write(spec(["AmazonS3FullAccess", "IAMFullAccess"]), to: "role.yaml")
        let rerun = try await rolewiz.run(["apply", "--spec", path, "--yes", "--debug"])
        #expect(rerun.exitCode == 0, "\(rerun.stderr)")
        #expect(rerun.writeActions.sorted() == ["AttachRolePolicy", "AttachRolePolicy", "CreateRole"])
        let attached = try await rolewiz.iam().listAttachedRolePolicies(roleName: name).map(\.policyArn)
        #expect(Set(attached) == ["arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/IAMFullAccess"])
    }

    @Test func descriptionWithLatin1LettersAndSymbolsRoundTrips() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("desc")
        let description = #"Rôle für Ärzte: ÇÀ&=+/~*"<>% ñ"#
        let arguments = ["apply", "--preset", "lookout-equipment", "--role-name", name, "--description", description, "--yes", "--debug"]
        let first = try await rolewiz.run(arguments)
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(try await rolewiz.iam().getRole(name: name).description == description)
        let second = try await rolewiz.run(arguments)
        #expect(second.writeActions.isEmpty)
    }

    @Test func tagsWithSpacesNonASCIIAndSymbolsRoundTrip() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("tags")
        let tags = [Tag(key: "cost center", value: "Zürich: a/b=c+d@e"), Tag(key: "Équipe", value: "Müller-Lüdenscheidt"), Tag(key: "k:/=+@", value: "")]
        let arguments = ["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes", "--debug"]
            + tags.flatMap { ["--tag", "\($0.key)=\($0.value)"] }
        let first = try await rolewiz.run(arguments)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let stored = try await rolewiz.iam().listRoleTags(name: name)
        #expect(Set(stored.map { "\($0.key)=\($0.value)" }) == Set(tags.map { "\($0.key)=\($0.value)" }))
        let second = try await rolewiz.run(arguments)
        #expect(second.writeActions.isEmpty)
    }

    @Test func invalidNamesAndTagsAreRejectedBeforeAnyCall() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let result = try await rolewiz.run([
            "apply", "--preset", "lookout-equipment", "--role-name", "bad name!", "--tag", "aws:owner=x",
            "--tag", "team=a#b", "--yes", "--debug",
        ])
        #expect(result.exitCode == 2)
        #expect(result.calledActions.isEmpty)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(errors.count >= 3, "\(result.stderr)")
        #expect(errors.contains { $0.hasPrefix("error: --role-name: name: ") })
        #expect(errors.contains { $0.hasPrefix("error: --tag aws:owner=x: tags[") && $0.contains("aws:") })
        #expect(errors.contains { $0.hasPrefix("error: --tag team=a#b: tags[") && $0.contains(".value") })
    }

    @Test func refusesWithoutYesWhenStandardInputIsNotATerminal() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("noyes")
        let result = try await rolewiz.run(["apply", "--preset", "lookout-equipment", "--role-name", name, "--debug"], stdin: Data("y\n".utf8))
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("refusing to change IAM without --yes"))
        #expect(result.writeActions.isEmpty)
        #expect(result.stdout.contains("will be created"))
        await #expect(throws: AWSError.self) { try await rolewiz.iam().getRole(name: name) }
    }

    @Test func jsonOutputIsTheResultingRoleAsShowPrintsIt() async throws {
        let rolewiz = try RolewizRunner(moto: try await MotoServer.sharedOrSkip())
        let name = MotoServer.uniqueName("applyjson")
        let applied = try await rolewiz.run(["apply", "--preset", "lookout-equipment", "--role-name", name, "--yes", "--output", "json"])
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let shown = try await rolewiz.run(["show", name, "--output", "json"])
        #expect(applied.stdout == shown.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(applied.stdout.utf8)) as? [String: Any])
        #expect(object["RoleName"] as? String == name)
        // The plan and progress went to standard error.
        #expect(applied.stderr.contains("will be created"))
    }
}
