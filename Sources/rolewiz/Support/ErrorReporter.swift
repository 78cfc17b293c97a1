import ArgumentParser
import Foundation
import IAMClient
import Provisioning

/// Turns errors into one clear message on standard error and an exit code:
/// 0 success, 1 an AWS or runtime failure, 2 bad usage or configuration.
/// Messages name the AWS error code and say what to do; no stack traces, no secrets.
enum ErrorReporter {
    static let usageExitCode: Int32 = 2
    static let failureExitCode: Int32 = 1

    /// Runs a command's body and reports what it throws.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch let error as InputError {
            Console.line(error.problems.map { "error: " + $0 }.joined(separator: "\n"), toStandardError: true)
            throw ExitCode(usageExitCode)
        } catch {
            let (message, code) = report(error)
            Console.line("error: " + message, toStandardError: true)
            throw ExitCode(code)
        }
    }

    /// The message and exit code for an error.
    static func report(_ error: any Error) -> (String, Int32) {
        switch error {
        case let error as ClientConfigurationError:
            return (error.message, usageExitCode)
        case let error as MFACodeUnavailableError:
            // Nobody to ask for the code: run it on a terminal instead, as with a usage problem.
            return (error.description + ".", usageExitCode)
        case let error as AWSError:
            return (message(for: error), failureExitCode)
        case let error as TransportError:
            return ("Could not reach AWS: \(error.message). Check your network connection, proxy settings (HTTPS_PROXY, NO_PROXY) and --endpoint-url.", failureExitCode)
        case let error as UnattachablePoliciesError:
            return ("Cannot plan: " + error.description, usageExitCode)
        case let error as TimeLimitError:
            return (error.description.prefix(1).uppercased() + error.description.dropFirst() + ".", failureExitCode)
        case let error as UnexpectedResponseError:
            return (error.description, failureExitCode)
        case let error as NoCredentialsError:
            return ("No AWS credentials were found (\(error.description)). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a profile with --profile.", failureExitCode)
        case is CancellationError:
            return ("Cancelled.", failureExitCode)
        default:
            return (String(describing: error), failureExitCode)
        }
    }

    /// `Code: message` plus advice (Provisioning's, which the wizard shows too).
    static func message(for error: AWSError) -> String { AWSErrorAdvice.message(for: error) }
}
