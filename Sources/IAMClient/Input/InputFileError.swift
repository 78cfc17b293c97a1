#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file or standard input could not be read, in words a person
/// acts on; `description` names the file first.
public struct InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a value callers can match on (a missing file is often not an error); `message` words it.
    public enum Reason: Sendable, Equatable {
        case notFound
        case permissionDenied
        case directory
        case tooLarge(limit: Int)
        case notUTF8(line: Int, column: Int, byte: UInt8)
        case closed
        case system(String)

        init(errno code: Int32) {
            switch code {
            case ENOENT, ENOTDIR: self = .notFound
            case EACCES, EPERM: self = .permissionDenied
            case EISDIR: self = .directory
            case EBADF: self = .closed
            default: self = .system(String(cString: strerror(code)))
            }
        }
    }

    /// The path as the user gave it, or `-` for standard input.
    public var path: String
    /// Why the read failed.
    public var reason: Reason

    /// Built by `InputFile`; tests build their own to check messages.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// What is wrong, without the file's name.
    public var message: String {
        switch reason {
        case .notFound: "there is no such file"
        case .permissionDenied: "you do not have permission to read it"
        case .directory: "it is a directory, not a file"
        case .tooLarge(let limit): "it is larger than \(limit) bytes (\(limit >> 20) MiB), the most rolewiz reads"
        case .notUTF8(let line, let column, let byte):
            "it is not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) at \(line):\(column) is not valid UTF-8"
        case .closed: "standard input is closed"
        case .system(let text): text
        }
    }

    /// `FILE: cannot read: ...` (`standard input` for `-`).
    public var description: String {
        "\(path == InputFile.standardInputName ? "standard input" : path): cannot read: \(message)"
    }
}
