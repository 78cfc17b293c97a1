import Foundation
import Testing
import TestSupport
@testable import IAMClient

/// The same environment and files resolved by botocore and by rolewiz's chain:
/// the same access key (which names the path taken, see `BotocoreChainOracle`),
/// the same error category, the same region. Where rolewiz differs on purpose
/// (`AWS_REGION`, a default region) the expectation says so.
@Suite("Credential chain: differential against botocore", .timeLimit(.minutes(10)))
struct BotocoreChainDifferentialTests {
    /// What rolewiz resolved, in the oracle's terms.
    struct Outcome: Equatable, CustomStringConvertible {
        var kind: String
        var key: String?
        var category: String?
        var detail = ""

        static func == (a: Outcome, b: Outcome) -> Bool { a.kind == b.kind && a.key == b.key && a.category == b.category }
        var description: String { "\(kind) \(key ?? category ?? "") \(detail)" }
    }

    @Test func atLeastFiftyScenarios() {
        #expect(ChainScenarios.all.count >= 50)
        #expect(Set(ChainScenarios.all.map(\.name)).count == ChainScenarios.all.count)
    }

    @Test func everyScenarioResolvesAsBotocoreDoes() async throws {
        let homes = try ChainScenarios.all.map(Self.materialize)
        let inputs = zip(ChainScenarios.all, homes).map { scenario, home in
            BotocoreChainOracle.Input(environment: home.environment, profile: scenario.profile)
        }
        let expected = try await PythonOracle.answer(
            BotocoreChainOracle.script, for: inputs, as: [BotocoreChainOracle.Output].self)
        try #require(expected.count == homes.count)
        for ((scenario, home), botocore) in zip(zip(ChainScenarios.all, homes), expected) {
            let rolewiz = await Self.resolve(scenario, home: home)
            let reference = Outcome(kind: botocore.kind, key: botocore.key, category: botocore.category, detail: botocore.error ?? botocore.method ?? "")
            #expect(rolewiz == reference, "\(scenario.name): rolewiz \(rolewiz), botocore \(reference)")
            guard scenario.comparesRegion else { continue }
            let region = Self.region(scenario, home: home)
            if botocore.regionError != nil {
                // Only a missing profile stops rolewiz's session; a file that does not
                // parse is reported by the credential chain instead.
                if botocore.regionError == "ProfileNotFound" { #expect(region == nil, "\(scenario.name)") }
                continue
            }
            #expect(region == Self.expectedRegion(botocore: botocore.region, environment: home.environment), "\(scenario.name): region")
        }
    }

    /// rolewiz honours `AWS_REGION` first, as the AWS CLI v2 does (botocore reads only
    /// `AWS_DEFAULT_REGION`), and falls back to us-east-1 where botocore has none.
    static func expectedRegion(botocore: String?, environment: [String: String]) -> String {
        if let region = environment["AWS_REGION"], !region.isEmpty { return region }
        return botocore ?? "us-east-1"
    }

    struct Home {
        var scratch: ScratchAWSHome
        var environment: [String: String]
    }

    static func materialize(_ scenario: ChainScenario) throws -> Home {
        let scratch = try ScratchAWSHome()
        let fill = { (text: String) in text.replacingOccurrences(of: "{HOME}", with: scratch.directory.path) }
        if let config = scenario.config { try scratch.write(".aws/config", fill(config)) }
        if let credentials = scenario.credentials { try scratch.write(".aws/credentials", fill(credentials)) }
        for (name, text) in scenario.files { try scratch.write(name, fill(text), executable: name.hasSuffix(".sh")) }
        var environment = scratch.environment(scenario.environment.mapValues(fill))
        environment["BOTO_CONFIG"] = scratch.path("no-boto-config")
        return Home(scratch: scratch, environment: environment)
    }

    static func resolve(_ scenario: ChainScenario, home: Home) async -> Outcome {
        let chain = CredentialChain.standard(
            profileName: scenario.profile, environment: home.environment,
            profiles: ProfileStore.load(environment: home.environment), makeSTS: DifferentialSTS.makeSTS,
            transport: RefusingTransport(),
            tuning: ChainTuning(containerHost: "http://127.0.0.1:9", containerRetryPause: 0, instanceMetadataEndpoint: "http://127.0.0.1:9"),
            mfaPrompt: { _ in BotocoreChainOracle.mfaCode })
        do {
            let credentials = try await chain.credentials()
            return Outcome(kind: "ok", key: credentials.accessKeyId, detail: credentials.source)
        } catch let error as NoCredentialsError {
            return Outcome(kind: "none", detail: error.description)
        } catch let error as CredentialError {
            return Outcome(kind: "error", category: category(error.kind), detail: error.description)
        } catch {
            return Outcome(kind: "error", category: "\(type(of: error))", detail: "\(error)")
        }
    }

    static func category(_ kind: CredentialError.Kind) -> String {
        switch kind {
        case .profileNotFound: "profile-not-found"
        case .invalidConfiguration, .profileCycle: "invalid-config"
        case .signInRequired: "sso-token"
        case .unreadableFile, .processFailed, .unreachable, .badResponse, .stsFailed: "retrieval"
        }
    }

    /// The region rolewiz's session resolves, or nil when the session cannot be made.
    static func region(_ scenario: ChainScenario, home: Home) -> String? {
        let options = ClientOptions(profile: scenario.profile, environment: home.environment, transport: RefusingTransport())
        return try? AWSSession.resolve(options).region
    }
}
