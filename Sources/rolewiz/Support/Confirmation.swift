import Foundation

/// Asking before writing to IAM: a y/N question on a terminal; never a
/// silent yes when standard input is a pipe or a file.
enum Confirmation {
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Prints `question [y/N] ` on standard error and reads the answer;
    /// anything but y or yes (any case) is a no, and so is end of input.
    static func ask(_ question: String) -> Bool {
        Console.prompt("\(question) [y/N] ")
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
