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

    static let stsActions: Set<String> = ["GetCallerIdentity", "AssumeRole", "AssumeRoleWithWebIdentity"]

    /// `Code: message` plus advice for the codes people meet most.
    static func message(for error: AWSError) -> String {
        let action = error.action ?? "the call"
        let permission = error.action.map { (stsActions.contains($0) ? "sts:" : "iam:") + $0 } ?? "this action"
        var text = "\(error.code): \(error.message.isEmpty ? "\(action) failed (HTTP \(error.httpStatus))" : error.message)"
        if !text.hasSuffix(".") { text += "." }
        let advice: String?
        switch error.code {
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation":
            advice = "Check that your credentials allow \(permission)."
        case "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "IncompleteSignature":
            advice = "Check your credentials: the access key or secret key is wrong or was deleted (see --profile and AWS_ACCESS_KEY_ID)."
        case "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired":
            advice = "Your session credentials have expired: refresh them (for example `aws sso login`) and try again."
        case "RequestTimeTooSkewed", "RequestExpired":
            advice = "Check this computer's clock."
        case "NoSuchEntity":
            advice = "Check the name or ARN; it may be in another account or partition."
        case "EntityAlreadyExists":
            advice = "Choose another name, or edit the existing one."
        case "LimitExceeded":
            advice = "An IAM quota was reached (for example roles per account or policies per role); remove something or ask AWS for a higher quota."
        case "MalformedPolicyDocument":
            advice = "Fix the policy document and try again."
        case "DeleteConflict":
            advice = "Detach its policies and remove it from instance profiles first."
        case _ where RetryPolicy.throttlingCodes.contains(error.code):
            advice = "AWS kept throttling the requests; wait a moment, or raise --max-attempts."
        default:
            advice = nil
        }
        if let advice { text += " " + advice }
        if let requestId = error.requestId { text += " (request id \(requestId))" }
        return text
    }
}
