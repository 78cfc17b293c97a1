import Foundation
import IAMClient
import Provisioning
import Testing
import TestSupport

/// The facade the wizard and commands share: caching, offline behaviour,
/// and the same plan/apply/export results the parts give on their own.
@Suite(.timeLimit(.minutes(10)))
struct RoleServiceTests {
    struct FixedSTS: STSOperations {
        var identity = CallerIdentity(account: FakeIAM.account, arn: "arn:aws:iam::\(FakeIAM.account):user/dev", userId: "AIDADEV")
        func getCallerIdentity() async throws -> CallerIdentity { identity }
        func assumeRole(roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?) async throws -> AWSCredentials {
            throw AWSError(code: "AccessDenied", message: "not in this test", httpStatus: 403)
        }
        func assumeRoleWithWebIdentity(roleArn: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?) async throws -> AWSCredentials {
            throw AWSError(code: "AccessDenied", message: "not in this test", httpStatus: 403)
        }
    }

    static func service(_ iam: FakeIAM) -> RoleService {
        RoleService(connection: .live(LiveConnection(iam: iam, sts: FixedSTS())))
    }

    static let offline = RoleService(connection: .offline(OfflineReason(
        message: "No AWS credentials were found.",
        attempts: [CredentialSourceAttempt(source: "environment", outcome: .notConfigured("AWS_ACCESS_KEY_ID is not set"))])))

    @Test func policiesAndDocumentsAreReadOncePerSession() async throws {
        let iam = FakeIAM()
        let service = Self.service(iam)
        let first = try await service.listPolicies()
        let pages = PageCounter()
        let second = try await service.listPolicies { pages.add($0.count) }
        #expect(first == second)
        #expect(pages.counts == [first.count])
        let arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
        let document = try await service.policyDocument(arn: arn)
        _ = try await service.policyDocument(arn: arn)
        #expect(document.contains("2012-10-17"))
        let actions = await iam.calls.map(\.action)
        #expect(actions == ["ListPolicies", "GetPolicy", "GetPolicyVersion"])
    }

    @Test func quotasComeFromTheAccountSummaryOnce() async {
        let iam = FakeIAM()
        let service = Self.service(iam)
        #expect(await service.quotas() == LintQuotas(trustPolicySize: 2048, attachedPoliciesPerRole: 10))
        _ = await service.quotas()
        #expect(await iam.calls.map(\.action) == ["GetAccountSummary"])
    }

    @Test func thePresetIsPlannedAppliedAndThenUpToDate() async throws {
        let iam = FakeIAM()
        let service = Self.service(iam)
        let desired = try await service.resolve(RolePreset.lookoutEquipment.spec)
        let plan = try await service.plan(desired)
        #expect(plan.createsRole && plan.changes.count == 4)
        let events = ApplyEventRecorder()
        let result = try await service.apply(plan, onEvent: events.record)
        #expect(result.status == .succeeded)
        #expect(events.events.last == .finished(roleArn: try #require(result.roleArn)))
        let details = try await service.loadRole(name: "l4e-role")
        #expect(Set(details.attachedPolicies.map(\.policyName)) == ["AmazonS3FullAccess", "IAMFullAccess", "AmazonLookoutEquipmentFullAccess"])
        #expect(try await service.plan(desired).isEmpty)
        #expect(try await service.listRoles().map(\.roleName) == ["l4e-role"])
    }

    @Test func offlinePlansEverythingAsNewAndRefusesCalls() async throws {
        let service = Self.offline
        #expect(service.isOffline)
        #expect(service.offlineReason?.triedSources == ["environment (AWS_ACCESS_KEY_ID is not set)"])
        let desired = try await service.resolve(RolePreset.lookoutEquipment.spec)
        let plan = try await service.plan(desired)
        #expect(plan.offline && plan.createsRole)
        await #expect(throws: RoleServiceError.offline(action: "apply changes")) { try await service.apply(plan) }
        await #expect(throws: RoleServiceError.offline(action: "list policies")) { try await service.listPolicies() }
        #expect(await service.quotas() == LintQuotas())
        #expect(await service.accountId() == nil)
    }

    @Test func exportsTheSpecFileAndTheTools() async throws {
        let service = Self.offline
        let spec = RolePreset.lookoutEquipment.spec
        let specText = try await service.export(spec, as: .json)
        #expect(try RoleSpecFile.decode(specText, format: .json).spec == spec)
        let script = try await service.export(spec, as: .cli)
        #expect(script.contains("iam create-role") && script.contains("AmazonLookoutEquipmentFullAccess"))
        let terraform = try await service.export(spec, as: .terraform)
        #expect(terraform.contains("aws_iam_role"))
    }

    @Test func connectsThroughASessionOrExplainsWhyNot() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(MotoServer.uniqueName("home")).path
        let environment = ["AWS_EC2_METADATA_DISABLED": "true", "HOME": home, "AWS_CONFIG_FILE": home + "/config",
                           "AWS_SHARED_CREDENTIALS_FILE": home + "/credentials"]
        let session = try AWSSession.resolve(ClientOptions(endpointURL: "http://127.0.0.1:9", environment: environment))
        let service = await RoleService.connect(session: session)
        let reason = try #require(service.offlineReason)
        #expect(reason.attempts.contains { $0.source == "environment" })
        #expect(!reason.triedSources.joined().contains("169.254"))
    }

    @Test func createsAndReadsTheSeedRoleInMoto() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let session = try MotoApplySession(moto).session
        let service = RoleService(connection: .live(LiveConnection(iam: session.iam, sts: session.sts)))
        var spec = RolePreset.lookoutEquipment.spec
        spec.name = MotoServer.uniqueName("svc")
        let desired = try await service.resolve(spec)
        #expect(desired.trustPolicy.contains("lookoutequipment.amazonaws.com"))
        let result = try await service.apply(try await service.plan(desired))
        #expect(result.status == .succeeded)
        let details = try await service.loadRole(name: spec.name)
        #expect(details.attachedPolicies.count == 3)
        #expect(try await service.plan(desired).isEmpty)
        let policies = try await service.listPolicies()
        #expect(policies.contains { $0.policyName == "AmazonS3FullAccess" })
        let document = try await service.policyDocument(arn: "arn:aws:iam::aws:policy/IAMFullAccess")
        #expect(document.contains("iam:*"))
        #expect(try await service.identity().account.count == 12)
    }
}

/// Collects values from `@Sendable` callbacks.
final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func add(_ value: Int) { lock.withLock { values.append(value) } }
    var counts: [Int] { lock.withLock { values } }
}

