import Foundation

/// Unbuffered lines to standard output or error, so progress shows as it
/// happens even when the output is a pipe (`print` would hold it until exit).
enum Console {
    static func line(_ text: String, toStandardError: Bool = false) {
        let handle = toStandardError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data((text + "\n").utf8))
    }
}
