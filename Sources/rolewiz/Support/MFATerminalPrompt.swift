import Foundation
import IAMClient
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Asks for an MFA code on the controlling terminal (`/dev/tty`), not on
/// standard input, which may be a pipe or a file with the command's input;
/// as botocore's `getpass`, what is typed is not echoed. Without a terminal,
/// or when nothing arrives within `timeLimit`, there is no code, and the
/// credential chain reports which profile needed one (exit 2).
enum MFATerminalPrompt {
    /// Long enough to find the phone; a prompt that nobody answers must still end.
    static let timeLimit: TimeInterval = 300

    /// The prompt the commands pass to `ClientOptions.mfaPrompt`.
    static let prompt: MFACodePrompt = { challenge in
        try await Task.detached { try ask(challenge, terminalPath: "/dev/tty", timeLimit: timeLimit) }.value
    }

    /// Blocks on the terminal; runs on a detached task so no actor waits on it.
    static func ask(_ challenge: MFAChallenge, terminalPath: String, timeLimit: TimeInterval) throws -> String {
        let terminal = open(terminalPath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0 else {
            throw MFACodeUnavailableError(challenge: challenge, reason: "there is no terminal to ask for it on")
        }
        defer { close(terminal) }
        write(terminal, "Enter MFA code for \(challenge.serialNumber) (profile \(challenge.profile)): ")
        let restoreEcho = hideInput(terminal)
        defer {
            restoreEcho()
            write(terminal, "\n")
        }
        guard let line = readLine(terminal, timeLimit: timeLimit) else {
            throw MFACodeUnavailableError(challenge: challenge, reason: "no code was entered within \(Int(timeLimit)) s")
        }
        return line
    }

    /// Turns echo off; returns what puts it back.
    private static func hideInput(_ terminal: Int32) -> () -> Void {
        var original = termios()
        guard tcgetattr(terminal, &original) == 0 else { return {} }
        var quiet = original
        quiet.c_lflag &= ~tcflag_t(ECHO)
        _ = tcsetattr(terminal, TCSANOW, &quiet)
        return { _ = tcsetattr(terminal, TCSANOW, &original) }
    }

    /// One line, at most 64 characters (a code is 6), or nil at end of input or time-out.
    private static func readLine(_ terminal: Int32, timeLimit: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeLimit)
        var bytes: [UInt8] = []
        while bytes.count < 64 {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var descriptor = pollfd(fd: terminal, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0, errno != EINTR { return nil }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            guard read(terminal, &byte, 1) == 1 else { return nil }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    private static func write(_ terminal: Int32, _ text: String) {
        let data = Array(text.utf8)
        _ = data.withUnsafeBytes { systemWrite(terminal, $0.baseAddress, $0.count) }
    }
}
