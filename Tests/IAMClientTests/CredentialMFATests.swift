import Foundation
import Testing
import TestSupport
@testable import IAMClient

/// Roles whose profile has `mfa_serial`: the code comes from the injected
/// prompt, goes to AssumeRole as SerialNumber and TokenCode, and the
/// credentials are cached where (and as) the AWS CLI caches them.
@Suite("Credential chain: MFA", .timeLimit(.minutes(10)))
struct CredentialMFATests {
    static let config = """
        [profile admin]
        role_arn = arn:aws:iam::123456789012:role/admin
        source_profile = base
        mfa_serial = arn:aws:iam::123456789012:mfa/alice
        """
    static let base = "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n"

    /// Counts the questions and answers with a fixed code.
    final class Prompter: @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [MFAChallenge] = []
        var challenges: [MFAChallenge] {
            lock.lock()
            defer { lock.unlock() }
            return asked
        }

        var prompt: MFACodePrompt {
            { challenge in
                self.record(challenge)
                return "123456\n"
            }
        }

        private func record(_ challenge: MFAChallenge) {
            lock.lock()
            asked.append(challenge)
            lock.unlock()
        }
    }

    @Test("the code goes to AssumeRole with the device's serial number")
    func codeIsSent() async throws {
        let home = try ScratchAWSHome(config: Self.config, credentials: Self.base)
        let sts = FakeSTS()
        let prompter = Prompter()
        let credentials = try await home.chain(profile: "admin", sts: sts, mfaPrompt: prompter.prompt).credentials()
        #expect(credentials.accessKeyId.hasPrefix("ASIAADMIN"))
        #expect(prompter.challenges == [MFAChallenge(profile: "admin", serialNumber: "arn:aws:iam::123456789012:mfa/alice", roleArn: "arn:aws:iam::123456789012:role/admin")])
        let call = try #require(sts.assumeRoleCalls.first)
        #expect(call.mfa == MFAToken(serialNumber: "arn:aws:iam::123456789012:mfa/alice", tokenCode: "123456"))
        #expect(call.signedWith?.accessKeyId == "AKIDBASE")
    }

    @Test("the credentials are cached in ~/.aws/cli/cache, so the next run asks no code and calls no STS")
    func cachedForTheNextRun() async throws {
        let home = try ScratchAWSHome(config: Self.config, credentials: Self.base)
        let clock = TestClock(Date())
        let sts = FakeSTS(clock: clock)
        let first = try await home.chain(profile: "admin", sts: sts, mfaPrompt: Prompter().prompt).credentials()

        let key = AssumeRoleCacheKey(roleArn: "arn:aws:iam::123456789012:role/admin", serialNumber: "arn:aws:iam::123456789012:mfa/alice")
        let path = home.path(".aws/cli/cache/\(key.fileName)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let cached = try #require(document["Credentials"] as? [String: String])
        #expect(cached["AccessKeyId"] == first.accessKeyId)
        #expect(cached["SecretAccessKey"] == first.secretAccessKey)
        #expect(cached["Expiration"]?.hasSuffix("UTC") == true)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let again = Prompter()
        let second = try await home.chain(profile: "admin", sts: sts, clock: clock, mfaPrompt: again.prompt).credentials()
        #expect(second.accessKeyId == first.accessKeyId)
        #expect(second.source.hasSuffix("from the AWS CLI cache)"))
        #expect(again.challenges.isEmpty)
        #expect(sts.assumeRoleCalls.count == 1)

        // Within 15 minutes of expiry the cache is not used (botocore's window): a new code.
        clock.advance(by: 3600 - 10 * 60)
        _ = try await home.chain(profile: "admin", sts: sts, clock: clock, mfaPrompt: again.prompt).credentials()
        #expect(again.challenges.count == 1)
        #expect(sts.assumeRoleCalls.count == 2)
    }

    @Test("cache file names are botocore's AssumeRole cache keys")
    func cacheKeysMatchBotocore() async throws {
        let keys = [
            AssumeRoleCacheKey(roleArn: "arn:aws:iam::123456789012:role/admin", serialNumber: "arn:aws:iam::123456789012:mfa/alice"),
            AssumeRoleCacheKey(roleArn: "arn:aws:iam::1:role/x", roleSessionName: "me", externalId: "ext\"é", serialNumber: "GAHT12345678", durationSeconds: 900),
            AssumeRoleCacheKey(roleArn: "arn:aws:iam::1:role/y"),
        ]
        struct Arguments: Encodable {
            var roleArn: String, roleSessionName: String?, externalId: String?, serialNumber: String?, durationSeconds: Int?
        }
        let script = """
            import json, sys
            from botocore.credentials import AssumeRoleCredentialFetcher
            out = []
            for a in json.load(sys.stdin):
                extra = {}
                if a.get("roleSessionName"): extra["RoleSessionName"] = a["roleSessionName"]
                if a.get("externalId"): extra["ExternalId"] = a["externalId"]
                if a.get("serialNumber"): extra["SerialNumber"] = a["serialNumber"]
                if a.get("durationSeconds"): extra["DurationSeconds"] = a["durationSeconds"]
                fetcher = AssumeRoleCredentialFetcher(lambda *x, **y: None, None, a["roleArn"], extra_args=extra)
                out.append(fetcher._create_cache_key() + ".json")
            json.dump(out, sys.stdout)
            """
        let inputs = keys.map { Arguments(roleArn: $0.roleArn, roleSessionName: $0.roleSessionName, externalId: $0.externalId, serialNumber: $0.serialNumber, durationSeconds: $0.durationSeconds) }
        let expected = try await PythonOracle.answer(script, for: inputs, as: [String].self)
        #expect(keys.map(\.fileName) == expected)
    }

    @Test("botocore reads the cache rolewiz wrote")
    func botocoreReadsTheCache() async throws {
        let home = try ScratchAWSHome(config: Self.config, credentials: Self.base)
        let sts = FakeSTS(clock: TestClock(Date()))
        let first = try await home.chain(profile: "admin", sts: sts, mfaPrompt: Prompter().prompt).credentials()
        let script = """
            import json, sys
            from botocore.utils import JSONFileCache
            from botocore.credentials import AssumeRoleCredentialFetcher
            directory, role, serial = json.load(sys.stdin)
            fetcher = AssumeRoleCredentialFetcher(lambda *a, **k: None, None, role, extra_args={"SerialNumber": serial}, cache=JSONFileCache(directory))
            # Only the cache may answer: the fetcher has no client to call STS with.
            json.dump([fetcher.fetch_credentials()["access_key"]], sys.stdout)
            """
        let arguments = [home.path(".aws/cli/cache"), "arn:aws:iam::123456789012:role/admin", "arn:aws:iam::123456789012:mfa/alice"]
        let read = try await PythonOracle.answer(script, for: arguments, as: [String].self)
        #expect(read == [first.accessKeyId])
    }

    @Test("an empty code is refused before STS")
    func emptyCode() async throws {
        let home = try ScratchAWSHome(config: Self.config, credentials: Self.base)
        let sts = FakeSTS()
        let error = try await #require(throws: MFACodeUnavailableError.self) {
            try await home.chain(profile: "admin", sts: sts, mfaPrompt: { _ in "  " }).credentials()
        }
        #expect(error.description.contains("no code was entered"))
        #expect(sts.assumeRoleCalls.isEmpty)
    }
}

@Suite("Credential chain: MFA against moto", .heavy)
struct CredentialMFAMotoTests {
    @Test("against moto's STS: SerialNumber and TokenCode are accepted and the role's credentials work")
    func againstMoto() async throws {
        let moto = try await MotoServer.sharedOrSkip()
        let admin = try MotoFixture.session(moto)
        let role = try await admin.iam.createRole(CreateRoleInput(
            roleName: MotoServer.uniqueName("mfa"), assumeRolePolicyDocument: MotoFixture.accountTrustPolicy))
        let home = try ScratchAWSHome(
            config: "[profile admin]\nrole_arn = \(role.arn)\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\nrole_session_name = mfa-test\n",
            credentials: CredentialMFATests.base)
        let recording = RecordingTransport(URLSessionTransport(environment: [:]))
        let prompter = CredentialMFATests.Prompter()
        let session = try AWSSession.resolve(ClientOptions(
            profile: "admin", endpointURL: moto.endpoint.absoluteString, environment: home.environment(),
            transport: recording, sleep: { _ in }, mfaPrompt: prompter.prompt))
        let identity = try await session.sts.getCallerIdentity()
        #expect(identity.arn == "arn:aws:sts::123456789012:assumed-role/\(role.roleName)/mfa-test")
        #expect(prompter.challenges.count == 1)
        let assumeRole = try #require(recording.sent.values.first { String(decoding: $0.body, as: UTF8.self).contains("Action=AssumeRole") })
        let form = String(decoding: assumeRole.body, as: UTF8.self)
        #expect(form.contains("SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice"))
        #expect(form.contains("TokenCode=123456"))
    }
}
