#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// Reads a file or standard input that came from outside: a spec, a
/// policy, an AWS config file, a token file. Bounded in size, never a
/// crash, and every failure said in plain words (a directory is "a
/// directory", not "NSCocoaErrorDomain 256"; a pipe or `/dev/stdin` is
/// read like any file; invalid UTF-8 is reported at its line:column).
public enum InputFile {
    /// Far beyond any spec, policy or config file; far below what costs
    /// memory. `/dev/zero` stops here.
    public static let defaultLimit = 1 << 20

    /// The path that means standard input.
    public static let standardInputName = "-"

    /// The text of `path` (`-` for standard input), at most `limit` bytes.
    public static func read(_ path: String, limit: Int = defaultLimit) throws(InputFileError) -> String {
        let bytes = try readBytes(path, limit: limit)
        return try decode(bytes, path: path)
    }

    /// The bytes of `path`, at most `limit`.
    public static func readBytes(_ path: String, limit: Int = defaultLimit) throws(InputFileError) -> [UInt8] {
        if path == standardInputName {
            return try readAll(from: STDIN_FILENO, path: path, limit: limit)
        }
        if path.isEmpty { throw InputFileError(path: path, reason: .notFound) }
        // Non-blocking, so a FIFO with no writer does not hang the open;
        // reads are made blocking again below.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputFileError(path: path, reason: .init(errno: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputFileError(path: path, reason: .init(errno: errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw InputFileError(path: path, reason: .directory) }
        if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit {
            throw InputFileError(path: path, reason: .tooLarge(limit: limit))
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return try readAll(from: descriptor, path: path, limit: limit)
    }

    private static func readAll(from descriptor: Int32, path: String, limit: Int) throws(InputFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { return bytes }  // a FIFO nobody writes to: nothing to read
                throw InputFileError(path: path, reason: .init(errno: errno))
            }
            if bytes.count + count > limit { throw InputFileError(path: path, reason: .tooLarge(limit: limit)) }
            bytes += chunk[0..<count]
        }
    }

    /// UTF-8 text, or the line:column of the first byte that is not UTF-8.
    public static func decode(_ bytes: [UInt8], path: String) throws(InputFileError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            guard length > 0 else {
                throw InputFileError(path: path, reason: .notUTF8(line: line, column: column, byte: bytes[index]))
            }
            if bytes[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let (length, secondRange): (Int, ClosedRange<UInt8>) =
            switch lead {
            case 0x00...0x7F: (1, 0x80...0xBF)
            case 0xC2...0xDF: (2, 0x80...0xBF)
            case 0xE0: (3, 0xA0...0xBF)
            case 0xED: (3, 0x80...0x9F)
            case 0xE1...0xEF: (3, 0x80...0xBF)
            case 0xF0: (4, 0x90...0xBF)
            case 0xF1...0xF3: (4, 0x80...0xBF)
            case 0xF4: (4, 0x80...0x8F)
            default: (0, 0x80...0xBF)
            }
        guard length > 1 else { return length }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}
