import Foundation
import Testing
import TestSupport

@testable import IAMClient

/// `credential_process` as botocore runs it: split into words, never given
/// to a shell, and bounded in time and output; stale credentials refused.
// No suite time limit: it would count the wait for a heavy-test permit; the commands have their own bounds.
@Suite("Credential chain: credential_process without a shell", .heavy)
struct CredentialProcessHostileTests {
    /// A helper that records its arguments, one per line, then answers.
    static func recordingHome() throws -> (ScratchAWSHome, String, String) {
        let home = try ScratchAWSHome()
        let log = home.path("arguments")
        let helper = try home.write("helper.sh", """
            #!/bin/sh
            for argument in "$@"; do printf '%s\\n' "$argument"; done > '\(log)'
            printf '{"Version": 1, "AccessKeyId": "AKIDWORDS", "SecretAccessKey": "s"}'
            """, executable: true)
        return (home, helper, log)
    }

    /// Shell syntax in the setting is text for the helper, not commands.
    @Test(arguments: [
        ("; touch MARK", [";", "touch", "MARK"]),
        ("$(touch MARK)", ["$(touch", "MARK)"]),
        ("`touch MARK`", ["`touch", "MARK`"]),
        ("| touch MARK", ["|", "touch", "MARK"]),
        ("&& touch MARK &", ["&&", "touch", "MARK", "&"]),
        ("'it''s' \"a \\\"b\\\" \\$c\" d\\ e", ["its", "a \"b\" \\$c", "d e"]),
        ("> MARK", [">", "MARK"]),
    ])
    func shellSyntaxIsNeverExecuted(_ tail: String, _ expected: [String]) async throws {
        let (home, helper, log) = try Self.recordingHome()
        let mark = home.path("MARK")
        let setting = "\(helper) " + tail.replacingOccurrences(of: "MARK", with: mark)
        try home.write(".aws/config", "[default]\ncredential_process = \(setting)\n")
        #expect(try await home.chain().credentials().accessKeyId == "AKIDWORDS")
        #expect(!FileManager.default.fileExists(atPath: mark), "a shell ran: \(setting)")
        let received = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(received.map(String.init) == expected.map { $0.replacingOccurrences(of: "MARK", with: mark) })
    }

    @Test func aCommandThatNeverExitsIsStopped() async throws {
        let home = try ScratchAWSHome()
        let helper = try home.write("hang.sh", "#!/bin/sh\nexec sleep 600\n", executable: true)
        let provider = ProcessCredentialProvider(commandLine: helper, environment: [:], source: "profile slow", timeLimit: 1)
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error?.message == "credential_process did not finish within 1 s and was stopped")
    }

    @Test func endlessOutputIsCutOff() async throws {
        let provider = ProcessCredentialProvider(commandLine: "yes", environment: ["PATH": "/usr/bin:/bin"], source: "profile chatty")
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error?.message.contains("printed more than 65536 bytes") == true, "\(String(describing: error))")
    }

    @Test func aMissingProgramOrAnOpenQuoteIsSaidPlainly() async throws {
        let missing = ProcessCredentialProvider(commandLine: "no-such-helper-xyz --x", environment: ["PATH": "/usr/bin:/bin"], source: "p")
        let notFound = await #expect(throws: CredentialError.self) { try await missing.credentials() }
        #expect(notFound?.message.contains(#"there is no program "no-such-helper-xyz""#) == true, "\(String(describing: notFound))")
        let open = ProcessCredentialProvider(commandLine: "helper 'unclosed", environment: [:], source: "p")
        let unsplit = await #expect(throws: CredentialError.self) { try await open.credentials() }
        #expect(unsplit?.message.contains("a quote that is never closed") == true)
    }

    @Test func expiredCredentialsFromAProcessAreRefused() async throws {
        let home = try ScratchAWSHome()
        let helper = try home.write("stale.sh", """
            #!/bin/sh
            printf '{"Version": 1, "AccessKeyId": "AKIDOLD", "SecretAccessKey": "s", "SessionToken": "t", "Expiration": "2020-01-01T00:00:00Z"}'
            """, executable: true)
        let provider = ProcessCredentialProvider(commandLine: helper, environment: [:], source: "profile stale")
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error?.message.contains("expired at 2020-01-01T00:00:00Z") == true, "\(String(describing: error))")
    }

    @Test func expiredCredentialsFromAContainerEndpointAreRefused() async throws {
        let server = try FakeHTTPServer { _ in
            .json(#"{"AccessKeyId": "AKIDOLD", "SecretAccessKey": "s", "Token": "t", "Expiration": "2020-01-01T00:00:00Z"}"#)
        }
        defer { server.stop() }
        let chain = try ScratchAWSHome().chain(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL.absoluteString + "/creds"],
            transport: LoopbackURLSessionTransport(), clock: TestClock(Date()))
        let error = await #expect(throws: (any Error).self) { try await chain.credentials() }
        #expect("\(String(describing: error))".contains("expired at 2020-01-01T00:00:00Z"), "\(String(describing: error))")
    }

    /// The splitter agrees with botocore's (Python's `shlex.split`) on
    /// generated settings full of quotes, backslashes and shell syntax.
    @Test func wordsAgreeWithPythonsShlex() async throws {
        var random = SeededRandom(seed: 0x5E1E)
        let alphabet: [Character] = [" ", " ", "\t", "\n", "'", "\"", "\\", "a", "b", "$", "(", ")", "`", ";", "|", "&", "#", "*", "~", "é", "="]
        let inputs = (0..<3000).map { _ in
            String((0..<Int.random(in: 0...14, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        let script = """
            import json, shlex, sys
            out = []
            for s in json.load(sys.stdin):
                try: out.append(shlex.split(s))
                except ValueError as e: out.append(str(e))
            json.dump(out, sys.stdout)
            """
        let expected = try await PythonOracle.answer(script, for: inputs, as: [WordsOrError].self)
        for (input, python) in zip(inputs, expected) {
            let ours = Result<[String], CommandLineWords.SplitError> { () throws(CommandLineWords.SplitError) in try CommandLineWords.split(input) }
            switch (ours, python) {
            case (.success(let words), .words(let theirs)):
                #expect(words == theirs, "\(input.debugDescription): ours \(words), shlex \(theirs)")
            case (.failure(let error), .error(let message)):
                let same = (error == .noClosingQuotation && message == "No closing quotation")
                    || (error == .noEscapedCharacter && message == "No escaped character")
                #expect(same, "\(input.debugDescription): ours \(error), shlex \(message)")
            default:
                Issue.record("\(input.debugDescription): ours \(ours), shlex \(python)")
            }
        }
    }
}

/// What `shlex.split` returned: the words, or its error message.
private enum WordsOrError: Decodable {
    case words([String])
    case error(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let words = try? container.decode([String].self) {
            self = .words(words)
        } else {
            self = .error(try container.decode(String.self))
        }
    }
}
