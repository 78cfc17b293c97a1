#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Hands results of background work to the UI thread. Any thread may
/// `post`; the `Application` loop wakes at once (a byte on a self-pipe it
/// polls together with the keyboard), so spinners keep turning and no
/// keypress waits for a network call.
///
///     let app = try Application<Message>(options: options)
///     app.inbox.perform { .finished(await client.createRole(request)) }
///     // or from any thread: app.inbox.post(.progress(3))
///
/// Messages go to the top screen's `receive(_:)` (then to the screens
/// below it, until one does not return `.ignored`).
///
/// Messages are delivered in posting order, on the loop's thread.
public final class Inbox<Message: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property below is either immutable or only
    // touched while `lock` is held.
    private let lock = NSLock()
    private var pending: [Message] = []
    let wakePipe: WakePipe

    /// Throws when the self-pipe that wakes the loop cannot be created (out of descriptors).
    public init() throws {
        wakePipe = try WakePipe()
    }

    /// Queues a message for the UI thread and wakes the loop.
    public func post(_ message: Message) {
        lock.lock()
        pending.append(message)
        lock.unlock()
        wakePipe.wake(byte: WakePipe.messageByte)
    }

    /// Runs `work` off the UI thread and posts what it returns.
    public func perform(_ work: @escaping @Sendable () async -> Message) {
        Task.detached { [self] in
            post(await work())
        }
    }

    /// Takes every queued message, oldest first (the loop calls this).
    public func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let messages = pending
        pending.removeAll()
        return messages
    }
}

/// A non-blocking pipe whose read end the loop polls. Signal handlers write
/// the signal number into it; the inbox writes `messageByte`.
final class WakePipe: Sendable {
    static let messageByte: UInt8 = 0xFF
    let readDescriptor: Int32
    let writeDescriptor: Int32

    init() throws {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw TerminalError.pipeFailed(errno: errno) }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Never blocks: a full pipe already guarantees a wake-up.
    func wake(byte: UInt8) {
        var value = byte
        _ = write(writeDescriptor, &value, 1)
    }

    /// Everything written since the last call.
    func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(readDescriptor, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer.prefix(count)
        }
        return bytes
    }
}
