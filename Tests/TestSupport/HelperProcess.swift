import Foundation
import Synchronization

/// A helper a test started and must stop (moto, the fault proxy).
///
/// Foundation's `Process`, not swift-subprocess: these servers outlive the
/// call that starts them (moto is shared by every test in the process), and
/// swift-subprocess ties a child to the scope of its `run` closure, which
/// returns only once the child has exited. Here the PID, the readiness line
/// and a held standard input (on whose closing the helpers exit, however the
/// test process ends) are all a plain `Process` needs.
///
/// It is signalled only while Foundation still knows it to be running: once
/// it has exited and been reaped its PID may belong to another process, such
/// as a script another test is running.
public final class HelperProcess: @unchecked Sendable {
    // @unchecked: Process answers isRunning and terminate() from any thread;
    // the input handle is only closed.
    private let process: Process
    private let input: FileHandle

    public init(_ process: Process, input: FileHandle) {
        self.process = process
        self.input = input
    }

    public var pid: Int32 { process.processIdentifier }

    /// SIGTERM while it runs, then its standard input closed (on which the
    /// helpers exit by themselves, so none outlives the test process).
    public func stop() {
        if process.isRunning { process.terminate() }
        try? input.close()
    }

    /// The first line a helper prints (its readiness line), or nil at EOF
    /// or after `timeout` seconds. The read blocks a thread of its own, not
    /// one of Swift concurrency's few: a slow moto start must not stall
    /// every other test on a 2-core machine. After a time-out that thread
    /// ends when the caller kills the helper (EOF).
    public static func firstLine(from handle: FileHandle, timeout: TimeInterval) async -> String? {
        await withCheckedContinuation { continuation in
            let answer = ResumeOnce(continuation)
            Thread.detachNewThread {
                var bytes = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes.append(chunk)
                    if bytes.contains(UInt8(ascii: "\n")) { break }
                }
                answer.resume(String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init))
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { answer.resume(nil) }
        }
    }
}

/// A continuation resumed by whichever comes first, the line or the time-out.
private final class ResumeOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<String?, Never>?>

    init(_ continuation: CheckedContinuation<String?, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ line: String?) {
        continuation.withLock { pending in
            pending?.resume(returning: line)
            pending = nil
        }
    }
}
