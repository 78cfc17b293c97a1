import Foundation
import SafeText

/// The one way rolewiz's commands write to standard output and standard
/// error. Everything passes through here, so text from outside (role
/// descriptions, policy documents, AWS error messages, file contents) is
/// made inert and every secret the process holds is redacted, whatever
/// printer produced the line. Writes are unbuffered, so progress shows as it
/// happens even when the output is a pipe.
enum Console {
    /// Human text: multi-line, styled by `TerminalStyle`, unsafe scalars escaped.
    static func line(_ text: String, toStandardError: Bool = false) {
        write(TerminalStyle.render(SecretRedactor.shared.redact(text)) + "\n", toStandardError: toStandardError)
    }

    /// Human text on standard output, as `print` would write it.
    static func out(_ text: String, terminator: String = "\n") {
        write(TerminalStyle.render(SecretRedactor.shared.redact(text)) + terminator, toStandardError: false)
    }

    /// JSON text on standard output: still valid JSON, meaning the same,
    /// with controls and format characters inside strings written as `\u` escapes.
    static func json(_ text: String) {
        write(InertText.json(SecretRedactor.shared.redact(text)) + "\n", toStandardError: false)
    }

    /// A prompt on standard error, without a line break.
    static func prompt(_ text: String) {
        write(TerminalStyle.render(SecretRedactor.shared.redact(text)), toStandardError: true)
    }

    /// A progress line on standard error (a terminal), drawn over the last
    /// one; `nil` clears it so the next line starts clean.
    static func progress(_ text: String?) {
        let line = text.map { InertText.line(SecretRedactor.shared.redact($0)) } ?? ""
        write("\r\u{1B}[2K" + line, toStandardError: true)
    }

    private static func write(_ text: String, toStandardError: Bool) {
        let handle = toStandardError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }
}
