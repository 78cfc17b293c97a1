import ArgumentParser
import Foundation

/// Asking before writing to IAM: a y/N question on a terminal; never a
/// silent yes when standard input is a pipe or a file.
enum Confirmation {
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Exit 2 unless there is someone to ask: a write to IAM never goes
    /// ahead unconfirmed because standard input is a pipe or a file.
    static func requireTerminal(toConfirm action: String, check: String) throws {
        guard standardInputIsTerminal else {
            Console.line(
                "error: refusing to \(action) without --yes: standard input is not a terminal, so there is no one to confirm. "
                    + "Check \(check), then run again with --yes.", toStandardError: true)
            throw ExitCode(ErrorReporter.usageExitCode)
        }
    }

    /// Prints `question [y/N] ` on standard error and reads the answer;
    /// anything but y or yes (any case) is a no, and so is end of input.
    static func ask(_ question: String) -> Bool {
        Console.prompt("\(question) [y/N] ")
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// For what cannot be undone, as the console asks: the answer must be
    /// `expected` exactly (surrounding spaces aside); end of input is a no.
    static func askToType(_ expected: String, prompt: String) -> Bool {
        Console.prompt(prompt)
        guard let answer = readLine() else { return false }
        return answer.trimmingCharacters(in: .whitespaces) == expected
    }
}
