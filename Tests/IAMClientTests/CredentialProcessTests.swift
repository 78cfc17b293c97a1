import Foundation
import Testing
@testable import IAMClient

@Suite("Credential chain: credential_process", .timeLimit(.minutes(10)))
struct CredentialProcessTests {
    /// A profile whose credential_process runs `script` (written to the scratch home).
    static func home(script: String) throws -> ScratchAWSHome {
        let home = try ScratchAWSHome()
        let path = try home.write("helper.sh", script, executable: true)
        try home.write(".aws/config", "[profile tool]\ncredential_process = \(path) --flag \"quoted arg\"\n")
        return home
    }

    @Test("Version 1 JSON becomes the credentials, with their expiry")
    func success() async throws {
        let home = try Self.home(script: """
            #!/bin/sh
            [ "$2" = "quoted arg" ] || { echo "bad args: $*" >&2; exit 9; }
            cat <<'JSON'
            {"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "proc-secret",
             "SessionToken": "proc-token", "Expiration": "2099-02-03T04:05:06Z"}
            JSON
            """)
        let credentials = try await home.chain(profile: "tool").credentials()
        #expect(credentials.accessKeyId == "AKIDPROC")
        #expect(credentials.secretAccessKey == "proc-secret")
        #expect(credentials.sessionToken == "proc-token")
        #expect(credentials.expiration.map(iso8601) == "2099-02-03T04:05:06Z")
        #expect(credentials.source == "profile tool")
    }

    @Test("the command runs with the chain's environment, not the test process's")
    func environmentIsPassed() async throws {
        let home = try Self.home(script: """
            #!/bin/sh
            printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "s"}' "$HELPER_KEY"
            """)
        let credentials = try await home.chain(profile: "tool", environment: ["HELPER_KEY": "AKIDFROMENV"]).credentials()
        #expect(credentials.accessKeyId == "AKIDFROMENV")
        #expect(credentials.expiration == nil)
        #expect(credentials.sessionToken == nil)
    }

    @Test("expiring credentials are fetched again five minutes before Expiration, not earlier")
    func refreshOnExpiry() async throws {
        let clock = TestClock()
        let expiry = iso8601(clock.now + 600)
        let home = try ScratchAWSHome()
        let counter = home.path("count")
        let script = try home.write("helper.sh", """
            #!/bin/sh
            n=$(cat '\(counter)' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '\(counter)'
            printf '{"Version": 1, "AccessKeyId": "AKID%s", "SecretAccessKey": "s", "Expiration": "\(expiry)"}' $n
            """, executable: true)
        try home.write(".aws/config", "[default]\ncredential_process = \(script)\n")
        let chain = home.chain(clock: clock)

        #expect(try await chain.credentials().accessKeyId == "AKID1")
        clock.advance(by: 299)  // 301 s left: still good
        #expect(try await chain.credentials().accessKeyId == "AKID1")
        clock.advance(by: 2)  // 299 s left: due
        #expect(try await chain.credentials().accessKeyId == "AKID2")
    }

    @Test("concurrent first calls run the command once")
    func concurrentCallsShareOneRun() async throws {
        let home = try ScratchAWSHome()
        let counter = home.path("count")
        let script = try home.write("helper.sh", """
            #!/bin/sh
            echo run >> '\(counter)'
            sleep 0.2
            printf '{"Version": 1, "AccessKeyId": "AKIDONCE", "SecretAccessKey": "s", "Expiration": "2099-01-01T00:00:00Z"}'
            """, executable: true)
        try home.write(".aws/config", "[default]\ncredential_process = \(script)\n")
        let chain = home.chain()
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await chain.credentials().accessKeyId } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(keys == Array(repeating: "AKIDONCE", count: 8))
        #expect(try String(contentsOfFile: counter, encoding: .utf8) == "run\n")
    }

    @Test("a non-zero exit names the profile and status and passes stderr on, never stdout")
    func failure() async throws {
        let home = try Self.home(script: """
            #!/bin/sh
            echo '{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "LEAKED-SECRET"}'
            echo "session expired; run corp-login" >&2
            exit 3
            """)
        let chain = home.chain(profile: "tool")
        let error = try await #require(throws: CredentialError.self) { try await chain.credentials() }
        #expect(error.kind == .processFailed)
        #expect(error.description == "profile tool: credential_process exited with status 3: session expired; run corp-login")
        #expect(!error.description.contains("LEAKED-SECRET"))
        #expect(!error.description.contains("helper.sh"))
        #expect(await chain.attempts().map(\.source) == ["environment", "profile tool"])
    }

    @Test("unusable output is a clear error that never echoes the output")
    func badOutput() async throws {
        let cases: [(String, String)] = [
            (#"{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "LEAKED-SECRET""#, "credential_process output is not a JSON object"),
            (#"{"Version": 2, "AccessKeyId": "AKID", "SecretAccessKey": "LEAKED-SECRET"}"#, #"credential_process output must have "Version": 1 (found 2)"#),
            (#"{"AccessKeyId": "AKID", "SecretAccessKey": "LEAKED-SECRET"}"#, #"credential_process output must have "Version": 1 (found none)"#),
            (#"{"Version": 1, "AccessKeyId": "AKID", "SessionToken": "LEAKED-SECRET"}"#, "credential_process output lacks SecretAccessKey"),
            (#"{"Version": 1, "SecretAccessKey": "LEAKED-SECRET"}"#, "credential_process output lacks AccessKeyId"),
            (
                #"{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "LEAKED-SECRET", "Expiration": "tomorrow"}"#,
                "credential_process output has an Expiration that is not an ISO 8601 time: tomorrow"
            ),
        ]
        for (output, message) in cases {
            let home = try Self.home(script: "#!/bin/sh\ncat <<'JSON'\n\(output)\nJSON\n")
            let error = try await #require(throws: CredentialError.self) { try await home.chain(profile: "tool").credentials() }
            #expect(error.source == "profile tool")
            #expect(error.message == message)
            #expect(!error.description.contains("LEAKED-SECRET"))
        }
    }

    @Test("a command killed by a signal says so")
    func killed() async throws {
        // No shell runs the setting, so it names one itself.
        let home = try ScratchAWSHome(config: "[profile tool]\ncredential_process = sh -c 'kill -9 $$'\n")
        let error = try await #require(throws: CredentialError.self) { try await home.chain(profile: "tool").credentials() }
        #expect(error.message == "credential_process was killed by signal 9")
    }
}
