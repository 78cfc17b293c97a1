import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a `credential_process` program, without a shell, within bounds: a
/// time limit (a helper that never exits would hang every command) and a
/// limit on what it may print (its answer is a small JSON document).
struct CredentialCommand: Sendable {
    /// The program and its arguments, split as botocore splits the setting.
    var words: [String]
    var environment: [String: String]
    /// Seconds before the program is stopped (SIGTERM, then SIGKILL).
    var timeLimit: TimeInterval
    /// Bytes of standard output, and of standard error, kept at most.
    var outputLimit: Int

    /// The default output limit; a credential document is under 2 KB.
    static let defaultOutputLimit = 64 * 1024

    struct Output: Sendable {
        var status: TerminationStatus
        var stdout: Data
        var stderr: Data
    }

    enum Failure: Error {
        case notStarted(String)
        case timedOut(TimeInterval)
        case tooMuchOutput(Int)
    }

    func run() async throws(Failure) -> Output {
        guard let program = words.first else { throw .notStarted("the setting is empty") }
        let words = words
        let variables = environment
        let limit = outputLimit
        let seconds = timeLimit
        do {
            return try await withThrowingTaskGroup(of: Output?.self) { group in
                group.addTask {
                    let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
                    var options = PlatformOptions()
                    // Stopped politely first, so a helper can clean up its own children.
                    options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(2))]
                    let result = try await Subprocess.run(
                        executable, arguments: Arguments(Array(words.dropFirst())),
                        // NUL-terminated: swift-subprocess strdup()s each entry, and one
                        // without its terminator was read past its end (garbage in values).
                        environment: .custom(variables.map { Array("\($0.key)=\($0.value)\0".utf8) }), platformOptions: options,
                        input: .none, output: .bytes(limit: limit), error: .bytes(limit: limit))
                    return Output(status: result.terminationStatus, stdout: Data(result.standardOutput), stderr: Data(result.standardError))
                }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let output = first else { throw Failure.timedOut(seconds) }
                return output
            }
        } catch let failure as Failure {
            throw failure
        } catch let error as SubprocessError where error.code == .outputLimitExceeded {
            throw .tooMuchOutput(limit)
        } catch let error as SubprocessError where error.code == .executableNotFound {
            throw .notStarted("there is no program \"\(program)\" (looked for on PATH unless it has a /)")
        } catch {
            throw .notStarted("\(error)")
        }
    }
}
