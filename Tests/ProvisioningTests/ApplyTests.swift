import Foundation
import IAMClient
import Testing
@testable import Provisioning

@Suite("Applier", .timeLimit(.minutes(10)))
struct ApplyTests {
    private let arn = "arn:aws:iam::123456789012:role/l4e-role"

    /// Plans against `iam` and applies, as `rolewiz apply` does.
    private func converge(
        _ iam: FakeIAM, _ desired: DesiredRole = SeedRole.fullRole, prune: Bool = false,
        maxConcurrentCalls: Int = 4, cancellation: ApplyCancellation = ApplyCancellation(),
        recorder: ApplyEventRecorder = ApplyEventRecorder()
    ) async throws -> (Plan, ApplyResult) {
        let plan = try await Planner(iam: iam).plan(for: desired, prune: prune)
        let result = await Applier(iam: iam, maxConcurrentCalls: maxConcurrentCalls)
            .apply(plan, cancellation: cancellation, onEvent: recorder.record)
        return (plan, result)
    }

    private func expectConverged(_ iam: FakeIAM, _ desired: DesiredRole = SeedRole.fullRole, prune: Bool = false) async throws {
        let plan = try await Planner(iam: iam).plan(for: desired, prune: prune)
        #expect(plan.isEmpty, "left to do: \(plan.summary)")
    }

    private func attachSteps(_ arns: [String] = SeedRole.policyArns) -> [ApplyStep] {
        arns.map { .attachPolicy(arn: $0) }
    }

    // MARK: Creating and re-applying

    @Test func newRoleIsCreatedCompleteInOneCallThenAttached() async throws {
        let iam = FakeIAM()
        let (_, result) = try await converge(iam)
        #expect(result.status == .succeeded)
        #expect(result.roleArn == arn)
        let writes = await iam.writeCalls
        #expect(writes.first == FakeIAM.Call(action: "CreateRole", target: "l4e-role"))
        #expect(writes.dropFirst().map(\.action) == Array(repeating: "AttachRolePolicy", count: 3))
        let stored = try #require(await iam.storedRole("l4e-role"))
        #expect(stored.role.assumeRolePolicyDocument == SeedRole.trustPolicy)
        #expect(stored.role.description == "Lookout for Equipment access")
        #expect(stored.role.maxSessionDuration == 7200)
        #expect(stored.role.tags.roleTags == SeedRole.fullRole.tags)
        #expect(Set(stored.attached) == Set(SeedRole.policyArns))
    }

    @Test func secondApplyMakesNoWriteCall() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam)
        await iam.resetCalls()
        let recorder = ApplyEventRecorder()
        let (plan, result) = try await converge(iam, recorder: recorder)
        #expect(plan.isEmpty)
        #expect(result.status == .succeeded)
        #expect(await iam.writeCalls.isEmpty)
        #expect(await iam.calls.count == 5, "only the five reads of planning")
        #expect(recorder.events == [.finished(roleArn: arn)])
    }

    @Test func attachmentsRunConcurrentlyButBounded() async throws {
        let iam = FakeIAM(holdAttachmentsUntilInFlight: 4)
        var desired = SeedRole.role
        desired.policyArns = FakeIAM.awsManagedPolicies.sorted()
        let (_, result) = try await converge(iam, desired)
        #expect(result.status == .succeeded)
        #expect(await iam.mostAttachmentsInFlight == 4)
    }

    // MARK: Drift and prune

    @Test func driftIsRepairedWithOnlyTheNeededCalls() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam)
        await iam.tamper(with: "l4e-role") { stored in
            stored.role.assumeRolePolicyDocument = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
            stored.attached.removeAll { $0.hasSuffix("/IAMFullAccess") }
        }
        await iam.resetCalls()
        let (plan, result) = try await converge(iam)
        #expect(plan.changes.count == 2)
        #expect(result.status == .succeeded)
        #expect(await iam.writeCalls.map(\.description) == [
            "UpdateAssumeRolePolicy l4e-role",
            "AttachRolePolicy l4e-role arn:aws:iam::aws:policy/IAMFullAccess",
        ])
        try await expectConverged(iam)
    }

    @Test func extrasStayWithoutPruneAndGoWithIt() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam)
        await iam.tamper(with: "l4e-role") { stored in
            stored.attached.append("arn:aws:iam::aws:policy/ReadOnlyAccess")
            stored.role.tags.append(Tag(key: "owner", value: "someone"))
        }
        await iam.resetCalls()
        let (plan, _) = try await converge(iam)
        #expect(plan.isEmpty)
        #expect(await iam.writeCalls.isEmpty)

        let (_, pruned) = try await converge(iam, prune: true)
        #expect(pruned.status == .succeeded)
        #expect(await iam.writeCalls.map(\.description) == [
            "UntagRole l4e-role",
            "DetachRolePolicy l4e-role arn:aws:iam::aws:policy/ReadOnlyAccess",
        ])
        let stored = try #require(await iam.storedRole("l4e-role"))
        #expect(!stored.attached.contains("arn:aws:iam::aws:policy/ReadOnlyAccess"))
        #expect(stored.role.tags.roleTags == SeedRole.fullRole.tags)
        try await expectConverged(iam, prune: true)
    }

    @Test func existingRoleChangesUseOneCallEach() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam)
        var desired = SeedRole.fullRole
        desired.trustPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        desired.description = "changed"
        desired.maxSessionDuration = 3600
        desired.tags = [RoleTag(key: "team", value: "ml"), RoleTag(key: "cost", value: "7")]
        let plan = try await Planner(iam: iam).plan(for: desired, prune: true)
        #expect(Applier.steps(for: plan) == [
            .updateTrustPolicy(desired.trustPolicy),
            .updateRole(description: "changed", maxSessionDuration: 3600),
            .tagRole([RoleTag(key: "team", value: "ml"), RoleTag(key: "cost", value: "7")]),
            .untagRole(keys: ["env"]),
        ])
        await iam.resetCalls()
        let result = await Applier(iam: iam).apply(plan)
        #expect(result.status == .succeeded)
        #expect(await iam.writeCalls.map(\.action) == ["UpdateAssumeRolePolicy", "UpdateRole", "TagRole", "UntagRole"])
        try await expectConverged(iam, desired, prune: true)
    }

    // MARK: Failures and re-runs

    @Test func partialFailureReportsWhatWasDoneAndARerunFinishes() async throws {
        let iam = FakeIAM()
        await iam.inject(.error(AWSError(code: "ServiceFailure", message: "try later", httpStatus: 500)), on: "AttachRolePolicy", call: 2)
        let (_, result) = try await converge(iam, maxConcurrentCalls: 1)
        #expect(result.status == .failed)
        #expect(result.completed == [.createRole(NewRole(SeedRole.fullRole)), attachSteps()[0]])
        let failure = try #require(result.failures.first)
        #expect(failure.step == attachSteps()[1])
        #expect(failure.code == "ServiceFailure")
        #expect(failure.awsError?.action == "AttachRolePolicy")
        #expect(failure.description == "attach arn:aws:iam::aws:policy/IAMFullAccess (AttachRolePolicy) failed: ServiceFailure: try later")
        #expect(result.notStarted == [attachSteps()[2]])
        #expect(result.summary.contains("not done: attach arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess"))

        await iam.resetCalls()
        let (plan, rerun) = try await converge(iam)
        #expect(plan.changes == [.attachPolicy(arn: SeedRole.policyArns[1]), .attachPolicy(arn: SeedRole.policyArns[2])])
        #expect(rerun.status == .succeeded)
        try await expectConverged(iam)
    }

    @Test func resultEncodesAsJSONForScripts() async throws {
        let iam = FakeIAM()
        await iam.inject(.error(AWSError(code: "ServiceFailure", message: "try later", httpStatus: 500, requestId: "req-1")), on: "AttachRolePolicy", call: 2)
        let (_, result) = try await converge(iam, maxConcurrentCalls: 1)
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        #expect(object["status"] as? String == "failed")
        #expect(object["roleArn"] as? String == arn)
        #expect((object["completed"] as? [[String: String]])?.first == ["action": "CreateRole", "step": "create role l4e-role"])
        #expect(object["failures"] as? [[String: String]] == [[
            "action": "AttachRolePolicy", "step": "attach arn:aws:iam::aws:policy/IAMFullAccess",
            "code": "ServiceFailure", "message": "try later", "requestId": "req-1",
        ]])
        #expect((object["notStarted"] as? [[String: String]])?.count == 1)
    }

    @Test func failedStepStopsLaterSteps() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam)
        await iam.inject(.error(AWSError(code: "MalformedPolicyDocument", message: "bad", httpStatus: 400)), on: "UpdateAssumeRolePolicy")
        var desired = SeedRole.fullRole
        desired.trustPolicy = #"{"Version":"2012-10-17","Statement":[]}"#
        desired.description = "later"
        let recorder = ApplyEventRecorder()
        let (_, result) = try await converge(iam, desired, recorder: recorder)
        #expect(result.status == .failed)
        #expect(result.completed.isEmpty)
        #expect(result.notStarted == [.updateRole(description: "later", maxSessionDuration: nil)])
        guard case .failed(let step, let failure)? = recorder.events.last else {
            Issue.record("last event \(String(describing: recorder.events.last))")
            return
        }
        #expect(step == .updateTrustPolicy(desired.trustPolicy))
        #expect(failure.code == "MalformedPolicyDocument")
    }

    @Test func badPolicyArnFailsItsStepOnlyAndFixingTheSpecConverges() async throws {
        let iam = FakeIAM()
        var desired = SeedRole.fullRole
        desired.policyArns.insert("arn:aws:iam::aws:policy/NoSuchPolicy", at: 1)
        // The plan knows before any write that the policy is not there ...
        await #expect(throws: UnattachablePoliciesError(arns: ["arn:aws:iam::aws:policy/NoSuchPolicy"])) {
            try await Planner(iam: iam).plan(for: desired)
        }
        #expect(await iam.storedRole(desired.roleName) == nil)
        // ... and a policy deleted between plan and apply fails only its own step.
        let plan = Planner.plan(for: desired, current: nil, prune: false)
        let result = await Applier(iam: iam).apply(plan)
        #expect(result.status == .failed)
        #expect(result.failures.map(\.code) == ["NoSuchEntity"])
        #expect(result.failures.first?.step == .attachPolicy(arn: "arn:aws:iam::aws:policy/NoSuchPolicy"))
        // Attachments already running finish; none is started after the failure.
        #expect(result.completed.count + result.notStarted.count == 4)

        desired.policyArns.remove(at: 1)
        let (_, rerun) = try await converge(iam, desired)
        #expect(rerun.status == .succeeded)
        try await expectConverged(iam, desired)
    }

    @Test func createRoleWhoseReplyWasLostIsReadBackNotAConflict() async throws {
        let recorder = ApplyEventRecorder()
        let iam = FakeIAM(observer: { Applier.noteAttempt(action: $0, attempt: $1, reason: $2) })
        await iam.inject(.lostReplyRetried, on: "CreateRole")
        let plan = try await Planner(iam: iam).plan(for: SeedRole.fullRole)
        let result = await Applier(iam: iam).apply(plan, onEvent: recorder.record)
        #expect(result.status == .succeeded)
        #expect(result.roleArn == arn)
        let create = ApplyStep.createRole(NewRole(SeedRole.fullRole))
        #expect(Array(recorder.events.prefix(3)) == [
            .started(create), .retried(create, attempt: 2, reason: "connection lost"), .succeeded(create),
        ])
        // The read-back found the role as wanted: no update, just the attachments.
        #expect(await iam.writeCalls.map(\.action) == ["CreateRole"] + Array(repeating: "AttachRolePolicy", count: 3))
        try await expectConverged(iam)
    }

    @Test func createRoleFindingADifferentRoleUpdatesIt() async throws {
        let iam = FakeIAM()
        var other = SeedRole.role
        other.trustPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        _ = try await converge(iam, other)
        await iam.resetCalls()
        // A plan made offline believes the role is missing.
        let result = await Applier(iam: iam).apply(Planner.offlinePlan(for: SeedRole.fullRole))
        #expect(result.status == .succeeded)
        let writes = await iam.writeCalls.map(\.action)
        #expect(Array(writes.prefix(4)) == ["CreateRole", "UpdateAssumeRolePolicy", "UpdateRole", "TagRole"])
        try await expectConverged(iam)
    }

    @Test func lostReplyWithoutRetryFailsAndARerunConverges() async throws {
        let iam = FakeIAM()
        await iam.inject(.lostReply(then: TransportError(kind: .connectionLost, message: "reset by peer")), on: "CreateRole")
        let (_, result) = try await converge(iam)
        #expect(result.status == .failed)
        #expect(result.failures.first?.code == "connectionLost")
        #expect(result.roleArn == nil)
        let (plan, rerun) = try await converge(iam)
        #expect(!plan.createsRole)
        #expect(rerun.status == .succeeded)
        try await expectConverged(iam)
    }

    @Test func detachingAnAlreadyDetachedPolicyCountsAsDone() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam)
        await iam.tamper(with: "l4e-role") { $0.attached.append("arn:aws:iam::aws:policy/ReadOnlyAccess") }
        let plan = try await Planner(iam: iam).plan(for: SeedRole.fullRole, prune: true)
        #expect(plan.changes == [.detachPolicy(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess")])
        // Someone else detaches it between plan and apply.
        await iam.tamper(with: "l4e-role") { $0.attached.removeAll { $0.hasSuffix("/ReadOnlyAccess") } }
        let result = await Applier(iam: iam).apply(plan)
        #expect(result.status == .succeeded)
        #expect(result.completed == [.detachPolicy(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess")])
    }

    @Test func attachWhoseReplyWasLostIsDoneOnRetry() async throws {
        let iam = FakeIAM()
        await iam.inject(.lostReplyRetried, on: "AttachRolePolicy")
        let (_, result) = try await converge(iam)
        #expect(result.status == .succeeded)
        try await expectConverged(iam)
    }

    @Test func aBoundaryIsSetThenRemovedWithOneCallEach() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam)
        var desired = SeedRole.fullRole
        desired.permissionsBoundaryArn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        desired.tags.append(RoleTag(key: "new", value: "1"))
        let (plan, result) = try await converge(iam, desired)
        #expect(plan.unsupportedChanges.isEmpty)
        #expect(result.status == .succeeded, "\(result.summary)")
        #expect(result.completed == [
            .putPermissionsBoundary(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess"), .tagRole([RoleTag(key: "new", value: "1")]),
        ])
        #expect(try await iam.getRole(name: desired.roleName).permissionsBoundaryArn == "arn:aws:iam::aws:policy/ReadOnlyAccess")
        try await expectConverged(iam, desired)

        desired.permissionsBoundaryArn = nil
        desired.removesPermissionsBoundary = true
        let (_, removal) = try await converge(iam, desired)
        #expect(removal.completed == [.deletePermissionsBoundary])
        #expect(try await iam.getRole(name: desired.roleName).permissionsBoundaryArn == nil)
        try await expectConverged(iam, desired)
    }

    @Test func aPathChangeFailsAfterEverythingElse() async throws {
        let iam = FakeIAM()
        _ = try await converge(iam)
        var desired = SeedRole.fullRole
        desired.path = "/elsewhere/"
        desired.tags.append(RoleTag(key: "new", value: "1"))
        let (plan, result) = try await converge(iam, desired)
        #expect(plan.unsupportedChanges.count == 1)
        #expect(result.status == .failed)
        #expect(result.completed == [.tagRole([RoleTag(key: "new", value: "1")])])
        let failure = try #require(result.failures.first)
        #expect(failure.code == StepFailure.unsupportedCode)
        #expect(failure.message.contains("path: / -> /elsewhere/"))
    }

    // MARK: Cancellation

    @Test func cancellingStopsAfterTheCallInFlight() async throws {
        let iam = FakeIAM()
        let cancellation = ApplyCancellation()
        let recorder = ApplyEventRecorder { event in
            if case .started(.createRole) = event { cancellation.cancel() }
        }
        let (_, result) = try await converge(iam, cancellation: cancellation, recorder: recorder)
        #expect(result.status == .cancelled)
        #expect(result.completed == [.createRole(NewRole(SeedRole.fullRole))])
        #expect(result.notStarted == attachSteps())
        #expect(recorder.events.last == .cancelled(notStarted: attachSteps()))
        #expect(await iam.writeCalls.map(\.action) == ["CreateRole"])

        let (_, rerun) = try await converge(iam)
        #expect(rerun.status == .succeeded)
        try await expectConverged(iam)
    }

    @Test func cancellingDuringAttachmentsLetsTheRunningOneFinish() async throws {
        let iam = FakeIAM()
        let cancellation = ApplyCancellation()
        let recorder = ApplyEventRecorder { event in
            if case .started(.attachPolicy) = event { cancellation.cancel() }
        }
        let (_, result) = try await converge(iam, maxConcurrentCalls: 1, cancellation: cancellation, recorder: recorder)
        #expect(result.status == .cancelled)
        #expect(result.completed == [.createRole(NewRole(SeedRole.fullRole)), attachSteps()[0]])
        #expect(result.notStarted == Array(attachSteps().dropFirst()))
    }

    // MARK: Events

    @Test func eventsComeInTheOrderThingsHappen() async throws {
        let recorder = ApplyEventRecorder()
        let (_, result) = try await converge(FakeIAM(), maxConcurrentCalls: 1, recorder: recorder)
        let create = ApplyStep.createRole(NewRole(SeedRole.fullRole))
        var expected: [ApplyEvent] = [.started(create), .succeeded(create)]
        for step in attachSteps() { expected += [.started(step), .succeeded(step)] }
        expected.append(.finished(roleArn: arn))
        #expect(recorder.events == expected)
        #expect(result.completed == [create] + attachSteps())
    }

    @Test func concurrentStepsEachStartBeforeTheyEnd() async throws {
        let recorder = ApplyEventRecorder()
        _ = try await converge(FakeIAM(), recorder: recorder)
        let events = recorder.events
        for step in attachSteps() {
            let start = try #require(events.firstIndex(of: .started(step)))
            let end = try #require(events.firstIndex(of: .succeeded(step)))
            #expect(start < end)
        }
        #expect(events.last == .finished(roleArn: arn))
    }

    @Test func clientRetriesBecomeRetriedEventsOfTheirStep() async throws {
        let iam = FakeIAM(observer: { Applier.noteAttempt(action: $0, attempt: $1, reason: $2) })
        await iam.inject(.throttled(times: 2), on: "AttachRolePolicy", call: 2)
        let recorder = ApplyEventRecorder()
        _ = try await converge(iam, recorder: recorder)
        let step = attachSteps()[1]
        let events = recorder.events
        let retries = events.filter { if case .retried = $0 { true } else { false } }
        #expect(retries == [.retried(step, attempt: 2, reason: "Throttling"), .retried(step, attempt: 3, reason: "Throttling")])
        let started = try #require(events.firstIndex(of: .started(step)))
        let succeeded = try #require(events.firstIndex(of: .succeeded(step)))
        let firstRetry = try #require(events.firstIndex(of: retries[0]))
        #expect(started < firstRetry && firstRetry < succeeded)
    }

    @Test func attemptsOutsideAnApplyAreIgnored() {
        // No step is active in this task, so nothing can be reported (and nothing crashes).
        Applier.noteAttempt(action: "CreateRole", attempt: 3, reason: "Throttling")
    }

    @Test func progressStreamDeliversEveryEventAndEnds() async throws {
        let iam = FakeIAM()
        let plan = try await Planner(iam: iam).plan(for: SeedRole.fullRole)
        let progress = Applier(iam: iam).start(plan)
        var events: [ApplyEvent] = []
        for await event in progress.events { events.append(event) }
        let result = await progress.result.value
        #expect(result.status == .succeeded)
        #expect(events.count == 2 * 4 + 1)
        #expect(events.last == .finished(roleArn: arn))
    }
}
