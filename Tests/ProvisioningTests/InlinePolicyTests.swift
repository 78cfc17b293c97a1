import Foundation
import IAMClient
import Testing
import TestSupport
@testable import Provisioning

/// Inline policies written by hand, for the tests below.
enum InlineFixtures {
    static let s3Read = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}"#
    /// `s3Read` laid out otherwise: key order, whitespace, a list of one, the action's case.
    static let s3ReadRewritten = """
        {"Statement": {"Resource": ["arn:aws:s3:::data/*"], "Action": ["S3:GetObject"], "Effect": "Allow"},
         "Version": "2012-10-17"}
        """
    static let s3Write = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::data/*"}]}"#
    static let logs = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}"#

    static func role(_ policies: [RoleInlinePolicy]) -> DesiredRole {
        var role = SeedRole.role
        role.inlinePolicies = policies
        return role
    }

    /// A document of exactly `size` characters as IAM counts them.
    static func document(size: Int) -> String {
        let empty = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::"}]}"#
        let padding = size - PolicyDocument.iamSize(of: empty)
        return empty.replacingOccurrences(of: "arn:aws:s3:::", with: "arn:aws:s3:::" + String(repeating: "b", count: padding))
    }

    static let trust = TrustedEntity.awsServices(ServiceTrust(services: ["lambda.amazonaws.com"]))
}

@Suite("Inline policies in spec files", .timeLimit(.minutes(10)))
struct InlinePolicySpecTests {
    @Test(arguments: SpecFormat.allCases)
    func roundTripsThroughTheFileKeepingOrderAndMeaning(format: SpecFormat) throws {
        let spec = RoleSpec(name: "r", trust: InlineFixtures.trust, inlinePolicies: [
            RoleInlinePolicy(name: "S3Read", document: try PolicyDocument.parse(InlineFixtures.s3Read).text),
            RoleInlinePolicy(name: "a.b@c=d,e+f_g-h", document: try PolicyDocument.parse(InlineFixtures.logs).text),
        ])
        let text = RoleSpecFile.encode(spec, format: format)
        let loaded = try RoleSpecFile.decode(text)
        #expect(loaded.spec == spec, "\(text)")
        #expect(loaded.spec.validate().isEmpty)
    }

    @Test func readsMappingsAndJSONTextAndWritesMappings() throws {
        let loaded = try RoleSpecFile.decode("""
            name: r
            trust: {services: lambda.amazonaws.com}
            inlinePolicies:
              S3Read:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: "arn:aws:s3:::data/*"
              Logs: '\(InlineFixtures.logs)'
            """)
        #expect(loaded.spec.inlinePolicies.map(\.name) == ["S3Read", "Logs"])
        #expect(loaded.spec.inlinePolicies[1].document == InlineFixtures.logs, "JSON text is sent as written")
        #expect(PolicyDocument.trustEquivalent(loaded.spec.inlinePolicies[0].document, InlineFixtures.s3Read))
        let yaml = RoleSpecFile.encode(loaded.spec, format: .yaml)
        #expect(yaml.contains("inlinePolicies:\n  S3Read:\n    Version: '2012-10-17'\n"), "\(yaml)")
        #expect(yaml.contains("  Logs:\n    Version: '2012-10-17'\n"), "a policy that parses is written as a mapping: \(yaml)")
    }

    @Test func aDocumentThatIsNotAPolicyIsReportedAtItsLineAndColumn() throws {
        let text = """
            name: r
            trust: {services: lambda.amazonaws.com}
            inlinePolicies:
              S3Read:
                Version: "2012-10-17"
                Statement:
                  - Effect: Alow
                    Action: s3:GetObject
            """
        #expect(throws: SpecFileError(
            field: "inlinePolicies.S3Read.Statement[0].Effect", message: #"must be "Allow" or "Deny", found "Alow""#,
            position: SourcePosition(line: 7, column: 9))) { try RoleSpecFile.decode(text) }
        let json = """
            {"name": "r", "trust": {"services": "lambda.amazonaws.com"},
             "inlinePolicies": {"P": {"Statement": "no"}}}
            """
        let error = try #require(throws: SpecFileError.self) { try RoleSpecFile.decode(json) }
        #expect(error.field == "inlinePolicies.P.Statement")
        #expect(error.position?.line == 2)
        #expect(throws: SpecFileError.self) { try RoleSpecFile.decode("name: r\ntrust: {services: x}\ninlinePolicies: [a]\n") }
        #expect(throws: SpecFileError.self) { try RoleSpecFile.decode("name: r\ntrust: {services: x}\ninlinePolicies: {P: 5}\n") }
    }

    @Test func aJSONTextDocumentIsCheckedAndItsErrorPointsAtThePolicy() throws {
        let loaded = try RoleSpecFile.decode("""
            name: r
            trust: {services: lambda.amazonaws.com}
            inlinePolicies:
              Good: '\(InlineFixtures.logs)'
              Broken: '{"Version": "2012-10-17", "Statement": [}'
              WithPrincipal: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}'
            """)
        let errors = loaded.validationErrors()
        #expect(errors.map(\.field) == ["inlinePolicies.Broken", "inlinePolicies.WithPrincipal"])
        #expect(errors.map(\.position) == [SourcePosition(line: 5, column: 3), SourcePosition(line: 6, column: 3)])
        #expect(errors[0].message.hasPrefix("the policy: 1:41: "), "\(errors[0].message)")
        #expect(errors[1].message.contains("cannot name a principal"))
    }

    @Test(arguments: [
        ("", "is empty"), (String(repeating: "p", count: 129), "at most 128"), ("has space", "a space"), ("a/b", "\"/\""),
        ("naïve", "ï"),
    ])
    func namesFollowIAMsPattern(name: String, complaint: String) {
        let spec = RoleSpec(name: "r", trust: InlineFixtures.trust, inlinePolicies: [RoleInlinePolicy(name: name, document: InlineFixtures.logs)])
        let issues = spec.validate()
        #expect(issues.contains { $0.field == "inlinePolicies.\(name)" && $0.message.contains(complaint) }, "\(issues)")
    }

    @Test func longestNameAndEveryAllowedCharacterPass() {
        let names = [String(repeating: "p", count: 128), "Az09+=,.@_-"]
        let spec = RoleSpec(name: "r", trust: InlineFixtures.trust, inlinePolicies: names.map { RoleInlinePolicy(name: $0, document: InlineFixtures.logs) })
        #expect(spec.validate().isEmpty)
    }

    @Test func aNameGivenTwiceIsAnIssueAndAFileKeyTwiceAnError() throws {
        let twice = RoleSpec(name: "r", trust: InlineFixtures.trust, inlinePolicies: [
            RoleInlinePolicy(name: "P", document: InlineFixtures.logs), RoleInlinePolicy(name: "P", document: InlineFixtures.s3Read),
        ])
        #expect(twice.validate().map(\.field) == ["inlinePolicies.P"])
        let json = #"{"name": "r", "trust": {"services": "x"}, "inlinePolicies": {"P": "{}", "P": "{}"}}"#
        #expect(throws: SpecFileError.self) { try RoleSpecFile.decode(json) }
    }

    @Test func theSizeQuotaCountsEveryDocumentWithoutWhitespace() throws {
        let half = InlineFixtures.document(size: 5120)
        #expect(PolicyDocument.iamSize(of: half) == 5120)
        var spec = RoleSpec(name: "r", trust: InlineFixtures.trust, inlinePolicies: [
            RoleInlinePolicy(name: "A", document: half),
            // Whitespace outside strings does not count.
            RoleInlinePolicy(name: "B", document: try PolicyDocument.parse(half).text),
        ])
        #expect(spec.inlinePolicySizeUsage() == PolicySizeUsage(used: 10_240, limit: 10_240))
        #expect(!spec.inlinePolicySizeUsage().isOverLimit)
        #expect(spec.validate().isEmpty)

        spec.inlinePolicies[1].document = InlineFixtures.document(size: 5121)
        #expect(spec.inlinePolicySizeUsage() == PolicySizeUsage(used: 10_241, limit: 10_240))
        #expect(spec.validate() == [ValidationIssue(
            field: "inlinePolicies",
            message: "the inline policies are 10241 characters without whitespace; IAM allows at most 10240 in all for one role")])
    }

    @Test func theQuotaErrorPointsAtTheFieldInTheFileAndInLint() throws {
        let text = """
            name: r
            trust: {services: lambda.amazonaws.com}
            inlinePolicies:
              A: '\(InlineFixtures.document(size: 6000))'
              B: '\(InlineFixtures.document(size: 4241))'
            """
        let loaded = try RoleSpecFile.decode(text)
        #expect(loaded.validationErrors().map(\.position) == [SourcePosition(line: 3, column: 1)])
        let findings = TrustPolicyLinter().lint(specText: text, path: "r.yaml")
        #expect(findings.count == 1)
        #expect(findings.first?.code == .specInvalid)
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.position == SourcePosition(line: 3, column: 1))
        #expect(findings.first?.message.contains("10241 characters") == true)
    }

    @Test func lintReportsADocumentsSyntaxErrorAtItsPosition() {
        let findings = TrustPolicyLinter().lint(specText: """
            name: r
            trust: {services: lambda.amazonaws.com}
            inlinePolicies:
              P:
                Version: "2012-10-17"
                Statement: {Effect: Allow, Action: "s3:*", Resource: "*", NotAction: "s3:Get*"}
            """, path: "r.yaml")
        #expect(findings.map(\.code) == [.specInvalid])
        #expect(findings.first?.position?.line == 6)
        #expect(findings.first?.message.hasPrefix("inlinePolicies.P.Statement[0].NotAction: ") == true, "\(findings)")
    }

    @Test func anExistingRolesSpecKeepsItsInlinePolicies() throws {
        let role = ExistingRole(
            roleName: "r", roleId: "AROAEXAMPLE", arn: "arn:aws:iam::111122223333:role/r", path: "/",
            assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
        let inline = [RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Read)]
        let details = RoleDetails(role: role, attachedPolicies: [], inlinePolicies: inline, tags: [RoleTag(key: "k", value: "v")])
        let spec = RoleSpec(existing: details, accountId: "111122223333")
        #expect(spec.inlinePolicies == inline)
        #expect(spec.tags == [RoleTag(key: "k", value: "v")])
        // Exported as a spec file and read back, the policy means the same.
        let loaded = try RoleSpecFile.decode(RoleSpecFile.encode(spec, format: .yaml))
        #expect(loaded.spec.inlinePolicies.map(\.name) == ["S3Read"])
        #expect(PolicyDocument.trustEquivalent(loaded.spec.inlinePolicies[0].document, InlineFixtures.s3Read))
        // And planned against the role it came from, nothing changes.
        let desired = try loaded.spec.resolve(accountId: "111122223333")
        #expect(Planner.changes(from: details, to: desired, prune: true).isEmpty)
    }

    /// Random documents (statements, lists, conditions, strings full of
    /// quotes, escapes and Latin-1) as JSON text: encoded as a spec file and
    /// read back, each means the same, and a second trip changes nothing.
    @Test(arguments: SpecFormat.allCases)
    func generatedDocumentsRoundTrip(format: SpecFormat) throws {
        var random = SeededRandom(seed: 0x1A11_2026 ^ UInt64(format == .yaml ? 1 : 2))
        for index in 0..<150 {
            let policies = (0..<Int.random(in: 1...3, using: &random)).map { number in
                RoleInlinePolicy(name: "P\(index)-\(number)", document: GeneratedPolicies.document(using: &random))
            }
            let spec = RoleSpec(name: "r\(index)", trust: InlineFixtures.trust, inlinePolicies: policies)
            try #require(spec.validate().isEmpty, "\(policies)")
            let text = RoleSpecFile.encode(spec, format: format)
            let loaded = try RoleSpecFile.decode(text).spec
            #expect(loaded.inlinePolicies.map(\.name) == policies.map(\.name))
            for (read, written) in zip(loaded.inlinePolicies, policies) {
                #expect(PolicyDocument.trustEquivalent(read.document, written.document), "case \(index): \(written.document)\n\(text)")
                #expect(try PolicyDocument.readingTree(read.document) == (try PolicyDocument.readingTree(written.document)), "case \(index)")
            }
            #expect(RoleSpecFile.encode(loaded, format: format) == text, "case \(index): not stable")
        }
    }
}

/// Identity policy documents of every shape the grammar allows, written
/// with varied layout and escapes.
enum GeneratedPolicies {
    static let strings = [
        "'", "\"", "\\", "$(id)", "`id`", "${aws:username}", "a\nb", "\t", "é", "ÿ", "±", "yes", "null", "1e3", "#x", ": x", "- x",
        "--profile=prod", "file://~/.aws/credentials", "JSON", "", "*", "\r\n", "%{if}",
    ]

    static func document(using random: inout SeededRandom) -> String {
        func pick() -> PolicyTree { .string(strings.randomElement(using: &random)!) }
        func list(_ values: [String]) -> PolicyTree {
            values.count == 1 && Bool.random(using: &random) ? .string(values[0]) : .array(values.map(PolicyTree.string))
        }
        var statements: [PolicyTree] = []
        for index in 0..<Int.random(in: 1...3, using: &random) {
            var statement: [(String, PolicyTree)] = [("Effect", .string(Bool.random(using: &random) ? "Allow" : "Deny"))]
            if Bool.random(using: &random) { statement.append(("Sid", .string("S\(index)"))) }
            let actions = ["s3:GetObject", "s3:List*", "logs:PutLogEvents", "dynamodb:Query"].shuffled(using: &random)
            statement.append((Bool.random(using: &random) ? "Action" : "NotAction", list(Array(actions.prefix(Int.random(in: 1...3, using: &random))))))
            let resources = (0..<Int.random(in: 1...3, using: &random)).map { _ in "arn:aws:s3:::bucket/" + strings.randomElement(using: &random)! }
            statement.append(("Resource", list(resources)))
            if Bool.random(using: &random) {
                statement.append(("Condition", .object([
                    ("StringLike", .object([("aws:PrincipalTag/team", .array([pick(), pick()])), ("s3:prefix", pick())])),
                    ("Bool", .object([("aws:SecureTransport", .bool(Bool.random(using: &random)))])),
                ])))
            }
            statement.shuffle(using: &random)
            statements.append(.object(statement))
        }
        let body: PolicyTree = statements.count == 1 && Bool.random(using: &random) ? statements[0] : .array(statements)
        var document: [(String, PolicyTree)] = [("Version", .string("2012-10-17")), ("Statement", body)]
        if Bool.random(using: &random) { document.reverse() }
        var writer = PolicyWriter(random: random)
        let text = writer.write(.object(document))
        random = writer.random
        return text
    }
}

@Suite("Planning inline policies", .timeLimit(.minutes(10)))
struct InlinePolicyPlanTests {
    private func fake(with policies: [RoleInlinePolicy]) async -> FakeIAM {
        let iam = FakeIAM()
        _ = await Applier(iam: iam).apply(Planner.offlinePlan(for: InlineFixtures.role(policies)))
        await iam.resetCalls()
        return iam
    }

    @Test func aNewRoleGetsAPutForEachAfterItsAttachments() {
        let role = InlineFixtures.role([RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Read), RoleInlinePolicy(name: "Logs", document: InlineFixtures.logs)])
        let plan = Planner.offlinePlan(for: role)
        #expect(plan.changes == [.createRole(NewRole(role))] + SeedRole.policyArns.map { .attachPolicy(arn: $0) } + [
            .putInlinePolicy(name: "S3Read", from: nil, to: InlineFixtures.s3Read),
            .putInlinePolicy(name: "Logs", from: nil, to: InlineFixtures.logs),
        ])
        #expect(plan.changes.suffix(2).map(\.marker) == ["+", "+"])
    }

    @Test func aDocumentThatMeansTheSameIsNoChangeEvenWithPrune() async throws {
        let iam = await fake(with: [RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Read)])
        let plan = try await Planner(iam: iam).plan(for: InlineFixtures.role([RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3ReadRewritten)]), prune: true)
        #expect(plan.isEmpty, "\(plan.summary)")
    }

    @Test func aDifferentDocumentIsReplacedAndAMissingOneAdded() async throws {
        let iam = await fake(with: [RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Read)])
        let plan = try await Planner(iam: iam).plan(for: InlineFixtures.role([
            RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Write), RoleInlinePolicy(name: "Logs", document: InlineFixtures.logs),
        ]))
        #expect(plan.changes == [
            .putInlinePolicy(name: "S3Read", from: InlineFixtures.s3Read, to: InlineFixtures.s3Write),
            .putInlinePolicy(name: "Logs", from: nil, to: InlineFixtures.logs),
        ])
        #expect(plan.changes.map(\.summary) == [#"~ update inline policy "S3Read""#, #"+ add inline policy "Logs""#])
    }

    @Test func extrasStayWithoutPruneAndAreDeletedWithIt() async throws {
        let iam = await fake(with: [RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Read), RoleInlinePolicy(name: "Extra", document: InlineFixtures.logs)])
        let desired = InlineFixtures.role([RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Read)])
        #expect(try await Planner(iam: iam).plan(for: desired).isEmpty)
        let pruned = try await Planner(iam: iam).plan(for: desired, prune: true)
        #expect(pruned.changes == [.deleteInlinePolicy(name: "Extra", document: InlineFixtures.logs)])
        #expect(pruned.changes[0].summary == #"- delete inline policy "Extra""#)
    }

    @Test func aSpecWithoutInlinePoliciesLeavesThemAloneUnlessPruning() async throws {
        let iam = await fake(with: [RoleInlinePolicy(name: "Extra", document: InlineFixtures.logs)])
        #expect(try await Planner(iam: iam).plan(for: SeedRole.role).isEmpty)
        #expect(try await Planner(iam: iam).plan(for: SeedRole.role, prune: true).changes.count == 1)
    }

    @Test func aHostileNameFromIAMStaysOneInertLineInThePlan() {
        let change = Change.deleteInlinePolicy(name: "x\n\u{1B}[2J\"$(id)\"", document: "{}")
        #expect(change.summary == #"- delete inline policy "x\n\u001b[2J\"$(id)\"""#)
        #expect(!change.summary.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test(arguments: [
        Change.putInlinePolicy(name: "S3Read", from: nil, to: InlineFixtures.s3Read),
        Change.putInlinePolicy(name: "S3Read", from: InlineFixtures.s3Read, to: InlineFixtures.s3Write),
        Change.deleteInlinePolicy(name: "Extra", document: InlineFixtures.logs),
    ])
    func changesRoundTripThroughPlanJSON(change: Change) throws {
        let data = try JSONEncoder().encode(change)
        #expect(try JSONDecoder().decode(Change.self, from: data) == change)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["policyName"] as? String != nil)
        #expect(object["summary"] as? String == change.summary)
        #expect(object["supported"] as? Bool == true)
    }
}

@Suite("Applying inline policies", .timeLimit(.minutes(10)))
struct InlinePolicyApplyTests {
    private let policies = [RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Read), RoleInlinePolicy(name: "Logs", document: InlineFixtures.logs)]

    private func converge(
        _ iam: FakeIAM, _ desired: DesiredRole, prune: Bool = false, maxConcurrentCalls: Int = 4,
        cancellation: ApplyCancellation = ApplyCancellation(), recorder: ApplyEventRecorder = ApplyEventRecorder()
    ) async throws -> (Plan, ApplyResult) {
        let plan = try await Planner(iam: iam).plan(for: desired, prune: prune)
        return (plan, await Applier(iam: iam, maxConcurrentCalls: maxConcurrentCalls).apply(plan, cancellation: cancellation, onEvent: recorder.record))
    }

    @Test func aNewRoleIsCreatedThenEachPolicyPutAndASecondPlanIsEmpty() async throws {
        let iam = FakeIAM()
        let desired = InlineFixtures.role(policies)
        let recorder = ApplyEventRecorder()
        let (_, result) = try await converge(iam, desired, recorder: recorder)
        #expect(result.status == .succeeded, "\(result.summary)")
        #expect(result.completed.suffix(2) == policies.map { ApplyStep.putInlinePolicy($0) })
        #expect(await iam.writeCalls.filter { $0.action == "PutRolePolicy" }.count == 2)
        #expect(await iam.storedRole("l4e-role")?.inline.rolePolicies == policies)
        for policy in policies {
            #expect(recorder.events.contains(.started(.putInlinePolicy(policy))))
            #expect(recorder.events.contains(.succeeded(.putInlinePolicy(policy))))
        }
        #expect(ApplyStep.putInlinePolicy(policies[0]).action == "PutRolePolicy")
        #expect(ApplyStep.putInlinePolicy(policies[0]).description == "put inline policy S3Read")

        await iam.resetCalls()
        let (plan, rerun) = try await converge(iam, desired, prune: true)
        #expect(plan.isEmpty)
        #expect(rerun.status == .succeeded)
        #expect(await iam.writeCalls.isEmpty)
    }

    @Test func anUpdateAndAPruneAreOneCallEachRemovalsFirst() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam, InlineFixtures.role(policies))
        await iam.resetCalls()
        let desired = InlineFixtures.role([RoleInlinePolicy(name: "S3Read", document: InlineFixtures.s3Write)])
        let (plan, result) = try await converge(iam, desired, prune: true, maxConcurrentCalls: 1)
        #expect(Applier.steps(for: plan) == [.deleteInlinePolicy(name: "Logs"), .putInlinePolicy(desired.inlinePolicies[0])])
        #expect(result.status == .succeeded)
        #expect(await iam.writeCalls == [FakeIAM.Call(action: "DeleteRolePolicy", target: "l4e-role"), FakeIAM.Call(action: "PutRolePolicy", target: "l4e-role")])
        #expect(await iam.storedRole("l4e-role")?.inline.rolePolicies == desired.inlinePolicies)
    }

    @Test func aFailedPutIsReportedWithWhatWasNotDoneAndARerunFinishes() async throws {
        let iam = FakeIAM()
        await iam.inject(.error(AWSError(code: "MalformedPolicyDocument", message: "bad \"doc\"\n$(id)", httpStatus: 400, requestId: "req-9")), on: "PutRolePolicy")
        let (_, result) = try await converge(iam, InlineFixtures.role(policies), maxConcurrentCalls: 1)
        #expect(result.status == .failed)
        let failure = try #require(result.failures.first)
        #expect(failure.step == .putInlinePolicy(policies[0]))
        #expect(failure.code == "MalformedPolicyDocument")
        #expect(result.notStarted == [.putInlinePolicy(policies[1])])
        #expect(result.summary.contains("failed: put inline policy S3Read (PutRolePolicy) failed: MalformedPolicyDocument"))
        #expect(result.summary.contains("not done: put inline policy Logs"))
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        #expect((object["failures"] as? [[String: String]])?.first?["action"] == "PutRolePolicy")
        #expect((object["notStarted"] as? [[String: String]]) == [["action": "PutRolePolicy", "step": "put inline policy Logs"]])

        let (plan, rerun) = try await converge(iam, InlineFixtures.role(policies))
        #expect(plan.changes == policies.map { .putInlinePolicy(name: $0.name, from: nil, to: $0.document) })
        #expect(rerun.status == .succeeded)
    }

    @Test func aStoppedApplyListsThePutsItDidNotStart() async throws {
        let iam = FakeIAM()
        let cancellation = ApplyCancellation()
        cancellation.cancel()
        let (_, result) = try await converge(iam, InlineFixtures.role(policies), cancellation: cancellation)
        #expect(result.status == .cancelled)
        #expect(result.notStarted.suffix(2) == policies.map { ApplyStep.putInlinePolicy($0) })
        #expect(result.summary.contains("not done: put inline policy Logs"))
    }

    @Test func aThrottledPutIsRetriedAndReportedAsItsStep() async throws {
        let iam = FakeIAM(observer: { Applier.noteAttempt(action: $0, attempt: $1, reason: $2) })
        await iam.inject(.throttled(times: 1), on: "PutRolePolicy")
        let recorder = ApplyEventRecorder()
        let (_, result) = try await converge(iam, InlineFixtures.role([policies[0]]), recorder: recorder)
        #expect(result.status == .succeeded)
        #expect(recorder.events.contains(.retried(.putInlinePolicy(policies[0]), attempt: 2, reason: "Throttling")))
    }

    @Test func aRoleFoundAlreadyThereStillGetsItsPolicies() async throws {
        let iam = FakeIAM()
        let desired = InlineFixtures.role(policies)
        await iam.inject(.lostReply(then: AWSError(code: "EntityAlreadyExists", message: "exists", httpStatus: 409)), on: "CreateRole")
        let (_, result) = try await converge(iam, desired)
        #expect(result.status == .succeeded, "\(result.summary)")
        #expect(await iam.storedRole("l4e-role")?.inline.rolePolicies == policies)
    }
}
